import DICOMCore

/// Where the reader's bytes come from: a file read on demand, bytes already in memory, or a
/// deflated stream inflated on demand. The reader asks for more only when an element needs it.
protocol ByteSource: AnyObject {
    /// Total number of bytes the stream holds, when known without reading it all.
    var knownTotal: Int? { get }
    /// True when `buffer` already holds every byte of the stream.
    var isExhausted: Bool { get }
    /// Appends bytes to `buffer` until it holds at least `target` bytes or the stream ends.
    /// It may append more than asked (reads grow geometrically).
    func extend(_ buffer: inout [UInt8], to target: Int) throws
}

/// A regular file read with `pread`, from the front, growing geometrically.
final class FileByteSource: ByteSource {
    let file: RawFile
    private(set) var isExhausted = false
    private let path: String?

    init(file: RawFile, path: String?) {
        self.file = file
        self.path = path
    }

    var knownTotal: Int? { file.size }

    func extend(_ buffer: inout [UInt8], to target: Int) throws {
        let wanted = min(file.size, max(target, buffer.count * 2))
        guard wanted > buffer.count else {
            isExhausted = buffer.count >= file.size
            return
        }
        let before = buffer.count
        do {
            try file.append(from: before, length: wanted - before, to: &buffer)
        } catch let error as RawFileError {
            throw ReadError(path: path, offset: before, kind: .io(error))
        }
        // A file that shrank while being read ends where its bytes end.
        if buffer.count < wanted || buffer.count >= file.size { isExhausted = true }
    }
}

/// Bytes that are all in memory already.
final class MemoryByteSource: ByteSource {
    let total: Int
    init(total: Int) { self.total = total }
    var knownTotal: Int? { total }
    var isExhausted: Bool { true }
    func extend(_ buffer: inout [UInt8], to target: Int) throws {}
}
