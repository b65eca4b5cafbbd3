#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's main output goes: standard output, or a file written under a temporary
/// name and renamed into place only when complete, so a failed run never leaves half a file
/// where a good one was. A path naming anything but a regular file (`/dev/null`, a named pipe,
/// a symbolic link such as `/dev/stdout`) is written directly: renaming over it would replace
/// the device or the link with a file.
/// Every write is checked; the first failure is kept in `failure`.
final class OutputSink {
    private let stream: UnsafeMutablePointer<FILE>
    /// The path written, nil for standard output.
    private let finalPath: String?
    /// The temporary file renamed to `finalPath` at the end; nil when writing directly.
    private let temporaryPath: String?
    /// The first write error, as text; nil while all is well.
    private(set) var failure: String?

    /// Output to standard output (nil or "-") or to `path`.
    init(path: String?) throws {
        // A closed pipe must be a write error (exit status 3), not a silent death by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        guard let path, path != "-" else {
            stream = stdout
            finalPath = nil
            temporaryPath = nil
            return
        }
        var status = stat()
        if lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            guard let file = fopen(path, "w") else {
                throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            stream = file
            finalPath = path
            temporaryPath = nil
            return
        }
        let temporary = path + ".tmp-\(getpid())"
        guard let file = fopen(temporary, "w") else {
            throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        stream = file
        finalPath = path
        temporaryPath = temporary
    }

    /// Writes `text` (UTF-8).
    func write(_ text: String) {
        guard failure == nil else { return }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, stream) }
        if written != text.utf8.count { failure = String(cString: strerror(errno)) }
    }

    /// Marks the output as failed (it is then not renamed into place): `reason` is reported.
    func fail(_ reason: String) {
        if failure == nil { failure = reason }
    }

    /// Writes `bytes`.
    func write(bytes: [UInt8]) {
        guard failure == nil, !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stream) }
        if written != bytes.count { failure = String(cString: strerror(errno)) }
    }

    /// Flushes and, for a file, renames it into place. Throws when anything failed.
    func finish() throws {
        if failure == nil, fflush(stream) != 0 { failure = String(cString: strerror(errno)) }
        if let finalPath {
            if fclose(stream) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            if let temporaryPath {
                if failure == nil, rename(temporaryPath, finalPath) != 0 { failure = String(cString: strerror(errno)) }
                if failure != nil { unlink(temporaryPath) }
            }
        }
        if let failure { throw OutputError.writeFailed(path: finalPath ?? "standard output", reason: failure) }
    }
}

/// Why the output could not be written (exit status 3).
enum OutputError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot write \(path): \(reason)"
        case .writeFailed(let path, let reason): return "writing \(path) failed: \(reason)"
        }
    }
}
