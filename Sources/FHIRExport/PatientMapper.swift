import DICOMCore
import DICOMStudies
import JSONWriting

/// Who a study's patient is, as FHIR identifies them: the Patient ID (0010,0020) with the
/// system of its Issuer (0010,0021).
public struct PatientIdentity: Hashable, Sendable {
    /// The identifier system: from the issuer (see `IssuerSystem`), else the configured
    /// default, else nil.
    public let system: String?
    /// The Patient ID.
    public let value: String

    /// The identity of `patient`, or nil when the files give no Patient ID.
    public init?(_ patient: PatientInfo, defaultSystem: String? = nil) {
        guard let id = patient.id?.trimmingSpaces(), !id.isEmpty else { return nil }
        value = id
        system = patient.issuer.flatMap(IssuerSystem.system(for:)) ?? defaultSystem
    }

    /// The deterministic resource id and `urn:uuid` of the Patient (a hash, never the ID itself).
    public var resourceID: String { NameBasedUUID.patient(system: system, value: value) }

    /// The FHIR Identifier.
    var identifier: JSONValue { Elements.identifier(system: system, value: value) }

    /// The search `identifier=<system>|<value>` that finds this patient.
    var searchQuery: String { "identifier=" + SearchQuery.token(system: system, value: value) }
}

/// Builds Patient resources from the patient attributes of a study.
public struct PatientMapper: Sendable {
    /// The options (version, default identifier system).
    public let options: FHIROptions

    /// A mapper for `options`.
    public init(options: FHIROptions) { self.options = options }

    /// The Patient resource: identifier, name (HumanName per component group), gender
    /// (M, F, O → male, female, other; any other value → unknown; absent → left out) and
    /// birthDate (a valid DA only). `id` is set only when given.
    public func patient(_ info: PatientInfo, id: String? = nil) -> JSONValue {
        var object = JSONObject()
        object.set("resourceType", "Patient")
        object.set("id", id)
        if let identity = PatientIdentity(info, defaultSystem: options.defaultPatientIDSystem) {
            object.set("identifier", .array([identity.identifier]))
        }
        object.set("name", .array(Elements.humanNames(info.name)))
        object.set("gender", Self.gender(info.sex))
        object.set("birthDate", info.birthDate.flatMap { DICOMDate($0) }?.iso8601)
        return object.value
    }

    /// FHIR administrative gender of a Patient's Sex (0010,0040) value.
    static func gender(_ sex: String?) -> String? {
        guard let sex = sex?.trimmingSpaces(), !sex.isEmpty else { return nil }
        switch sex.uppercased() {
        case "M": return "male"
        case "F": return "female"
        case "O": return "other"
        default: return "unknown"
        }
    }
}
