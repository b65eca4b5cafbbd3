/// Code system and identifier system URIs, and the DICOM Coding Scheme Designator mapping.
///
/// The designators are those of DICOM PS3.16 Table 8-1 (Coding Schemes); the URIs are the ones
/// FHIR lists on its "Using Codes in Resources / terminologies-systems" page (R4). A designator
/// that is not listed here (private `99...` schemes, retired SNOMED-RT `SRT`, ...) gives no
/// system: the code and its meaning are kept, no system is guessed.
public enum CodeSystems {
    /// DICOM Controlled Terminology (PS3.16 Annex D), `DCM`.
    public static let dicom = "http://dicom.nema.org/resources/ontology/DCM"
    /// SNOMED CT, `SCT`.
    public static let snomed = "http://snomed.info/sct"
    /// LOINC, `LN`.
    public static let loinc = "http://loinc.org"
    /// The system of `urn:oid:` and other URI codes (SOP Class UIDs).
    public static let uri = "urn:ietf:rfc:3986"
    /// The identifier system of Study Instance UIDs (values `urn:oid:<uid>`).
    public static let dicomUID = "urn:dicom:uid"

    /// The v2 table 0203 (identifier type, e.g. `ACSN`) for `version`.
    public static func identifierType(_ version: FHIRVersion) -> String {
        version == .stu3 ? "http://hl7.org/fhir/v2/0203" : "http://terminology.hl7.org/CodeSystem/v2-0203"
    }

    /// The endpoint connection type code system (e.g. `dicom-wado-rs`) for `version`.
    public static func endpointConnectionType(_ version: FHIRVersion) -> String {
        version == .stu3 ? "http://hl7.org/fhir/endpoint-connection-type"
            : "http://terminology.hl7.org/CodeSystem/endpoint-connection-type"
    }

    /// The v3 ParticipationType code system (series performer function), R4 and R5.
    public static let participationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"

    /// The `iso21090-EN-representation` extension that marks ideographic (`IDE`) and phonetic
    /// (`SYL`) names.
    public static let nameRepresentation = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"

    /// The FHIR system URI of a DICOM Coding Scheme Designator (0008,0102), or nil when it has
    /// none here. Matching ignores case and surrounding spaces.
    public static func system(forDesignator designator: String) -> String? {
        designatorSystems[designator.trimmingSpaces().uppercased()]
    }

    private static let designatorSystems: [String: String] = [
        "DCM": dicom,
        "SCT": snomed,
        "LN": loinc,
        "UCUM": "http://unitsofmeasure.org",
        "RADLEX": "http://radlex.org",
        "I10": "http://hl7.org/fhir/sid/icd-10",
        "ICD10": "http://hl7.org/fhir/sid/icd-10",
        "I9C": "http://hl7.org/fhir/sid/icd-9-cm",
        "I10P": "http://www.cms.gov/Medicare/Coding/ICD10",
        "UMLS": "http://www.nlm.nih.gov/research/umls",
        "RXNORM": "http://www.nlm.nih.gov/research/umls/rxnorm",
        "C4": "http://www.ama-assn.org/go/cpt",
        "C5": "http://www.ama-assn.org/go/cpt",
        "HGNC": "http://www.genenames.org",
        "MDC": "urn:iso:std:iso:11073:10101",
    ]
}

extension String {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        // Most values have no space at either end: a first and last byte that are not spaces
        // start and end characters that are not spaces.
        if utf8.first != 0x20 && utf8.last != 0x20 { return self }
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
