/// A token search value: `code`, `system|code`, `|code` (no system) or `system|` (any code
/// of the system). Codes and systems compare exactly, case included, as FHIR token search does.
public struct TokenValue: Hashable, Sendable {
    /// Which system a matching value must have.
    public enum System: Hashable, Sendable {
        /// Any system, or none (`code`).
        case any
        /// No system (`|code`).
        case none
        /// This system (`system|code`, `system|`).
        case uri(String)
    }

    /// The system a matching value must have.
    public var system: System
    /// The code or identifier value; nil for `system|`, which matches every value of the system.
    public var code: String?

    /// A token value.
    public init(system: System, code: String?) {
        self.system = system
        self.code = code
    }

    /// Parses one (still escaped) alternative of a token parameter.
    static func parse(_ raw: Substring) throws(ValueProblem) -> TokenValue {
        let parts = SearchValueText.split(raw, on: "|")
        switch parts.count {
        case 1:
            return TokenValue(system: .any, code: SearchValueText.unescape(parts[0]))
        case 2:
            let system = SearchValueText.unescape(parts[0])
            let code = SearchValueText.unescape(parts[1])
            if system.isEmpty && code.isEmpty { throw ValueProblem("\"|\" needs a system, a code or both") }
            return TokenValue(system: system.isEmpty ? .none : .uri(system), code: code.isEmpty ? nil : code)
        default:
            throw ValueProblem("a token is [system|]code with one \"|\" (escape a \"|\" in a value as \"\\|\")")
        }
    }

    /// True when `value` (one system and code of a study) matches.
    func matches(_ value: IndexedToken) -> Bool {
        switch system {
        case .any: break
        case .none: guard value.system == nil else { return false }
        case .uri(let uri): guard value.system == uri else { return false }
        }
        return code.map { $0 == value.code } ?? true
    }
}

/// `typeSystem|typeCode|value` of `identifier:of-type`: an identifier by its type and value.
public struct TypedIdentifierValue: Hashable, Sendable {
    /// The system of the identifier type, e.g. `http://terminology.hl7.org/CodeSystem/v2-0203`.
    public var typeSystem: String
    /// The identifier type code, e.g. `ACSN`.
    public var typeCode: String
    /// The identifier value.
    public var value: String

    static func parse(_ raw: Substring) throws(ValueProblem) -> TypedIdentifierValue {
        let parts = SearchValueText.split(raw, on: "|").map(SearchValueText.unescape)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
            throw ValueProblem("identifier:of-type takes typeSystem|typeCode|value, e.g. "
                               + "http://terminology.hl7.org/CodeSystem/v2-0203|ACSN|ACC1")
        }
        return TypedIdentifierValue(typeSystem: parts[0], typeCode: parts[1], value: parts[2])
    }

    func matches(_ value: IndexedToken) -> Bool {
        guard let type = value.type else { return false }
        return type.system == typeSystem && type.code == typeCode && value.code == self.value
    }
}

/// One system and code (or identifier system and value) a study has for a parameter.
struct IndexedToken: Sendable {
    /// A Coding's system and code, here the type of an identifier.
    struct Coding: Hashable, Sendable {
        var system: String
        var code: String
    }

    var system: String?
    var code: String
    /// The identifier type (`v2-0203|ACSN` for the accession number), for `:of-type`.
    var type: Coding?

    init(system: String?, code: String, type: Coding? = nil) {
        self.system = system
        self.code = code
        self.type = type
    }
}
