import FHIRExport

/// A reference search value (`patient`, `subject`, `basedon`, `referrer`).
public enum ReferenceValue: Hashable, Sendable {
    /// `Type/id`, or an absolute URL ending in it: the resource with that id.
    case resource(type: String, id: String)
    /// A bare value: a resource id, or an identifier value of any system.
    case plain(String)
    /// `system|value`, or any value with `:identifier`: the reference's identifier.
    case identifier(TokenValue)
}

/// One alternative of a search argument.
public enum SearchValue: Hashable, Sendable {
    /// A token (`_id`, `identifier`, `accession`, `modality`, `status`, `series`, `uid`,
    /// `bodysite`, `dicom-class`).
    case token(TokenValue)
    /// `identifier:of-type`.
    case typedIdentifier(TypedIdentifierValue)
    /// `started`.
    case date(DateSearchValue)
    /// `patient`, `subject`, `basedon`, and `referrer` given as `Practitioner/id`.
    case reference(ReferenceValue)
    /// `referrer`: part of the referring physician's name, folded (case and accents ignored).
    case name(String)
    /// `:missing=true` or `:missing=false`.
    case missing(Bool)
}

/// One `NAME[:modifier]=VALUE[,VALUE...]` argument: the study must match one of its values.
public struct SearchClause: Hashable, Sendable {
    /// The parameter.
    public var parameter: SearchParameter
    /// The modifier, if any.
    public var modifier: SearchModifier?
    /// The alternatives (comma-separated in the argument), at least one.
    public var values: [SearchValue]

    /// A clause.
    public init(parameter: SearchParameter, modifier: SearchModifier? = nil, values: [SearchValue]) {
        self.parameter = parameter
        self.modifier = modifier
        self.values = values
    }

    /// Parses the clause of `argument`, whose name part is `name` (with its modifier) and
    /// value part `value`.
    static func parse(name: Substring, value: Substring, argument: String) throws(SearchError) -> SearchClause {
        let nameParts = name.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let baseName = String(nameParts[0])
        guard let parameter = SearchParameter.named(baseName) else {
            if SearchParameter.unsupportedNames.contains(baseName) { throw .unsupportedParameter(name: baseName) }
            throw .unknownParameter(name: baseName, suggestion: SearchParameter.suggestion(for: baseName))
        }
        var modifier: SearchModifier?
        if nameParts.count == 2 {
            let text = String(nameParts[1])
            guard let known = SearchModifier(rawValue: text), parameter.modifiers.contains(known) else {
                throw .unsupportedModifier(argument: argument, parameter: baseName, modifier: text,
                                           supported: parameter.modifiers.map(\.rawValue))
            }
            modifier = known
        }
        guard !value.isEmpty else { throw .invalidValue(argument: argument, reason: "no value after \"=\"") }
        var values: [SearchValue] = []
        for alternative in SearchValueText.split(value, on: ",") {
            guard !alternative.isEmpty else {
                throw .invalidValue(argument: argument, reason: "an empty value between commas")
            }
            do {
                values.append(try Self.value(alternative, parameter: parameter, modifier: modifier))
            } catch {
                throw .invalidValue(argument: argument, reason: error.reason)
            }
        }
        return SearchClause(parameter: parameter, modifier: modifier, values: values)
    }

    /// One alternative, still escaped.
    private static func value(_ raw: Substring, parameter: SearchParameter,
                              modifier: SearchModifier?) throws(ValueProblem) -> SearchValue {
        switch modifier {
        case .missing:
            switch raw {
            case "true": return .missing(true)
            case "false": return .missing(false)
            default: throw ValueProblem(":missing takes true or false")
            }
        case .ofType:
            return .typedIdentifier(try TypedIdentifierValue.parse(raw))
        case .identifier:
            return .reference(.identifier(try TokenValue.parse(raw)))
        case .not, nil:
            break
        }
        switch parameter.kind {
        case .token:
            return .token(try TokenRules.normalized(try TokenValue.parse(raw), for: parameter))
        case .date:
            return .date(try DateSearchValue.parse(SearchValueText.unescape(raw)))
        case .reference:
            return .reference(try reference(raw, parameter: parameter))
        case .name:
            if case .resource(let type, let id) = try reference(raw, parameter: parameter) {
                return .reference(.resource(type: type, id: id))
            }
            return .name(StudySearchValues.fold(SearchValueText.unescape(raw)))
        }
    }

    /// A reference value: `Type/id` when Type is one the parameter may name (also at the end of
    /// an absolute URL), `system|value` as an identifier, anything else plain.
    private static func reference(_ raw: Substring, parameter: SearchParameter) throws(ValueProblem) -> ReferenceValue {
        if SearchValueText.split(raw, on: "|").count > 1, parameter.kind == .reference {
            return .identifier(try TokenValue.parse(raw))
        }
        let text = SearchValueText.unescape(raw)
        let path = text.contains("://") ? text.split(separator: "/").suffix(2).joined(separator: "/") : text
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, parameter.targetTypes.contains(String(parts[0])) {
            guard !parts[1].isEmpty else { throw ValueProblem("\"\(text)\" names no id after \"/\"") }
            return .resource(type: String(parts[0]), id: String(parts[1]))
        }
        return .plain(text)
    }
}

/// Checks and conveniences for token values, so that a value that cannot match by mistake is
/// an error rather than an empty result.
enum TokenRules {
    private static let statusCodes = ["registered", "available", "cancelled", "entered-in-error", "unknown"]

    static func normalized(_ token: TokenValue, for parameter: SearchParameter) throws(ValueProblem) -> TokenValue {
        guard let code = token.code else { return token }
        switch parameter {
        case .status:
            if token.system == .any || token.system == .uri(StudySearchValues.statusSystem),
               !statusCodes.contains(code) {
                throw ValueProblem("\"\(code)\" is not an ImagingStudy status (\(statusCodes.joined(separator: ", ")))")
            }
        case .modality:
            if token.system == .any, code != code.uppercased(), ModalityCode.lookup(code.uppercased()) != nil {
                throw ValueProblem("modality codes are upper case: \(code.uppercased())")
            }
        case .bodysite:
            // A bare code that is not a SNOMED CT id is taken as a Body Part Examined term.
            if token.system == .any, !code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                guard let part = BodyPartCode.lookup(code) else {
                    throw ValueProblem("\"\(code)\" is neither a SNOMED CT code nor a Body Part Examined term (PS3.16 Annex L)")
                }
                return TokenValue(system: .uri(CodeSystems.snomed), code: part.code)
            }
        case .dicomClass:
            // A bare SOP Class UID stands for its `urn:oid:` code.
            if token.system == .any || token.system == .uri(CodeSystems.uri), !code.hasPrefix("urn:") {
                guard isUID(code) else {
                    throw ValueProblem("\"\(code)\" is not a SOP Class UID (digits and dots) or a urn:oid: code")
                }
                return TokenValue(system: token.system, code: "urn:oid:" + code)
            }
        default:
            break
        }
        return token
    }

    private static func isUID(_ text: String) -> Bool {
        let arcs = text.split(separator: ".", omittingEmptySubsequences: false)
        return arcs.count >= 2 && arcs.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }
}
