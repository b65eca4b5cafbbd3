#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a catalog's instance lists go when they outgrow memory: an unnamed temporary file
/// (created in `$TMPDIR`, else `/tmp`, and unlinked at once, so it disappears with the process
/// however it ends), written only at its end and read at any offset.
///
/// Append-only, so catalogs that share it (copies of one catalog) never overwrite each other's
/// bytes: each keeps the offsets of its own chunks. Appends take a lock.
final class SpillFile: @unchecked Sendable {
    /// A run of bytes written to the file.
    struct Chunk: Sendable, Equatable {
        var offset: Int
        var count: Int
    }

    private let descriptor: Int32
    private let lock = Lock()
    /// Bytes written so far; the next chunk starts here. Guarded by `lock`.
    private var size = 0

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// A new temporary file in `directory` (default: `$TMPDIR`, else `/tmp`).
    static func create(in directory: String? = nil) throws -> SpillFile {
        let directory = directory ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/dicomidx-instances-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CatalogError.spill(what: "cannot create a temporary file in \(directory)", errno: errno) }
        let name = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(name)
        return SpillFile(descriptor: descriptor)
    }

    /// Writes `bytes` at the end of the file; returns where.
    func append(_ bytes: [UInt8]) throws -> Chunk {
        try lock.withLock {
            let chunk = Chunk(offset: size, count: bytes.count)
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { buffer in
                    pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(chunk.offset + written))
                }
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else {
                    throw CatalogError.spill(what: "cannot write the temporary file", errno: result < 0 ? errno : ENOSPC)
                }
                written += result
            }
            size += bytes.count
            return chunk
        }
    }

    /// The bytes of `chunk`.
    func read(_ chunk: Chunk) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: chunk.count)
        var done = 0
        while done < chunk.count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(chunk.offset + done))
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                throw CatalogError.spill(what: "cannot read back the temporary file", errno: result < 0 ? errno : EIO)
            }
            done += result
        }
        return bytes
    }
}

/// Why a catalog could not keep or give back its instance lists.
public enum CatalogError: Error, Equatable, CustomStringConvertible {
    /// The temporary file of the instance lists failed: what, and the system's error number.
    case spill(what: String, errno: Int32)
    /// Bytes read back from the temporary file do not decode (they were changed under us).
    case damagedSpill

    public var description: String {
        switch self {
        case let .spill(what, code): return "\(what): \(String(cString: strerror(code)))"
        case .damagedSpill: return "the temporary file of instance lists was changed while in use"
        }
    }
}
