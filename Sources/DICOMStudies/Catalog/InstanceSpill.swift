/// When and where a catalog moves its instance lists out of memory: it counts the bytes the
/// lists hold in memory and, past `threshold`, the catalog moves each list's pending bytes to
/// one temporary `SpillFile`, created on first need.
///
/// When the file cannot be created or written, the lists stay in memory from then on (memory
/// then grows with the files, but the output is the same) and `problem` says why.
struct InstanceSpill: Sendable {
    /// Bytes in memory that start a move.
    private(set) var threshold: Int
    /// Bytes in memory since the last move.
    private(set) var buffered = 0
    /// The file, once created.
    private(set) var file: SpillFile?
    /// Why moving failed, if it did.
    private(set) var problem: CatalogError?

    init(threshold: Int) { self.threshold = max(0, threshold) }

    /// Counts `bytes` more in memory; true when the lists should be moved now.
    mutating func add(_ bytes: Int) -> Bool {
        buffered += bytes
        guard buffered > threshold, problem == nil else { return false }
        if file == nil {
            do {
                file = try SpillFile.create()
            } catch {
                stop(error)
                return false
            }
        }
        buffered = 0
        return true
    }

    /// Writes the pending bytes of `stream` to the file as its next chunk; after a failure
    /// they stay in memory.
    mutating func move(_ stream: inout InstanceStream) {
        guard let file, problem == nil, !stream.pending.isEmpty else { return }
        do {
            stream.spilled(try file.append(stream.pending))
        } catch {
            stop(error)
        }
    }

    private mutating func stop(_ error: Error) {
        problem = error as? CatalogError ?? .spill(what: "\(error)", errno: 0)
        threshold = .max
    }
}
