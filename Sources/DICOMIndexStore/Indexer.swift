import DICOMStudies

/// An incremental index run: walks the inputs as `scan` does, reads only the files that are new
/// or changed since the store last saw them, removes (or marks) the files that are gone, and
/// regroups the studies they touched.
///
/// - A file whose size, modification time (ns) and inode are what the store holds is not
///   opened: a `stat` on a worker thread is all it costs. A file modified within
///   `racyWindow` before the run started (or during it) is stored as racy and read again next
///   time, since a second change within the file system's timestamp resolution would not show.
/// - Changes go to the store in batches (`batchSize` files, or whatever came in `batchSeconds`),
///   each one transaction. After a crash, the files of a lost batch still differ from what the
///   store holds, so the next run reads them; the sweep for files gone is recomputed from the
///   walk each run; pending studies are regrouped by the next run. The index then equals the
///   one a run without the crash makes.
/// - Gone: a file the store holds under one of `roots` (the paths named as inputs) that the
///   walk did not reach as a regular file. Files under a path the walk could not examine (a
///   directory it could not open or list, a named input that does not exist) are kept as they
///   are: a missing mount must not empty the index. Paths from `--files-from` add and update
///   files; they are not roots.
public struct Indexer {
    /// Where the index is kept.
    public let store: any IndexStore
    /// Files read (and stat'ed) in parallel.
    public var jobs: Int
    /// Keep files that are gone, marked missing, instead of removing them.
    public var keepMissing: Bool
    /// Most files written in one transaction.
    public var batchSize = 2000
    /// Longest time, in seconds, changes wait before they are written.
    public var batchSeconds = 1.0
    /// Files modified less than this many nanoseconds before the run started are read again next time.
    public static let racyWindow: Int64 = 3_000_000_000

    /// An indexer writing to `store`.
    public init(store: any IndexStore, jobs: Int = ArchiveScanner.defaultJobs, keepMissing: Bool = false) {
        self.store = store
        self.jobs = jobs
        self.keepMissing = keepMissing
    }

    /// What one run did.
    public struct Run: Sendable {
        /// The summary (its `seconds` is left to the caller).
        public var summary: IndexSummary
        /// Conflicts inside the studies regrouped in this run.
        public var conflicts: [StudyCatalog.Conflict]
    }

    /// The verdict on one path, made on a worker thread.
    private enum Examined: Sendable {
        /// Not a regular file: the walk's own verdict.
        case walk(ScanItem)
        /// Known, with the same status: not read.
        case unchanged(KnownFile)
        /// Read: new (not known), changed, or rechecked.
        case read(FileUpdate, known: KnownFile?, rechecked: Bool)
        /// The store could not say what it holds for the batch of this path: its error.
        case storeFailed(UncheckedError)
    }

    /// A store's error carried from a worker thread to the thread that throws it.
    private struct UncheckedError: @unchecked Sendable {
        let error: Error
    }

