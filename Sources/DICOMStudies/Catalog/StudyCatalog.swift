/// Groups instance records into studies (by Study Instance UID), series (by Series Instance
/// UID) and instances (by SOP Instance UID), and keeps account of what did not fit.
///
/// Feed records in a deterministic order (the scan feeds them in path order): the first record
/// of a study or series sets its values, later ones fill what is still missing, so the same
/// archive always gives the same result.
///
/// Memory grows with the studies and series, not with the files: each series keeps its
/// instances as compact bytes (`InstanceStream`, 20 to 40 bytes an instance), and when all
/// of them together pass `spillThreshold` they go to a temporary file, read back one study at
/// a time by `sortedStudies`. What stays per instance is a 16-byte key of its SOP Instance UID
/// (`InstanceKeySet`), to recognise duplicates.
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

    /// A study's values (its `series` left empty), the positions of its series, and its first file.
    struct StudyState: Sendable {
        var entry: StudyEntry
        var series: [Int] = []
        var firstPath: String
    }

    /// A series' values (its `instances` left empty), its study, its first file and its instances.
    struct SeriesState: Sendable {
        var entry: SeriesEntry
        var study: Int
        var firstPath: String
        var instances = InstanceStream()
    }

    /// The default `spillThreshold`: 16 MiB of instance lists (about half a million instances).
    public static let defaultSpillThreshold = 16 << 20

    private var studyIndex: [String: Int] = [:]
    private var seriesIndex: [String: Int] = [:]
    /// The study and series of the record before: consecutive files mostly share them, and
    /// comparing two UIDs costs less than hashing one.
    private var lastStudy: (uid: String, position: Int)?
    private var lastSeries: (uid: String, position: Int)?
    private(set) var studyStates: [StudyState] = []
    private(set) var seriesStates: [SeriesState] = []
    private var instanceKeys = InstanceKeySet()
    private(set) var sopClasses = StringTable(limit: 4096)
    /// Duplicate files in the order found: SOP Instance UID and the duplicate's path.
    private(set) var duplicateLog = InstanceStream()
    private(set) var spill: InstanceSpill

    /// Files without a Study, Series or SOP Instance UID.
    public private(set) var ungroupable: [Ungroupable] = []
    /// Disagreements between files of one study or series.
    public private(set) var conflicts: [Conflict] = []

    /// An empty catalog that moves its instance lists to a temporary file when they pass
    /// `spillThreshold` bytes in memory (`Int.max`: never).
    public init(spillThreshold: Int = StudyCatalog.defaultSpillThreshold) {
        spill = InstanceSpill(threshold: spillThreshold)
    }

    /// Number of distinct instances grouped.
    public var instanceCount: Int { instanceKeys.count }
    /// Number of series.
    public var seriesCount: Int { seriesStates.count }
    /// Number of studies.
    public var studyCount: Int { studyStates.count }
    /// Number of files whose SOP Instance UID was already seen.
    public var duplicateCount: Int { duplicateLog.count }
    /// Why the instance lists could not be moved to a temporary file, if that happened: they
    /// are then kept in memory.
    public var spillProblem: CatalogError? { spill.problem }

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
        guard instanceKeys.insert(InstanceKeySet.Key(sopUID)) else {
            let before = duplicateLog.pending.count
            duplicateLog.append(uid: sopUID, sopClass: .none, number: nil, title: nil, frames: nil, path: record.path)
            spillIfNeeded(grown: duplicateLog.pending.count - before)
            return
        }

        let study = studyPosition(for: studyUID, record)
        let series: Int
        if let existing = seriesPosition(for: seriesUID) {
            series = existing
            let owner = seriesStates[existing].study
            if owner != study {
                conflicts.append(Conflict(studyInstanceUID: studyUID, seriesInstanceUID: seriesUID,
                                          attribute: "StudyInstanceUID", firstValue: studyStates[owner].entry.uid,
                                          firstPath: seriesStates[existing].firstPath, otherValue: studyUID,
                                          otherPath: record.path))
            }
            if let conflict = Self.mergeSeries(record, into: &seriesStates[existing].entry,
                                               firstPath: seriesStates[existing].firstPath) {
                conflicts.append(conflict)
            }
        } else {
            var entry = SeriesEntry(uid: seriesUID)
            _ = Self.mergeSeries(record, into: &entry, firstPath: record.path)
            series = seriesStates.count
            seriesStates.append(SeriesState(entry: entry, study: study, firstPath: record.path))
            studyStates[study].series.append(series)
            seriesIndex[seriesUID] = series
            lastSeries = (seriesUID, series)
        }
        let before = seriesStates[series].instances.pending.count
        seriesStates[series].instances.append(uid: sopUID, sopClass: classCode(record.sopClassUID),
                                              number: record.instanceNumber, title: record.title,
                                              frames: record.numberOfFrames, path: record.path)
        spillIfNeeded(grown: seriesStates[series].instances.pending.count - before)
    }

    private mutating func classCode(_ uid: String?) -> InstanceStream.ClassCode {
        guard let uid else { return .none }
        if let index = sopClasses.index(of: uid) { return .interned(index) }
        return .text(uid)
    }

    private mutating func seriesPosition(for uid: String) -> Int? {
        if let lastSeries, lastSeries.uid == uid { return lastSeries.position }
        guard let position = seriesIndex[uid] else { return nil }
        lastSeries = (uid, position)
        return position
    }

    private mutating func studyPosition(for uid: String, _ record: InstanceRecord) -> Int {
        let known: Int?
        if let lastStudy, lastStudy.uid == uid {
            known = lastStudy.position
        } else {
            known = studyIndex[uid]
            if let known { lastStudy = (uid, known) }
        }
        if let index = known {
            if let id = record.patientID, let known = studyStates[index].entry.patient.id, id != known {
                conflicts.append(Conflict(studyInstanceUID: uid, seriesInstanceUID: nil, attribute: "PatientID",
                                          firstValue: known, firstPath: studyStates[index].firstPath, otherValue: id,
                                          otherPath: record.path))
            }
            // In place: a copy of the entry would retain and release each of its fields.
            Self.fillStudy(record, into: &studyStates[index].entry)
            return index
        }
        var entry = StudyEntry(uid: uid)
        Self.fillStudy(record, into: &entry)
        studyStates.append(StudyState(entry: entry, firstPath: record.path))
        studyIndex[uid] = studyStates.count - 1
        lastStudy = (uid, studyStates.count - 1)
        return studyStates.count - 1
    }

    // MARK: Spilling

    /// Counts `grown` more bytes in memory; past the threshold, moves every pending list to
    /// the spill file.
    private mutating func spillIfNeeded(grown: Int) {
        guard spill.add(grown) else { return }
        for index in seriesStates.indices where !seriesStates[index].instances.pending.isEmpty {
            spill.move(&seriesStates[index].instances)
        }
        spill.move(&duplicateLog)
    }
}
