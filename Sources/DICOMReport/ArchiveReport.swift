import DICOMStudies

/// Everything one HTML report shows: the studies with their series' images, the totals, and
/// what could not be read or shown. Built by the `report` command from a scan or an index;
/// written by `ReportPage`.
public struct ArchiveReport: Sendable {
    /// Counts for the page header.
    public struct Totals: Sendable, Equatable {
        /// Distinct patients (by issuer and Patient ID; by name when a study has no ID).
        public var patients = 0
        /// Studies, series and distinct instances shown.
        public var studies = 0
        public var series = 0
        public var instances = 0
        /// Paths reached (not excluded).
        public var filesSeen = 0
        /// Files read as DICOM.
        public var dicomFiles = 0
        /// Not DICOM, empty, special files...
        public var skipped = 0
        /// Could not be read.
        public var failed = 0
        /// Files repeating a SOP Instance UID already seen.
        public var duplicates = 0

        /// All zero.
        public init() {}
    }

    /// The page title.
    public var title = "DICOM archive report"
    /// What was read, for the header: the paths given, or the index file.
    public var sources: [String] = []
    /// The counts of the header.
    public var totals = Totals()
    /// The studies in the order shown (`StudyCatalog.studies`: date, then UID).
    public var studies: [StudyEntry] = []
    /// The image of each series, by Series Instance UID.
    public var images: [String: SeriesImage] = [:]
    /// Files that could not be read, with where and why.
    public var unreadable: [ScanProblem] = []
    /// Files read up to damage after their UIDs (their instance is in a study).
    public var damaged: [ScanProblem] = []
    /// Files that lack a Study, Series or SOP Instance UID.
    public var ungrouped: [StudyCatalog.Ungroupable] = []
    /// The longer side of the thumbnails in pixels (the cards are laid out for it).
    public var thumbnailSize = 128

    /// An empty report.
    public init() {}

    /// Counts the distinct patients of `studies`.
    public static func patientCount(_ studies: [StudyEntry]) -> Int {
        var seen = Set<String>()
        for study in studies {
            let patient = study.patient
            let key = patient.id.map { "id\u{0}\(patient.issuer ?? "")\u{0}\($0)" } ?? "name\u{0}\(patient.name ?? study.uid)"
            seen.insert(key)
        }
        return seen.count
    }
}

/// What a series shows: a thumbnail, or why there is none.
public enum SeriesImage: Sendable, Equatable {
    /// A JPEG of the middle instance's first frame.
    case jpeg(bytes: [UInt8], width: Int, height: Int)
    /// No image: the file has no pixel data (`noPixelData`: SR, KO, PR...), or it could not be
    /// read or decoded (`reason` says why). `path` is the file tried.
    case unavailable(path: String, reason: String, noPixelData: Bool)
}
