/// A JSON value whose object members keep the order they were given, so output is
/// deterministic and reads in the order a specification lists its fields.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Members in order; nil values are never stored (use `JSONObject` to build one).
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    /// Compact JSON text (no spaces), UTF-8 characters written as they are.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends compact JSON text to `out`.
    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += JSONValue.format(value)
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(key, to: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// A finite double in JSON form; integral values without a fraction; NaN and infinity as null.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Appends `value` as a JSON string literal.
    public static func writeString(_ value: String, to out: inout String) {
        out += "\""
        if !needsEscaping(value) {
            // The common case (UIDs, codes, names): the text goes in whole, in one append.
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// True when `value` holds a quote, a backslash, a control character, or a byte 0xE2 that
    /// may start U+2028 or U+2029 (checked on the UTF-8 bytes, not on scalars).
    @inline(__always)
    static func needsEscaping(_ value: String) -> Bool {
        func check<C: Sequence>(_ bytes: C) -> Bool where C.Element == UInt8 {
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return true }
            return false
        }
        return value.utf8.withContiguousStorageIfAvailable { check($0) } ?? check(value.utf8)
    }
}

/// Builds a JSON object member by member; `nil` and empty values are left out, as FHIR
/// requires (no empty strings, arrays or objects).
public struct JSONObject: Sendable {
    public private(set) var members: [(String, JSONValue)] = []

    /// An empty object.
    public init() {}

    /// Sets `key` to `value` unless the value is nil, "", [] or {}.
    public mutating func set(_ key: String, _ value: JSONValue?) {
        guard let value, !value.isEmpty else { return }
        if let index = members.firstIndex(where: { $0.0 == key }) { members[index].1 = value } else { members.append((key, value)) }
    }

    /// Sets `key` to a string unless it is nil or empty.
    public mutating func set(_ key: String, _ value: String?) { set(key, value.map(JSONValue.string)) }
    /// Sets `key` to an integer unless it is nil.
    public mutating func set(_ key: String, _ value: Int?) { set(key, value.map(JSONValue.int)) }
    /// Sets `key` to a Boolean unless it is nil.
    public mutating func set(_ key: String, _ value: Bool?) { set(key, value.map(JSONValue.bool)) }

    /// The object as a value.
    public var value: JSONValue { .object(members) }
}

extension JSONValue {
    /// True for "", [] and {}.
    public var isEmpty: Bool {
        switch self {
        case .string(let text): return text.isEmpty
        case .array(let values): return values.isEmpty
        case .object(let members): return members.isEmpty
        default: return false
        }
    }
}
