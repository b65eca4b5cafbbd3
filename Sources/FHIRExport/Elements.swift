import DICOMCore
import DICOMStudies
import JSONWriting

/// Builders for the FHIR data types the resources use. Every builder leaves out empty parts
/// (through `JSONObject`) and returns nil when nothing is left.
enum Elements {
    /// A Coding: system, version, code, display.
    static func coding(system: String?, code: String, display: String? = nil, version: String? = nil) -> JSONValue {
        var object = JSONObject()
        object.set("system", system)
        object.set("version", version)
        object.set("code", code)
        object.set("display", display)
        return object.value
    }

    /// The Coding of a DICOM coded entry: system from its Coding Scheme Designator (none when
    /// the designator has no known URI), version, code, and the Code Meaning as display.
    static func coding(_ entry: CodedEntry) -> JSONValue? {
        let code = entry.value.trimmingSpaces()
        guard !code.isEmpty else { return nil }
        return coding(system: entry.scheme.flatMap(CodeSystems.system(forDesignator:)), code: code,
                      display: entry.meaning, version: entry.schemeVersion)
    }

    /// A CodeableConcept of `codings` and `text`; nil when both are empty.
    static func concept(_ codings: [JSONValue], text: String? = nil) -> JSONValue? {
        var object = JSONObject()
        object.set("coding", .array(codings))
        object.set("text", text)
        return object.members.isEmpty ? nil : object.value
    }

    /// A CodeableReference (R5) holding `concept`.
    static func codeableReference(_ concept: JSONValue?) -> JSONValue? {
        guard let concept else { return nil }
        return .object([("concept", concept)])
    }

    /// An Identifier: type, system, value.
    static func identifier(system: String?, value: String, type: JSONValue? = nil) -> JSONValue {
        var object = JSONObject()
        object.set("type", type)
        object.set("system", system)
        object.set("value", value)
        return object.value
    }

    /// The identifier type `code` of v2 table 0203 (e.g. `ACSN`) as a CodeableConcept.
    static func identifierType(_ code: String, _ version: FHIRVersion) -> JSONValue {
        .object([("coding", .array([coding(system: CodeSystems.identifierType(version), code: code)]))])
    }

    /// A Reference: reference, type (not in STU3), identifier, display; nil when all are empty.
    static func reference(_ reference: String? = nil, type: String? = nil, identifier: JSONValue? = nil,
                          display: String? = nil, version: FHIRVersion) -> JSONValue? {
        var object = JSONObject()
        object.set("reference", reference)
        if version != .stu3 { object.set("type", type) }
        object.set("identifier", identifier)
        object.set("display", display)
        return object.members.isEmpty ? nil : object.value
    }

    /// A display text for a PN value: the alphabetic name in reading order (`John Smith`), else
    /// the ideographic or phonetic one; nil when the name is empty.
    static func displayName(_ value: String?) -> String? {
        guard let value else { return nil }
        if let text = DisplayName.ascii(value) { return text }
        let name = PersonName(value)
        for representation in PersonName.Representation.allCases {
            if let text = name.humanName(representation).text { return text }
        }
        return nil
    }

    /// HumanName entries for a PN value: the alphabetic group, then the ideographic and phonetic
    /// groups marked with the `iso21090-EN-representation` extension (`IDE`, `SYL`).
    static func humanNames(_ value: String?) -> [JSONValue] {
        guard let value else { return [] }
        let name = PersonName(value)
        var names: [JSONValue] = []
        for representation in PersonName.Representation.allCases {
            let parts = name.humanName(representation)
            guard !parts.isEmpty else { continue }
            var object = JSONObject()
            switch representation {
            case .alphabetic: break
            case .ideographic: object.set("extension", representationExtension("IDE"))
            case .phonetic: object.set("extension", representationExtension("SYL"))
            }
            object.set("text", parts.text)
            object.set("family", parts.family)
            object.set("given", .array(parts.given.map(JSONValue.string)))
            object.set("prefix", .array(parts.prefix.map(JSONValue.string)))
            object.set("suffix", .array(parts.suffix.map(JSONValue.string)))
            names.append(object.value)
        }
        return names
    }

    private static func representationExtension(_ code: String) -> JSONValue {
        .array([.object([("url", .string(CodeSystems.nameRepresentation)), ("valueCode", .string(code))])])
    }
}
