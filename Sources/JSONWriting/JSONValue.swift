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
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends compact JSON text to `out`.
    public func write(to out: inout String) {
        out += serialized()
    }

    /// Appends compact JSON text to `out` as UTF-8: the fast way to write a large output, into
    /// one buffer reused from piece to piece.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: JSONBytes.append("null", to: &out)
        case .bool(let value): JSONBytes.append(value ? "true" : "false", to: &out)
        case .int(let value): JSONBytes.appendInteger(value, to: &out)
        case .double(let value): out.append(contentsOf: JSONValue.format(value).utf8)
        case .string(let value): JSONBytes.appendString(value, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            var first = true
            for value in values {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            JSONBytes.appendMembers(members, to: &out)
            out.append(UInt8(ascii: "}"))
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
        var bytes: [UInt8] = []
        JSONBytes.appendString(value, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
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

extension JSONObject {
    /// Appends the object as compact JSON, with more members written by `tail` before the
    /// closing brace: `tail` gets the output and whether members were written before (it then
    /// starts with a comma). For members too large or too many to be worth a `JSONValue`.
    public func write(to out: inout [UInt8], tail: (inout [UInt8], _ hasMembers: Bool) -> Void) {
        out.append(UInt8(ascii: "{"))
        JSONBytes.appendMembers(members, to: &out)
        tail(&out, !members.isEmpty)
        out.append(UInt8(ascii: "}"))
    }
}
