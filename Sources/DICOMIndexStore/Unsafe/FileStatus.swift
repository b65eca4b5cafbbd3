import DICOMStudies
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat(2)` says of a file, as the index keeps it: enough to tell, without opening it,
/// whether a file may have changed since it was read.
public struct FileStatus: Hashable, Sendable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, nanoseconds since 1970-01-01 UTC.
    public var modificationTime: Int64
    /// Device number (`st_dev`). Stored, not compared: it may change when a disk is remounted.
    public var device: UInt64
    /// Inode number (`st_ino`).
    public var inode: UInt64

    /// Creates a status.
    public init(size: Int64, modificationTime: Int64, device: UInt64, inode: UInt64) {
        self.size = size
        self.modificationTime = modificationTime
        self.device = device
        self.inode = inode
    }

    /// True when a file with this status may be taken as the one read when `stored` was
    /// recorded: same size, modification time and inode. A file replaced by another (a new
    /// inode) with the same size and time, as `rsync -t` or `cp -p` make them, is read again.
    public func isUnchanged(from stored: FileStatus) -> Bool {
        size == stored.size && modificationTime == stored.modificationTime && inode == stored.inode
    }

    /// `stat` of `path`, following symbolic links (the walk yields a link it follows under
    /// the link's own path). The error is the errno.
    public static func of(_ path: ScanPath) -> Result<FileStatus, StatusError> {
        // The path is copied with a terminating NUL into a buffer that lives only for the call.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: path.bytes.count + 1) { buffer in
            for (index, byte) in path.bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[path.bytes.count] = 0
            var info = stat()
            // Never nil: the buffer holds at least the NUL.
            guard stat(buffer.baseAddress.unsafelyUnwrapped, &info) == 0 else { return .failure(StatusError(code: errno)) }
            #if canImport(Darwin)
            let time = info.st_mtimespec
            #else
            let time = info.st_mtim
            #endif
            return .success(FileStatus(
                size: Int64(info.st_size),
                modificationTime: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec),
                device: UInt64(truncatingIfNeeded: info.st_dev),
                inode: UInt64(truncatingIfNeeded: info.st_ino)))
        }
    }
}

/// A failed `stat`: its errno.
public struct StatusError: Error, Equatable, Sendable {
    /// The errno.
    public var code: Int32
}

/// The system clock (`CLOCK_REALTIME`) in nanoseconds since 1970-01-01 UTC: the clock file
/// modification times are in.
public func realTimeNanoseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
}

/// `CLOCK_MONOTONIC` in nanoseconds: for intervals.
func monotonicNanoseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
}
