/// Studies in output order, for a writer that goes through them once (or twice, patients
/// first): an array, or a catalog's `sortedStudies`, which reads each study's instances only
/// when its turn comes.
public protocol StudySequence: Sequence where Element == StudyEntry {
    /// Each study's patient, in the same order, without reading any instance.
    var patients: [PatientInfo] { get }
    /// Each study's Study Instance UID, in the same order, without reading any instance.
    var studyUIDs: [String] { get }
    /// Why the last iteration ended before the last study, if it did: check it after
    /// iterating, before taking the output as complete.
    var failure: CatalogError? { get }
    /// Calls `body` with each study in order and the instances of its series, one
    /// `InstanceList` per series in the same order: the way to write instances without a
    /// value for each. The series' own `instances` may then be left empty.
    func forEachStudy(_ body: (_ study: StudyEntry, _ instances: [InstanceList]) throws -> Void) rethrows
}

extension Array: StudySequence where Element == StudyEntry {
    /// Each study's patient.
    public var patients: [PatientInfo] { map(\.patient) }
    /// Each study's UID.
    public var studyUIDs: [String] { map(\.uid) }
    /// Always nil: an array holds every study.
    public var failure: CatalogError? { nil }

    /// Each study with its series' instances as lists.
    public func forEachStudy(_ body: (_ study: StudyEntry, _ instances: [InstanceList]) throws -> Void) rethrows {
        for study in self { try body(study, study.series.map { InstanceList($0.instances) }) }
    }
}

/// The studies of a catalog in output order (date, then UID; series by number, then UID;
/// instances by number, then UID), each put together, with its instances read back from
/// memory or from the temporary file, when the iteration reaches it: one study in memory at a
/// time, however large the catalog.
///
/// The sequence holds a copy of the catalog, so adding to the catalog afterwards does not
/// change it. When instances cannot be read back (the temporary file failed), iteration ends
/// early and `failure` says why: check it after iterating.
public struct CatalogStudies: StudySequence, Sendable {
    private let catalog: StudyCatalog
    /// Study positions in output order.
    private let order: [Int]
    private let failureBox = FailureBox()

    init(_ catalog: StudyCatalog) {
        self.catalog = catalog
        let studies = catalog.studyStates
        order = studies.indices.sorted {
            (studies[$0].entry.date ?? "", studies[$0].entry.uid) < (studies[$1].entry.date ?? "", studies[$1].entry.uid)
        }
    }

    /// Number of studies.
    public var count: Int { order.count }

    /// Each study's patient, in output order.
    public var patients: [PatientInfo] { order.map { catalog.studyStates[$0].entry.patient } }

    /// Each study's UID, in output order.
    public var studyUIDs: [String] { order.map { catalog.studyStates[$0].entry.uid } }

    /// Why an iteration ended early, if one did.
    public var failure: CatalogError? { failureBox.failure }

    public func makeIterator() -> Iterator { Iterator(studies: self) }

    /// Each study with its series' instances as lists, the series' `instances` left empty;
    /// ends early, with `failure` set, when instances cannot be read back.
    public func forEachStudy(_ body: (_ study: StudyEntry, _ instances: [InstanceList]) throws -> Void) rethrows {
        guard failureBox.failure == nil else { return }
        for position in order {
            let study: StudyEntry, lists: [InstanceList]
            do {
                (study, lists) = try catalog.studyAndLists(at: position)
            } catch {
                failureBox.failure = error as? CatalogError ?? .damagedSpill
                return
            }
            try body(study, lists)
        }
    }

    /// Puts together the studies one at a time.
    public struct Iterator: IteratorProtocol {
        let studies: CatalogStudies
        var position = 0

        public mutating func next() -> StudyEntry? {
            guard position < studies.order.count, studies.failureBox.failure == nil else { return nil }
            defer { position += 1 }
            do {
                return try studies.catalog.study(at: studies.order[position])
            } catch {
                studies.failureBox.failure = error as? CatalogError ?? .damagedSpill
                return nil
            }
        }
    }
}

/// Where an iteration leaves its failure for the sequence to report.
private final class FailureBox: @unchecked Sendable {
    // Written by the iterator, read after iterating, on the thread that iterates.
    var failure: CatalogError?
}

extension StudyCatalog {
    /// The studies in output order, each put together only when reached (see `CatalogStudies`).
    public var sortedStudies: CatalogStudies { CatalogStudies(self) }

    /// The studies sorted by date, then UID; their series by number, then UID; instances by
    /// number, then UID. Every instance is in memory at once: for output, iterate over
    /// `sortedStudies` instead. Empty when the instances cannot be read back.
    public var studies: [StudyEntry] {
        let studies = sortedStudies
        let all = Array(studies)
        return studies.failure == nil ? all : []
    }

    /// The study at `position`, with its series in order and their instances read back.
    func study(at position: Int) throws -> StudyEntry {
        var (study, lists) = try studyAndLists(at: position)
        for index in study.series.indices { study.series[index].instances = lists[index].entries }
        return study
    }

    /// The study at `position` with its series in order, their `instances` empty, and the
    /// instances of each, read back and sorted.
    func studyAndLists(at position: Int) throws -> (StudyEntry, [InstanceList]) {
        let state = studyStates[position]
        var series: [(entry: SeriesEntry, list: InstanceList)] = []
        series.reserveCapacity(state.series.count)
        for index in state.series {
            var list = try seriesStates[index].instances.list(file: spill.file, sopClasses: sopClasses.utf8)
            list.sortByNumberThenUID()
            series.append((seriesStates[index].entry, list))
        }
        series.sort { ($0.entry.number ?? Int.max, $0.entry.uid) < ($1.entry.number ?? Int.max, $1.entry.uid) }
        var study = state.entry
        study.series = series.map(\.entry)
        return (study, series.map(\.list))
    }
}
