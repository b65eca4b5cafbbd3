import DICOMParser

/// Reads the headers of every file a walk yields, on `jobs` worker threads, while the walk
/// goes on in a thread of its own, and hands each path's `ScanItem` to a consumer on the
/// calling thread, in walk order.
///
/// Because results arrive in walk order whatever `jobs` is, a `StudyCatalog` fed from the
/// consumer is the same for every run over the same tree. Memory is bounded: at most
/// `window` batches of `batchSize` paths are between the walk and the consumer.
///
/// ```swift
/// let walker = ArchiveWalker(inputs: [.path(ScanPath("/archive"))],
///                            options: .init(followSymlinks: false, exclude: ExcludePatterns(["*.jpg"])))
/// let progress = ProgressReporter(enabled: ProgressReporter.Mode.auto.isEnabled)
/// let clock = ContinuousClock()
/// let start = clock.now
/// var catalog = StudyCatalog()
/// var summary = ScanSummary()
/// try ArchiveScanner().scan(walker) { item in
///     summary.count(item)
///     if let record = item.record { catalog.add(record) }
///     progress.update(files: summary.filesSeen, studies: catalog.studyCount)
/// }
/// progress.finish()
/// summary.setCounts(from: catalog)
/// summary.seconds = ...  // clock.now - start, in seconds
/// StandardError.write(summary.description)
/// ```
public struct ArchiveScanner: Sendable {
    /// Worker threads reading files. See `defaultJobs`.
    public var jobs: Int
    /// How each file is read: by default up to the last tag an `InstanceRecord` needs.
    public var parseOptions: ParseOptions
    /// Paths handed to a worker at once. Larger batches cost less synchronisation; the walk
    /// also hands over a smaller batch whenever it is about to wait (opening a directory,
    /// reading a list) while the workers have nothing queued.
    public var batchSize: Int = 64
    /// Batches between the walk and the consumer at most; bounds memory and read-ahead.
    public var window: Int

    /// The default `jobs`: twice the processors online, at least 8, at most 64.
    ///
    /// On a warm page cache reading is CPU-bound and two workers per core keep every core
    /// busy even while the walk, the consumer or a page fault takes one; the extra threads cost
    /// little (they sleep on a condition when there is nothing to do). On a cold disk or a
    /// network share each worker waits on one `pread` at a time, so at least 8 workers keep
    /// 8 reads in flight, which SSDs, RAID sets and NFS servers serve in parallel.
    public static var defaultJobs: Int { min(64, max(8, 2 * onlineProcessorCount())) }

    /// A scanner with `jobs` workers (at least 1) reading with `parseOptions`.
    public init(jobs: Int = ArchiveScanner.defaultJobs, parseOptions: ParseOptions = InstanceRecord.parseOptions) {
        self.jobs = max(1, jobs)
        self.parseOptions = parseOptions
        window = 4 * max(1, jobs)
    }

    /// Walks with `walker` and calls `consume` on the calling thread for each path, in walk
    /// order. When `consume` throws, the walk and the workers stop, and the error is rethrown.
    public func scan(_ walker: ArchiveWalker, _ consume: (ScanItem) throws -> Void) rethrows {
        var iterator = walker.makeIterator()
        try run(source: { hook in
            iterator.beforeBlocking = hook
            return { iterator.next() }
        }, makeProcessBatch: classifying, consume)
    }

    /// Walks with `walker`, calls `process` on the worker threads for each entry, and `consume`
    /// on the calling thread with each result, in walk order. For work other than reading every
    /// file, such as an index that first compares a file's `stat` with what it holds and calls
    /// `item(for:)` only for files that changed.
    public func scan<Item: Sendable>(_ walker: ArchiveWalker, process: @escaping @Sendable (WalkEntry) -> Item,
                                     _ consume: (Item) throws -> Void) rethrows {
        try scan(walker, processBatch: { $0.map(process) }, consume)
    }

    /// `scan(_:process:_:)` with `processBatch` called on each batch of the walk (up to
    /// `batchSize` entries, in order) and returning one item per entry, in the same order: for
    /// work that costs less done for many entries at once, such as one database query.
    public func scan<Item: Sendable>(_ walker: ArchiveWalker, processBatch: @escaping @Sendable ([WalkEntry]) -> [Item],
                                     _ consume: (Item) throws -> Void) rethrows {
        var iterator = walker.makeIterator()
        try run(source: { hook in
            iterator.beforeBlocking = hook
            return { iterator.next() }
        }, makeProcessBatch: { processBatch }, consume)
    }

