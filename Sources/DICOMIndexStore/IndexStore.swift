import DICOMStudies

/// Where an index keeps files, instance records and the studies grouped from them.
///
/// `SQLiteIndexStore` is the embedded store; a PostgreSQL store for several machines sharing
/// one index implements the same protocol. `Indexer` runs an incremental index over any store;
/// `query` and `export` read studies through it.
///
/// A store's contract:
/// - `apply(_:)` is atomic: after a crash, a batch is there whole or not at all. A batch also
///   records which studies it touched ("pending"), in the same transaction.
/// - `rebuildPendingStudies()` regroups the pending studies from the records (as `StudyCatalog`
///   groups them, in `WalkOrder`), gives each study whose content changed a new modification
///   stamp, and clears them from pending, atomically per group. Pending studies of a run that
///   was killed are rebuilt by the next run.
/// - Stamps only grow: each commit that changes studies takes a stamp above every stamp
///   committed before it, so a reader that saw stamp N and asks later for `changes(since: N)`
///   misses nothing.
public protocol IndexStore: AnyObject, Sendable {
    // MARK: For the indexer

    /// The files the index holds at `paths`, in the same order: nil for a path it does not
    /// hold. Called from several threads at once, for a batch of the walk each.
    func knownFiles(_ paths: [ScanPath]) throws -> [KnownFile?]
    /// Up to `limit` of the files the index holds, in order of `id`, those after `id`: their
    /// id, path and missing mark only (what the sweep for files gone needs).
    func indexedFiles(after id: Int64, limit: Int) throws -> [IndexedFile]
    /// The highest file `id` so far (0 when there is none): files added later have higher ones.
    func lastFileID() throws -> Int64
    /// Applies `batch` in one transaction.
    func apply(_ batch: IndexBatch) throws
    /// Regroups every pending study; returns what was found in the groups rebuilt.
    func rebuildPendingStudies() throws -> StudyRebuild
    /// Totals over the whole index.
    func counts() throws -> IndexCounts
    /// Records the start of a run (`startedAt`: nanoseconds since 1970); returns its id.
    func beginRun(startedAt: Int64) throws -> Int64
    /// Records the end of run `id` with its summary (one line of JSON).
    func finishRun(_ id: Int64, finishedAt: Int64, summaryJSON: String) throws

    // MARK: For readers (query, export)

    /// Every study, ordered as `StudyCatalog.studies` orders them (date, then UID).
    func studies() throws -> [StudyEntry]
    /// The studies with these Study Instance UIDs that the index holds, in the same order.
    func studies(uids: [String]) throws -> [StudyEntry]
    /// The latest modification stamp (0 for an empty index).
    func latestStamp() throws -> Int64
    /// Studies changed or removed after stamp `since`, read in one snapshot with the stamp
    /// to remember for next time (`StudyChanges.latest`).
    func changes(since: Int64) throws -> StudyChanges
    /// The stamp last saved under `name` (e.g. by `export --changed`), nil if none.
    func mark(_ name: String) throws -> Int64?
    /// Saves `stamp` under `name`.
    func setMark(_ name: String, to stamp: Int64) throws
}

/// A file as the index holds it.
public struct KnownFile: Sendable {
    /// The store's number for the file; a file added later has a higher one.
    public var id: Int64
    /// The path, as the walk spelled it.
    public var path: ScanPath
    /// Its `stat` when it was read; nil when `stat` failed then.
    public var status: FileStatus?
    /// True when it was modified so shortly before it was read that it may have changed again
    /// within the file system's timestamp resolution: it is read again next time.
    public var racy: Bool
    /// True when it was gone at the last run with `--keep-missing`.
    public var missing: Bool
    /// What its last read found.
    public var outcome: KnownOutcome

    /// Creates a known file.
    public init(id: Int64, path: ScanPath, status: FileStatus?, racy: Bool, missing: Bool, outcome: KnownOutcome) {
        self.id = id
        self.path = path
        self.status = status
        self.racy = racy
        self.missing = missing
        self.outcome = outcome
    }

