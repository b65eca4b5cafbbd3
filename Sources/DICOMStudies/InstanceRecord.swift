import DICOMCore

/// What a scan keeps of one file: the attributes the study, series and instance outputs need,
/// decoded to text (dates and times stay in DICOM form; the outputs convert them).
///
/// Empty values are nil, never "".
public struct InstanceRecord: Sendable, Equatable {
    /// The file it came from.
    public var path: String
    /// Transfer Syntax UID as declared (or detected, for raw data sets).
    public var transferSyntaxUID: String?

    // Instance
    public var sopInstanceUID: String?
    public var sopClassUID: String?
    public var instanceNumber: Int?
    public var numberOfFrames: Int?
    /// A title for the instance: Content Label, Document Title / Concept Name meaning, or Instance description.
    public var title: String?

    // Patient
    public var patientID: String?
    public var issuerOfPatientID: String?
    /// Patient's Name as decoded text with its component groups (`Family^Given=...`).
    public var patientName: String?
    public var patientBirthDate: String?
    public var patientSex: String?

    // Study
    public var studyInstanceUID: String?
    public var studyDate: String?
    public var studyTime: String?
    /// Timezone Offset From UTC (0008,0201), "+hhmm" or "-hhmm".
    public var timezoneOffset: String?
    public var accessionNumber: String?
    /// Issuer of Accession Number: Local Namespace Entity ID (0040,0031) of (0008,0051), or its Universal Entity ID.
    public var issuerOfAccessionNumber: String?
    public var studyID: String?
    public var studyDescription: String?
    public var referringPhysicianName: String?
    public var physiciansReadingStudy: [String] = []
    public var procedureCodes: [CodedEntry] = []
    public var requestedProcedureID: String?
    public var reasonForRequestedProcedure: String?
    public var reasonForRequestedProcedureCodes: [CodedEntry] = []
    public var institutionName: String?
    public var manufacturer: String?

    // Series
    public var seriesInstanceUID: String?
    public var seriesNumber: Int?
    public var modality: String?
    public var seriesDescription: String?
    public var seriesDate: String?
    public var seriesTime: String?
    public var bodyPartExamined: String?
    /// Laterality (0020,0060), or Image Laterality (0020,0062) when absent.
    public var laterality: String?
    public var performingPhysicianName: [String] = []
    public var operatorsName: [String] = []

    /// Creates an empty record for `path`.
    public init(path: String) { self.path = path }
}
