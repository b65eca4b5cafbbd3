/// Why a search argument was refused. A refused query never runs, so a typo can never look
/// like an empty result; the `query` command exits with status 2 for every case.
public enum SearchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An argument that is not `NAME=VALUE` (no `=`, or nothing before it).
    case notNameValue(argument: String)
    /// A name that is no ImagingStudy search parameter here; `suggestion` is the nearest known
    /// name when one is close.
    case unknownParameter(name: String, suggestion: String?)
    /// An R4 ImagingStudy parameter this search does not offer (`encounter`, `endpoint`,
    /// `interpreter`, `performer`, `reason`).
    case unsupportedParameter(name: String)
    /// A modifier (`:name`) the parameter does not take; `supported` lists the ones it does.
    case unsupportedModifier(argument: String, parameter: String, modifier: String, supported: [String])
    /// A value that cannot be read: `argument` is the whole `NAME=VALUE`, `reason` says why.
    case invalidValue(argument: String, reason: String)
    /// `_count` or `_sort` given more than once.
    case repeatedParameter(name: String)

    /// The message for the user: the argument, what is wrong, and what would be right.
    public var description: String {
        switch self {
        case .notNameValue(let argument):
            return "\"\(argument)\": expected NAME=VALUE, e.g. modality=CT or started=ge2024-01-01"
        case .unknownParameter(let name, let suggestion):
            let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
            return "unknown search parameter \"\(name)\"\(hint); ImagingStudy parameters: "
                + SearchParameter.allNames.joined(separator: ", ")
        case .unsupportedParameter(let name):
            return "the ImagingStudy search parameter \"\(name)\" is not supported here; supported: "
                + SearchParameter.allNames.joined(separator: ", ")
        case .unsupportedModifier(let argument, let parameter, let modifier, let supported):
            let list = supported.isEmpty ? "none" : supported.map { ":" + $0 }.joined(separator: ", ")
            return "\(argument): \(parameter) does not take the modifier :\(modifier) (it takes: \(list))"
        case .invalidValue(let argument, let reason):
            return "\(argument): \(reason)"
        case .repeatedParameter(let name):
            return "\(name) is given more than once"
        }
    }
}
