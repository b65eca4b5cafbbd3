#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be opened or read.
public enum RawFileError: Error, Equatable, Sendable {
    /// `open(2)` failed with this errno.
    case openFailed(errno: Int32)
    /// The path is not a regular file (a directory, FIFO, device or socket).
    case notRegularFile
    /// `read(2)` failed with this errno at this offset.
    case readFailed(errno: Int32, offset: Int)

    /// A short human-readable reason.
    public var reason: String {
        switch self {
        case .openFailed(let code): return "cannot open: \(RawFile.describe(errno: code))"
        case .notRegularFile: return "not a regular file"
        case .readFailed(let code, let offset):
            return "read failed at offset \(offset): \(RawFile.describe(errno: code))"
        }
    }
}

/// A read-only regular file accessed with `open`, `fstat` and `pread`, without Foundation.
///
/// The file is opened with `O_NONBLOCK` so that a FIFO or device never blocks the caller; such
/// files are rejected by `fstat` before anything is read.
public final class RawFile {
    private let descriptor: Int32
    /// Size in bytes at the time the file was opened.
    public let size: Int

    /// Opens `path` for reading. Throws `RawFileError` when it cannot be opened or is not a
    /// regular file.
    public init(path: String) throws {
        let opened = try path.withCString(Self.openRegularFile)
        descriptor = opened.descriptor
        size = opened.size
    }

    /// Opens the file whose path is exactly these bytes (no terminating NUL), for names that
    /// are not valid UTF-8 and so have no faithful `String`. A NUL byte inside `pathBytes`
    /// cannot name a file: it throws `openFailed(errno: EINVAL)`.
    public init(pathBytes: [UInt8]) throws {
        guard !pathBytes.contains(0) else { throw RawFileError.openFailed(errno: EINVAL) }
        // The NUL-terminated copy on the stack (on the heap only for very long paths): no
        // allocation per file opened.
        let opened = try withUnsafeTemporaryAllocation(of: CChar.self, capacity: pathBytes.count + 1) { chars in
            // Never nil: the buffer holds at least the NUL.
            guard let path = chars.baseAddress else { throw RawFileError.openFailed(errno: EINVAL) }
            pathBytes.withUnsafeBytes { bytes in
                if let source = bytes.baseAddress { UnsafeMutableRawPointer(path).copyMemory(from: source, byteCount: bytes.count) }
            }
            (path + pathBytes.count).initialize(to: 0)
            return try Self.openRegularFile(path)
        }
        descriptor = opened.descriptor
        size = opened.size
    }

    /// Opens `path` (valid only during the call) with `O_NONBLOCK`, then keeps it only if
    /// `fstat` says it is a regular file; otherwise closes it again before anything is read.
    private static func openRegularFile(_ path: UnsafePointer<CChar>) throws -> (descriptor: Int32, size: Int) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw RawFileError.openFailed(errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw RawFileError.openFailed(errno: code)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw RawFileError.notRegularFile
        }
        return (fd, Int(info.st_size))
    }

    deinit { close(descriptor) }

    /// Appends the bytes at `offset..<offset+length` (clipped to the end of the file) to `buffer`
    /// and returns how many were appended: fewer than asked only at the end of the file.
    ///
    /// The bytes are read straight into new storage, never zero-filled first: `buffer`'s bytes
    /// are copied to the front of it (nothing to copy on a first read).
    @discardableResult
    public func append(from offset: Int, length: Int, to buffer: inout [UInt8]) throws -> Int {
        guard length > 0 else { return 0 }
        let start = buffer.count
        var failure: RawFileError?
        var appended = 0
        let grown = try [UInt8](unsafeUninitializedCapacity: start + length) { raw, initialized in
            guard let base = raw.baseAddress else { throw RawFileError.readFailed(errno: ENOMEM, offset: offset) }
            buffer.withUnsafeBufferPointer { old in
                if let oldBase = old.baseAddress, start > 0 { base.initialize(from: oldBase, count: start) }
            }
            while appended < length {
                let n = pread(descriptor, base + start + appended, length - appended, off_t(offset + appended))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .readFailed(errno: errno, offset: offset + appended)
                    break
                }
                if n == 0 { break }
                appended += n
            }
            // Only bytes copied or read count as initialized.
            initialized = start + appended
        }
        buffer = grown
        if let failure { throw failure }
        return appended
    }

    /// The text of an errno value, as `strerror` gives it.
    public static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
