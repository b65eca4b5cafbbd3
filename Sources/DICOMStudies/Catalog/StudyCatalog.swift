/// Groups instance records into studies (by Study Instance UID), series (by Series Instance
/// UID) and instances (by SOP Instance UID), and keeps account of what did not fit.
///
/// Feed records in a deterministic order (the scan feeds them in path order): the first record
/// of a study or series sets its values, later ones fill what is still missing, so the same
/// archive always gives the same result.
public struct StudyCatalog: Sendable {
    /// A second file holding a SOP Instance UID already seen.
    public struct Duplicate: Hashable, Sendable {
        public var sopInstanceUID: String
        public var firstPath: String
        public var duplicatePath: String
    }

    /// A file that cannot be grouped because it lacks one of the three UIDs.
    public struct Ungroupable: Hashable, Sendable {
        public var path: String
        /// Names of the missing UIDs, e.g. ["StudyInstanceUID"].
        public var missing: [String]
    }

    /// A disagreement inside a study: named by UIDs and files.
    public struct Conflict: Hashable, Sendable, CustomStringConvertible {
        public var studyInstanceUID: String
        public var seriesInstanceUID: String?
        public var attribute: String
        public var firstValue: String
        public var firstPath: String
        public var otherValue: String
        public var otherPath: String

        public var description: String {
            let scope = seriesInstanceUID.map { "series \($0) of study \(studyInstanceUID)" } ?? "study \(studyInstanceUID)"
            return "\(scope): \(attribute) is \"\(firstValue)\" in \(firstPath) but \"\(otherValue)\" in \(otherPath)"
        }
    }

    private var studyIndex: [String: Int] = [:]
    private var seriesIndex: [String: (study: Int, series: Int)] = [:]
    private var instancePaths: [String: String] = [:]
    private var studyFirstPath: [String] = []
    private var seriesFirstPath: [String: String] = [:]
    private var unsortedStudies: [StudyEntry] = []

    /// Files whose SOP Instance UID was already seen.
    public private(set) var duplicates: [Duplicate] = []
    /// Files without a Study, Series or SOP Instance UID.
    public private(set) var ungroupable: [Ungroupable] = []
    /// Disagreements between files of one study or series.
    public private(set) var conflicts: [Conflict] = []

    /// An empty catalog.
    public init() {}

    /// Number of distinct instances grouped.
    public var instanceCount: Int { instancePaths.count }
    /// Number of series.
    public var seriesCount: Int { seriesIndex.count }
    /// Number of studies.
    public var studyCount: Int { unsortedStudies.count }

    /// Adds one file's record.
    public mutating func add(_ record: InstanceRecord) {
        guard let studyUID = record.studyInstanceUID, let seriesUID = record.seriesInstanceUID,
              let sopUID = record.sopInstanceUID else {
            var missing: [String] = []
            if record.studyInstanceUID == nil { missing.append("StudyInstanceUID") }
            if record.seriesInstanceUID == nil { missing.append("SeriesInstanceUID") }
            if record.sopInstanceUID == nil { missing.append("SOPInstanceUID") }
            ungroupable.append(Ungroupable(path: record.path, missing: missing))
            return
        }
        if let first = instancePaths[sopUID] {
            duplicates.append(Duplicate(sopInstanceUID: sopUID, firstPath: first, duplicatePath: record.path))
            return
        }
        instancePaths[sopUID] = record.path

        let studyPosition = studyPosition(for: studyUID, record)
        let position: (study: Int, series: Int)
        if let existing = seriesIndex[seriesUID] {
            position = existing
            if existing.study != studyPosition {
                let otherStudy = unsortedStudies[existing.study].uid
                conflicts.append(Conflict(studyInstanceUID: studyUID, seriesInstanceUID: seriesUID,
                                          attribute: "StudyInstanceUID", firstValue: otherStudy,
                                          firstPath: seriesFirstPath[seriesUID] ?? "", otherValue: studyUID,
                                          otherPath: record.path))
            }
            let firstPath = seriesFirstPath[seriesUID] ?? ""
            if let conflict = Self.mergeSeries(record, into: &unsortedStudies[existing.study].series[existing.series],
                                          firstPath: firstPath) {
                conflicts.append(conflict)
            }
        } else {
            var series = SeriesEntry(uid: seriesUID)
            _ = Self.mergeSeries(record, into: &series, firstPath: record.path)
            unsortedStudies[studyPosition].series.append(series)
            position = (studyPosition, unsortedStudies[studyPosition].series.count - 1)
            seriesIndex[seriesUID] = position
            seriesFirstPath[seriesUID] = record.path
        }
        unsortedStudies[position.study].series[position.series].instances.append(InstanceEntry(
            sopInstanceUID: sopUID, sopClassUID: record.sopClassUID, number: record.instanceNumber,
            title: record.title, numberOfFrames: record.numberOfFrames, path: record.path))
    }