    /// True when a file with `current` status need not be read again: its status is the same,
    /// it was not racy, and its last read did not fail for a reason that may pass (permissions,
    /// I/O). A damaged file stays damaged until it changes.
    public func isUnchanged(_ current: FileStatus) -> Bool {
        guard let status, !racy, current.isUnchanged(from: status) else { return false }
        if case .failed(let reason, _) = outcome, reason != .damaged { return false }
        return true
    }
}

/// A file of the index as the sweep for files gone sees it.
public struct IndexedFile: Sendable, Equatable {
    /// The store's number for the file (see `KnownFile.id`).
    public var id: Int64
    /// The path, as the walk spelled it.
    public var path: ScanPath
    /// True when it was gone at the last run with `--keep-missing`.
    public var missing: Bool

    /// Creates an entry.
    public init(id: Int64, path: ScanPath, missing: Bool) {
        self.id = id
        self.path = path
        self.missing = missing
    }
}

/// What the last read of a file found, as much as a run's summary needs of a file it does
/// not read again.
public enum KnownOutcome: Sendable, Equatable {
    /// An instance; with the warning when it was damaged after its UIDs.
    case instance(warning: ScanProblem?)
    /// A DICOMDIR.
    case dicomdir
    /// Read and skipped (not DICOM, empty).
    case skipped(SkipReason)
    /// Could not be read.
    case failed(FailureReason, ScanProblem)
}

/// A file read in this run.
public struct FileUpdate: Sendable {
    /// The path.
    public var path: ScanPath
    /// Its `stat` just before it was read; nil when `stat` failed.
    public var status: FileStatus?
    /// See `KnownFile.racy`.
    public var racy: Bool
    /// What the read found (never `.excluded`).
    public var outcome: ScanItem.Outcome

    /// Creates an update.
    public init(path: ScanPath, status: FileStatus?, racy: Bool, outcome: ScanItem.Outcome) {
        self.path = path
        self.status = status
        self.racy = racy
        self.outcome = outcome
    }
}

/// Changes written in one transaction.
public struct IndexBatch: Sendable {
    /// Files read: inserted, or replacing what the index held for the path.
    public var updates: [FileUpdate] = []
    /// Files gone: removed with their instances.
    public var removed: [ScanPath] = []
    /// Files gone, kept and marked missing (`--keep-missing`).
    public var missing: [ScanPath] = []
    /// Files marked missing that are back, unchanged.
    public var reappeared: [ScanPath] = []

    /// An empty batch.
    public init() {}

    /// Number of changes.
    public var count: Int { updates.count + removed.count + missing.count + reappeared.count }
}

/// What `rebuildPendingStudies()` did.
public struct StudyRebuild: Sendable {
    /// Studies regrouped.
    public var studiesRebuilt = 0
    /// Studies whose content changed (new or different): they got a new stamp.
    public var studiesChanged = 0
    /// Studies gone (no instance left).
    public var studiesRemoved = 0
    /// Conflicts inside the studies regrouped (two Patient IDs, disagreeing Modality...).
    public var conflicts: [StudyCatalog.Conflict] = []

    /// Nothing done yet.
    public init() {}
}

/// Totals over the whole index.
public struct IndexCounts: Sendable, Equatable {
    public var files = 0
    public var studies = 0
    public var series = 0
    /// Distinct SOP Instance UIDs grouped.
    public var instances = 0
    /// Files repeating a SOP Instance UID of another file.
    public var duplicates = 0
    /// Instance files lacking a Study, Series or SOP Instance UID.
    public var ungroupable = 0
    /// Files marked missing (`--keep-missing`).
    public var missing = 0

    /// All zero.
    public init() {}
}

/// One study and its modification stamp.
public struct StampedStudy: Sendable {
    public var study: StudyEntry
    /// The stamp of the last commit that changed it.
    public var stamp: Int64
}

/// A study that lost its last instance, and the stamp of that change.
public struct RemovedStudy: Sendable, Equatable {
    public var uid: String
    public var stamp: Int64
}

/// The answer of `changes(since:)`.
public struct StudyChanges: Sendable {
    /// Studies changed after the stamp, in `StudyCatalog` order.
    public var changed: [StampedStudy]
    /// Studies removed after the stamp, by UID.
    public var removed: [RemovedStudy]
    /// The latest stamp in the same snapshot: the mark to save once they are written.
    public var latest: Int64
}
