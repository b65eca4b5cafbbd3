import DICOMCore

/// The FHIR release whose ImagingStudy shape is written.
public enum FHIRVersion: String, CaseIterable, Sendable {
    /// FHIR R4 (4.0.1): `modality` as Coding, `procedureCode`, `reasonCode`, `interpreter`.
    case r4
    /// FHIR R5 (5.0.0): `modality` as CodeableConcept, `procedure` and `reason` as
    /// CodeableReference, the accession number under `basedOn`, no `interpreter`.
    case r5
    /// FHIR STU3 (3.0.2): `uid`, `accession`, `availability`, `modalityList`, `patient`,
    /// `reason`, series and instance UIDs as `urn:oid:`.
    case stu3
}

/// The shape of the output.
public enum FHIRFormat: String, CaseIterable, Sendable {
    /// A JSON array of ImagingStudy resources, one per study.
    case json
    /// Transaction Bundles, one per line, each with at most `FHIROptions.bundleSize` studies.
    case bundle
    /// One resource per line for Bulk `$import`: Endpoint, Patients, then ImagingStudies.
    case ndjson
}

/// What to do with a Study Time (or Series Time) whose file gives no Timezone Offset From UTC
/// (0008,0201). FHIR requires an offset on every `dateTime` that has a time.
public enum DefaultTimezone: Hashable, Sendable {
    /// The offset of this machine's local time zone at that date and time (daylight saving
    /// time included), as DICOM times without an offset are local times. The default.
    case local
    /// A fixed offset, e.g. `+01:00`, or UTC.
    case offset(UTCOffset)
    /// Keep the date only and drop the time.
    case dateOnly

    /// Parses an option value: `local`, `UTC` (or `Z`), `+hh:mm` / `-hh:mm` / `+hhmm`, or
    /// `none` (date only). Case-insensitive; nil for anything else.
    public init?(_ text: String) {
        let lower = text.lowercased()
        switch lower {
        case "local": self = .local
        case "utc", "z": self = .offset(.utc)
        case "none", "date", "date-only": self = .dateOnly
        default:
            let compact = lower.count == 6 && Array(lower)[3] == ":" ? String(lower.prefix(3) + lower.suffix(2)) : lower
            guard let offset = UTCOffset(compact) else { return nil }
            self = .offset(offset)
        }
    }
}

/// Everything the FHIR output can be told.
public struct FHIROptions: Sendable {
    /// The FHIR release to write. Default R4.
    public var version: FHIRVersion
    /// The offset for times without (0008,0201). Default `.local`.
    public var defaultTimezone: DefaultTimezone
    /// The DICOMweb WADO-RS base URL (e.g. `https://pacs.example.org/dicom-web`); when set,
    /// every ImagingStudy gets an `endpoint` to an Endpoint of connection type `dicom-wado-rs`.
    public var wadoRSBase: String?
    /// The most studies in one transaction Bundle (at least 1). Default 50.
    public var bundleSize: Int
    /// The identifier system for Patient IDs whose files give no Issuer of Patient ID
    /// (0010,0021); nil (the default) writes such identifiers without a system.
    public var defaultPatientIDSystem: String?

    /// Options with the given values; the defaults are R4, local time, no endpoint, 50 studies
    /// per Bundle and no default Patient ID system.
    public init(version: FHIRVersion = .r4, defaultTimezone: DefaultTimezone = .local, wadoRSBase: String? = nil,
                bundleSize: Int = 50, defaultPatientIDSystem: String? = nil) {
        self.version = version
        self.defaultTimezone = defaultTimezone
        self.wadoRSBase = wadoRSBase
        self.bundleSize = max(1, bundleSize)
        self.defaultPatientIDSystem = defaultPatientIDSystem
    }
}