    /// The studies sorted by date, then UID; their series by number, then UID; instances by number, then UID.
    public var studies: [StudyEntry] {
        unsortedStudies.map { study in
            var study = study
            study.series.sort { ($0.number ?? Int.max, $0.uid) < ($1.number ?? Int.max, $1.uid) }
            for index in study.series.indices {
                study.series[index].instances.sort {
                    ($0.number ?? Int.max, $0.sopInstanceUID) < ($1.number ?? Int.max, $1.sopInstanceUID)
                }
            }
            return study
        }.sorted { ($0.date ?? "", $0.uid) < ($1.date ?? "", $1.uid) }
    }

    // MARK: Merging

    private mutating func studyPosition(for uid: String, _ record: InstanceRecord) -> Int {
        if let index = studyIndex[uid] {
            if let id = record.patientID, let known = unsortedStudies[index].patient.id, id != known {
                conflicts.append(Conflict(studyInstanceUID: uid, seriesInstanceUID: nil, attribute: "PatientID",
                                          firstValue: known, firstPath: studyFirstPath[index], otherValue: id,
                                          otherPath: record.path))
            }
            // In place: a copy of the entry would retain and release each of its fields.
            Self.fillStudy(record, into: &unsortedStudies[index])
            return index
        }
        var study = StudyEntry(uid: uid)
        Self.fillStudy(record, into: &study)
        unsortedStudies.append(study)
        studyFirstPath.append(record.path)
        studyIndex[uid] = unsortedStudies.count - 1
        return unsortedStudies.count - 1
    }

    private static func fillStudy(_ record: InstanceRecord, into study: inout StudyEntry) {
        fill(&study.patient.id, record.patientID)
        fill(&study.patient.issuer, record.issuerOfPatientID)
        fill(&study.patient.name, record.patientName)
        fill(&study.patient.birthDate, record.patientBirthDate)
        fill(&study.patient.sex, record.patientSex)
        fill(&study.date, record.studyDate)
        fill(&study.time, record.studyTime)
        fill(&study.timezoneOffset, record.timezoneOffset)
        fill(&study.accessionNumber, record.accessionNumber)
        fill(&study.issuerOfAccessionNumber, record.issuerOfAccessionNumber)
        fill(&study.studyID, record.studyID)
        fill(&study.description, record.studyDescription)
        fill(&study.referringPhysicianName, record.referringPhysicianName)
        if study.physiciansReadingStudy.isEmpty { study.physiciansReadingStudy = record.physiciansReadingStudy }
        if study.procedureCodes.isEmpty { study.procedureCodes = record.procedureCodes }
        fill(&study.requestedProcedureID, record.requestedProcedureID)
        fill(&study.reasonForRequestedProcedure, record.reasonForRequestedProcedure)
        if study.reasonForRequestedProcedureCodes.isEmpty {
            study.reasonForRequestedProcedureCodes = record.reasonForRequestedProcedureCodes
        }
        fill(&study.institutionName, record.institutionName)
        fill(&study.manufacturer, record.manufacturer)
    }

    /// Fills the series from `record`; returns a conflict when they disagree on Modality.
    private static func mergeSeries(_ record: InstanceRecord, into series: inout SeriesEntry, firstPath: String) -> Conflict? {
        var conflict: Conflict?
        if let modality = record.modality, let known = series.modality, modality != known {
            conflict = Conflict(
                studyInstanceUID: record.studyInstanceUID ?? "", seriesInstanceUID: series.uid, attribute: "Modality",
                firstValue: known, firstPath: firstPath, otherValue: modality, otherPath: record.path)
        }
        fill(&series.number, record.seriesNumber)
        fill(&series.modality, record.modality)
        fill(&series.description, record.seriesDescription)
        fill(&series.date, record.seriesDate)
        fill(&series.time, record.seriesTime)
        fill(&series.bodyPartExamined, record.bodyPartExamined)
        fill(&series.laterality, record.laterality)
        if series.performingPhysicianName.isEmpty { series.performingPhysicianName = record.performingPhysicianName }
        if series.operatorsName.isEmpty { series.operatorsName = record.operatorsName }
        return conflict
    }

    private static func fill<T>(_ slot: inout T?, _ value: T?) {
        if slot == nil { slot = value }
    }
}
