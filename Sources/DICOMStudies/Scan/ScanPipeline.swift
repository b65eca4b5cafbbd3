/// The hand-over between the walk (one producer thread), the readers (worker threads) and the
/// consumer (the thread that called `ArchiveScanner.scan`), with results back in walk order.
///
/// The producer submits numbered batches of walk entries; workers take any queued batch and
/// complete it; the consumer takes completed batches strictly by number, holding early ones
/// in a reorder buffer. At most `window` batches are between submission and delivery, so
/// memory stays bounded whatever the size of the tree and however slow one file is: a slow
/// file holds back delivery, and then the walk, not memory.
final class ScanPipeline<Item>: @unchecked Sendable {
    private let lock = Lock()
    /// Workers wait here for a queued batch (or the end).
    private let workQueued = Condition()
    /// The consumer waits here for the next batch in order (or the end).
    private let nextCompleted = Condition()
    /// The producer waits here for room in the window.
    private let roomInWindow = Condition()

    private var queued: [(sequence: Int, entries: [WalkEntry])] = []
    private var completed: [Int: [Item]] = [:]
    private var submitted = 0
    private var delivered = 0
    private var walkEnded = false
    private var cancelled = false
    /// Most batches submitted but not yet delivered.
    let window: Int

    /// A pipeline holding at most `window` batches (at least 1) in flight.
    init(window: Int) { self.window = max(1, window) }

    // MARK: Producer

    /// Queues a batch, waiting while the window is full. False when the scan was cancelled.
    func submit(_ entries: [WalkEntry]) -> Bool {
        lock.withLock {
            while submitted - delivered >= window && !cancelled { roomInWindow.wait(lock) }
            guard !cancelled else { return false }
            queued.append((submitted, entries))
            submitted += 1
            workQueued.signal()
            return true
        }
    }

    /// True when no batch waits for a worker: workers are idle or about to be.
    var isStarving: Bool { lock.withLock { queued.isEmpty } }

    /// No more batches will come.
    func endWalk() {
        lock.withLock {
            walkEnded = true
            workQueued.broadcast()
            nextCompleted.broadcast()
        }
    }

    // MARK: Workers

    /// The oldest queued batch; nil when the walk has ended and none is left, or on cancel.
    func take() -> (sequence: Int, entries: [WalkEntry])? {
        lock.withLock {
            while queued.isEmpty && !walkEnded && !cancelled { workQueued.wait(lock) }
            guard !cancelled, !queued.isEmpty else { return nil }
            // At most `window` entries: removing the first is cheap.
            return queued.removeFirst()
        }
    }

    /// Hands in the items of batch `sequence`, in the batch's order.
    func complete(_ sequence: Int, _ items: [Item]) {
        lock.withLock {
            completed[sequence] = items
            if sequence == delivered { nextCompleted.signal() }
        }
    }

    // MARK: Consumer

    /// The next batch in walk order, waiting for it; nil when every batch has been delivered
    /// or the scan was cancelled.
    func next() -> [Item]? {
        lock.withLock {
            while completed[delivered] == nil && !cancelled && !(walkEnded && delivered == submitted) {
                nextCompleted.wait(lock)
            }
            guard !cancelled, let items = completed.removeValue(forKey: delivered) else { return nil }
            delivered += 1
            roomInWindow.signal()
            return items
        }
    }

    /// Stops the scan: the producer's next submit and every waiting call return at once.
    func cancel() {
        lock.withLock {
            cancelled = true
            workQueued.broadcast()
            nextCompleted.broadcast()
            roomInWindow.broadcast()
        }
    }
}
