#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// A file or pipe read front to back with `read(2)`: the source of a `--files-from` list.
///
/// Unlike the files a scan reads, a list is opened blocking: it may well be a pipe
/// (`find ... -print0 | dicomidx scan --files-from - --null`), and waiting for it is the point.
final class ByteStream {
    private let descriptor: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` for reading.
    init(path: ScanPath) throws {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw SystemError(code: errno) }
        descriptor = fd
        ownsDescriptor = true
    }

    /// Standard input (descriptor 0), left open afterwards.
    init(standardInput: ()) {
        descriptor = 0
        ownsDescriptor = false
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Appends up to `count` bytes to `buffer`; returns how many, 0 at the end of the stream.
    func read(appendingTo buffer: inout [UInt8], count: Int) throws -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var result = 0
        var failure: SystemError?
        buffer.withUnsafeMutableBytes { raw in
            // In bounds: the buffer was just grown by `count` bytes past `start`.
            let target = raw.baseAddress.map { $0 + start }
            while true {
                result = systemRead(descriptor, target, count)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failure = SystemError(code: errno) }
                return
            }
        }
        buffer.removeLast(count - max(result, 0))
        if let failure { throw failure }
        return result
    }
}