    /// Runs over `walker`; `roots` are the paths named as inputs (see the type's notes).
    ///
    /// Memory does not grow with the index: what the store holds is looked up a batch of the
    /// walk at a time (one query for up to `ArchiveScanner.batchSize` paths, on the worker
    /// threads), the files seen are one bit each (by store id), and the sweep for files gone
    /// reads the store a page at a time.
    public func run(_ walker: ArchiveWalker, roots: [ScanPath], progress: ProgressReporter? = nil) throws -> Run {
        let startedAt = realTimeNanoseconds()
        let runID = try store.beginRun(startedAt: startedAt)
        // Files added during the run get higher ids: the sweep looks at those up to here only.
        let lastKnownID = try store.lastFileID()

        let scanner = ArchiveScanner(jobs: jobs)
        let racySince = startedAt - Self.racyWindow
        let store = self.store
        let process: @Sendable ([WalkEntry]) -> [Examined] = { entries in
            let files = entries.filter { if case .file = $0.kind { return true } else { return false } }
            let known: [KnownFile?]
            do {
                known = try store.knownFiles(files.map(\.path))
            } catch {
                return entries.map { _ in .storeFailed(UncheckedError(error: error)) }
            }
            var next = 0
            return entries.map { entry in
                guard case .file = entry.kind else { return .walk(scanner.item(for: entry)) }
                let file = known[next]
                next += 1
                let status = try? FileStatus.of(entry.path).get()
                if let file, let status, file.isUnchanged(status) { return .unchanged(file) }
                let item = scanner.item(for: entry)
                let racy = status.map { $0.modificationTime >= racySince } ?? false
                let rechecked = status != nil && file.map { $0.status == status } == true
                return .read(FileUpdate(path: entry.path, status: status, racy: racy, outcome: item.outcome),
                             known: file, rechecked: rechecked)
            }
        }

        var summary = IndexSummary()
        var seen = FileIDSet()
        var unexamined: [ScanPath] = []
        var batch = IndexBatch()
        var lastWrite = monotonicNanoseconds()
        func write(force: Bool) throws {
            guard batch.count > 0 else { return }
            let now = monotonicNanoseconds()
            guard force || batch.count >= batchSize || Double(now - lastWrite) / 1e9 >= batchSeconds else { return }
            try store.apply(batch)
            batch = IndexBatch()
            lastWrite = now
        }

        try scanner.scan(walker, processBatch: process) { examined in
            switch examined {
            case .walk(let item):
                summary.scan.count(item)
                if case .failed = item.outcome { unexamined.append(item.path) }
            case .unchanged(let file):
                seen.insert(file.id)
                summary.scan.count(unchanged: file.outcome)
                summary.unchanged += 1
                if file.missing { batch.reappeared.append(file.path) }
            case .read(let update, let known, let rechecked):
                if let known { seen.insert(known.id) }
                summary.scan.count(ScanItem(path: update.path, outcome: update.outcome))
                if known == nil { summary.new += 1 } else if rechecked { summary.rechecked += 1 } else { summary.changed += 1 }
                batch.updates.append(update)
            case .storeFailed(let failure):
                throw failure.error
            }
            try write(force: false)
            progress?.update(files: summary.scan.filesSeen) { "\(grouped(summary.filesRead)) read" }
        }
        try write(force: true)
        progress?.finish()

        // The sweep: files known before the run that the walk did not reach, a page at a time.
        var after: Int64 = 0
        while after < lastKnownID {
            let page = try store.indexedFiles(after: after, limit: Self.sweepPage)
            guard let last = page.last else { break }
            after = last.id
            for file in page where file.id <= lastKnownID && !seen.contains(file.id) {
                guard roots.contains(where: { file.path.isWithin($0) }),
                      !unexamined.contains(where: { file.path.isWithin($0) }) else { continue }
                if keepMissing {
                    guard !file.missing else { continue }
                    batch.missing.append(file.path)
                } else {
                    batch.removed.append(file.path)
                }
                summary.removed += 1
                if batch.count >= batchSize { try write(force: true) }
            }
        }
        try write(force: true)

        let rebuild = try store.rebuildPendingStudies()
        summary.studiesChanged = rebuild.studiesChanged
        summary.studiesRemoved = rebuild.studiesRemoved
        let counts = try store.counts()
        summary.scan.setCounts(from: counts)
        summary.missing = counts.missing
        summary.scan.seconds = Double(realTimeNanoseconds() - startedAt) / 1e9
        try store.finishRun(runID, finishedAt: realTimeNanoseconds(), summaryJSON: summary.summaryJSON())
        return Run(summary: summary, conflicts: rebuild.conflicts)
    }

    /// Files the sweep reads from the store at once.
    static let sweepPage = 5000
}

/// Store ids of files, one bit each: a million files take 125 KB.
struct FileIDSet {
    private var words: [UInt64] = []

    mutating func insert(_ id: Int64) {
        guard id >= 0 else { return }
        let word = Int(id >> 6)
        if word >= words.count { words += [UInt64](repeating: 0, count: max(word + 1 - words.count, words.count)) }
        words[word] |= 1 << UInt64(id & 63)
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0 else { return false }
        let word = Int(id >> 6)
        return word < words.count && words[word] & (1 << UInt64(id & 63)) != 0
    }
}

extension ScanPath {
    /// True when this path is `root` or below it.
    func isWithin(_ root: ScanPath) -> Bool {
        let path = bytes, prefix = root.bytes
        guard path.count >= prefix.count, path.starts(with: prefix) else { return false }
        return path.count == prefix.count || prefix.last == ScanPath.slashByte || path[prefix.count] == ScanPath.slashByte
    }

    static let slashByte = UInt8(ascii: "/")
}
