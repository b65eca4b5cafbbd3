#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock that lets one writer at a time at an index: an exclusive `flock(2)` on a file
/// beside the database (`<database>.lock`), held for the whole run.
///
/// SQLite's own locks last one transaction, and a run is many transactions (batches, then the
/// regrouping of studies): two runs would interleave their batches. `flock` is held by the open
/// file, so the kernel releases it when the process ends in any way, `kill -9` included: a lock
/// is never left behind. The lock file is never removed (removing it would let a waiter lock
/// the old file while a newcomer locks a new one). The holder writes its process id into the
/// file, so a waiter that gives up can say who holds it.
///
/// Readers (`query`, `export` without moving a mark) need no lock: SQLite's WAL mode gives them
/// a consistent snapshot while a run writes.
public final class IndexLock {
    /// The lock file.
    public let path: String
    private var descriptor: Int32

    /// Why the lock could not be taken.
    public enum Failure: Error, CustomStringConvertible {
        /// Another process held the lock for the whole timeout.
        case timedOut(path: String, seconds: Double, holder: Int32?)
        /// The lock file cannot be opened or locked.
        case cannotLock(path: String, reason: String)

        public var description: String {
            switch self {
            case .timedOut(let path, let seconds, let holder):
                let who = holder.map { " (process \($0))" } ?? ""
                return "another run holds the index lock \(path)\(who); gave up after \(formatted(seconds)) s"
            case .cannotLock(let path, let reason):
                return "cannot lock \(path): \(reason)"
            }
        }
    }

    /// The lock of the index at `databasePath`, waiting up to `timeout` seconds for another
    /// holder to let go (polling every 50 ms; 0: one try).
    public init(databasePath: String, timeout: Double) throws {
        path = databasePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.cannotLock(path: path, reason: String(cString: strerror(errno))) }
        let deadline = monotonicSeconds() + max(0, timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw Failure.cannotLock(path: path, reason: String(cString: strerror(code)))
            }
            guard monotonicSeconds() < deadline else {
                let holder = Self.holder(fd)
                close(fd)
                throw Failure.timedOut(path: path, seconds: timeout, holder: holder)
            }
            usleep(50_000)
        }
        descriptor = fd
        let text = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    /// Releases the lock (also done when the lock is freed, and by the kernel when the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }

    /// The process id the holder wrote, if it can be read.
    private static func holder(_ fd: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: bytes[..<count], as: UTF8.self).split(separator: "\n").first ?? ""
        return Int32(text)
    }
}

private func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

private func formatted(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
