/// Studies in output order, for a writer that goes through them once (or twice, patients
/// first): an array, or a catalog's `sortedStudies`, which reads each study's instances only
/// when its turn comes.
public protocol StudySequence: Sequence where Element == StudyEntry {
    /// Each study's patient, in the same order, without reading any instance.
    var patients: [PatientInfo] { get }
    /// Why the last iteration ended before the last study, if it did: check it after
    /// iterating, before taking the output as complete.
    var failure: CatalogError? { get }
}

extension Array: StudySequence where Element == StudyEntry {
    /// Each study's patient.
    public var patients: [PatientInfo] { map(\.patient) }
    /// Always nil: an array holds every study.
    public var failure: CatalogError? { nil }
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

    /// Why an iteration ended early, if one did.
    public var failure: CatalogError? { failureBox.failure }

    public func makeIterator() -> Iterator { Iterator(studies: self) }

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
        let state = studyStates[position]
        var study = state.entry
        study.series.reserveCapacity(state.series.count)
        for index in state.series {
            var series = seriesStates[index].entry
            series.instances.reserveCapacity(seriesStates[index].instances.count)
            try seriesStates[index].instances.forEach(file: spill.file, sopClasses: sopClasses.strings) {
                series.instances.append($0)
            }
            series.instances.sort {
                ($0.number ?? Int.max, $0.sopInstanceUID) < ($1.number ?? Int.max, $1.sopInstanceUID)
            }
            study.series.append(series)
        }
        study.series.sort { ($0.number ?? Int.max, $0.uid) < ($1.number ?? Int.max, $1.uid) }
        return study
    }
}
