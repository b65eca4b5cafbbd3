/// `transform` applied to every element of `items` on up to `jobs` worker threads; the results
/// in the order of `items`, whatever order they were computed in.
///
/// For work per file that is not a walk (e.g. a thumbnail per series). The calling thread only
/// waits; when no thread can be started, it does the work itself.
public func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Result
) -> [Result] {
    let shared = ParallelMapState<Item, Result>(items)
    let workerCount = max(1, min(jobs, items.count))
    guard workerCount > 1 else { return items.map(transform) }
    var workers: [WorkerThread] = []
    for _ in 0..<workerCount {
        guard let worker = WorkerThread({ shared.work(transform) }) else { break }
        workers.append(worker)
    }
    if workers.isEmpty { shared.work(transform) }
    workers.forEach { $0.join() }
    return shared.finished()
}

/// The items still to do and the results so far, behind one lock.
private final class ParallelMapState<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private let items: [Item]
    private var next = 0
    private var results: [Result?]

    init(_ items: [Item]) {
        self.items = items
        results = Array(repeating: nil, count: items.count)
    }

    /// Takes items one at a time until none is left.
    func work(_ transform: (Item) -> Result) {
        while let index = take() {
            let result = transform(items[index])
            lock.withLock { results[index] = result }
        }
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < items.count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// The results, once every worker has returned.
    func finished() -> [Result] {
        lock.withLock { results.compactMap { $0 } }
    }
}

/// A number of bytes that parallel workers share, e.g. the memory for files read whole: a
/// worker takes what it needs before it reads and gives it back after, waiting while the
/// others hold too much. A need larger than the whole budget takes all of it (the worker then
/// runs alone), so no need waits forever.
public final class ByteBudget: @unchecked Sendable {
    /// The bytes shared.
    public let capacity: Int
    private var available: Int
    private let lock = Lock()
    private let freed = Condition()

    /// A budget of `capacity` bytes (at least 1).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        available = self.capacity
    }

    /// Waits until `bytes` (at most `capacity`) are available and takes them; returns the
    /// amount taken, to give back with `give(_:)`.
    public func take(_ bytes: Int) -> Int {
        let wanted = min(max(0, bytes), capacity)
        lock.withLock {
            while available < wanted { freed.wait(lock) }
            available -= wanted
        }
        return wanted
    }

    /// Gives back what `take(_:)` returned.
    public func give(_ taken: Int) {
        lock.withLock {
            available = min(capacity, available + taken)
            freed.broadcast()
        }
    }
}