    /// Reads the entries of a walk already made (e.g. collected from `ArchiveWalker`), in order.
    public func scan(entries: [WalkEntry], _ consume: (ScanItem) throws -> Void) rethrows {
        var index = 0
        try run(source: { _ in
            return {
                guard index < entries.count else { return nil }
                index += 1
                return entries[index - 1]
            }
        }, makeProcessBatch: classifying, consume)
    }

    /// Makes, for one worker thread, the function that reads a batch of entries into
    /// `ScanItem`s, with that thread's `ValueStringCache`.
    private var classifying: @Sendable () -> ([WalkEntry]) -> [ScanItem] {
        let classifier = FileClassifier(options: parseOptions)
        return {
            let cache = ValueStringCache()
            return { $0.map { classifier.item(for: $0, cache: cache) } }
        }
    }

    /// The item for one walk entry, read on the calling thread.
    public func item(for entry: WalkEntry) -> ScanItem {
        FileClassifier(options: parseOptions).item(for: entry)
    }

    /// Runs the pipeline. `source` is called once, on the walk thread, with the hook to call
    /// before a blocking call, and returns the function that yields the entries;
    /// `makeProcessBatch` is called once on each worker thread and returns the function that
    /// turns each batch of entries into items there (so that it may keep state of its own,
    /// such as a cache).
    private func run<Item: Sendable>(source: @escaping (_ beforeBlocking: @escaping () -> Void) -> () -> WalkEntry?,
                                     makeProcessBatch: @escaping @Sendable () -> ([WalkEntry]) -> [Item],
                                     _ consume: (Item) throws -> Void) rethrows {
        let pipeline = ScanPipeline<Item>(window: window)
        let batchSize = max(1, batchSize)
        let source = UncheckedBox(source)
        var workers: [WorkerThread] = []
        var walkThread: WorkerThread?
        var delivered = false
        defer {
            pipeline.cancel()
            // Workers stop after their current batch. The walk may be blocked reading a list from
            // a pipe that never ends: after an error it is left to end alone.
            workers.forEach { $0.join() }
            if delivered { walkThread?.join() } else { walkThread?.detach() }
        }
        for _ in 0..<jobs {
            guard let worker = WorkerThread({
                let processBatch = makeProcessBatch()
                while let batch = pipeline.take() {
                    let items = processBatch(batch.entries)
                    precondition(items.count == batch.entries.count, "one item per entry")
                    pipeline.complete(batch.sequence, items)
                }
            }) else { break }
            workers.append(worker)
        }
        if !workers.isEmpty {
            walkThread = WorkerThread {
                let collector = BatchCollector(pipeline: pipeline, batchSize: batchSize)
                let next = source.value { collector.handOverIfStarving() }
                while !collector.isCancelled, let entry = next() { collector.add(entry) }
                collector.handOver()
                pipeline.endWalk()
            }
        }
        guard walkThread != nil else {
            // No thread could be started: walk and read on this thread, in order all the same.
            pipeline.cancel()
            let next = source.value { }
            let processBatch = makeProcessBatch()
            while let entry = next() {
                for item in processBatch([entry]) { try consume(item) }
            }
            delivered = true
            return
        }
        while let items = pipeline.next() {
            for item in items { try consume(item) }
        }
        delivered = true
    }
}

/// The walk thread's batch under construction.
private final class BatchCollector<Item> {
    private let pipeline: ScanPipeline<Item>
    private let batchSize: Int
    private var entries: [WalkEntry] = []
    private(set) var isCancelled = false

    init(pipeline: ScanPipeline<Item>, batchSize: Int) {
        self.pipeline = pipeline
        self.batchSize = batchSize
        entries.reserveCapacity(batchSize)
    }

    func add(_ entry: WalkEntry) {
        entries.append(entry)
        if entries.count >= batchSize { handOver() }
    }

    /// Submits the batch so far, if any.
    func handOver() {
        guard !entries.isEmpty, !isCancelled else { return }
        if !pipeline.submit(entries) { isCancelled = true }
        entries = []
        entries.reserveCapacity(batchSize)
    }

    /// Submits a partial batch when the workers have nothing queued: the walk is about to wait.
    func handOverIfStarving() {
        if !entries.isEmpty && pipeline.isStarving { handOver() }
    }
}

/// Carries a value the compiler cannot prove `Sendable` to the walk thread, which alone uses it.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
