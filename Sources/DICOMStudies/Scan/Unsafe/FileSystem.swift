import DICOMCore
#if canImport(Glibc)
import Glibc
/// `DIR *` as the C library's overlay presents it.
typealias DirectoryPointer = OpaquePointer
#elseif canImport(Darwin)
import Darwin
typealias DirectoryPointer = UnsafeMutablePointer<DIR>
#endif

// The walk's system calls, and the only pointers it uses. Every pointer here is lent by a
// `with...` call or by `readdir` and is used only before the next call on the same stream.

/// A failed system call's errno.
struct SystemError: Error, Equatable, Sendable {
    var code: Int32
    /// The text `strerror` gives.
    var message: String { RawFile.describe(errno: code) }
}

/// Identity of a file: device and inode number, the same for every link to it.
struct FileID: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
}

/// A file's type, from `st_mode` or `d_type`.
enum FileKind: Equatable, Sendable {
    case regular, directory, symbolicLink, fifo, socket, characterDevice, blockDevice, unknown

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .unknown
        }
    }

    /// From `dirent.d_type`; `.unknown` when the file system does not fill it in (`DT_UNKNOWN`).
    init(direntType: UInt8) {
        switch Int32(direntType) {
        case Int32(DT_REG): self = .regular
        case Int32(DT_DIR): self = .directory
        case Int32(DT_LNK): self = .symbolicLink
        case Int32(DT_FIFO): self = .fifo
        case Int32(DT_SOCK): self = .socket
        case Int32(DT_CHR): self = .characterDevice
        case Int32(DT_BLK): self = .blockDevice
        default: self = .unknown
        }
    }

    /// "FIFO", "socket"...: the name of a special file's type.
    var name: String {
        switch self {
        case .regular: return "regular file"
        case .directory: return "directory"
        case .symbolicLink: return "symbolic link"
        case .fifo: return "FIFO"
        case .socket: return "socket"
        case .characterDevice: return "character device"
        case .blockDevice: return "block device"
        case .unknown: return "file of unknown type"
        }
    }
}

enum FileSystem {
    /// `stat` (following links) or `lstat` of `path`: its type and identity.
    static func status(_ path: ScanPath, followLinks: Bool) -> Result<(FileKind, FileID), SystemError> {
        path.withCString { name in
            var info = stat()
            let result = followLinks ? stat(name, &info) : lstat(name, &info)
            guard result == 0 else { return .failure(SystemError(code: errno)) }
            return .success((FileKind(mode: info.st_mode), FileID(info)))
        }
    }

    /// `fnmatch(pattern, subject, 0)`: `*`, `?` and `[...]` match any byte, `/` and a leading
    /// `.` included. `pattern` ends with a NUL.
    static func matches(_ pattern: [CChar], _ subject: ArraySlice<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: subject.count + 1) { buffer in
            for (index, byte) in subject.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[subject.count] = 0
            return pattern.withUnsafeBufferPointer { fnmatch($0.baseAddress, buffer.baseAddress, 0) == 0 }
        }
    }
}

/// An open directory, read with `readdir`. Types come from `d_type`, or from `fstatat` on the
/// open directory when the file system gives `DT_UNKNOWN` or a link is to be followed.
final class DirectoryStream {
    private let stream: DirectoryPointer
    /// The directory's device and inode, for loop detection.
    let id: FileID

    /// Opens `path` as a directory (`O_DIRECTORY`; with `O_NOFOLLOW` unless `followLinks`, so a
    /// directory swapped for a link after it was listed is not followed either).
    init(_ path: ScanPath, followLinks: Bool) throws {
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW)
        let fd = path.withCString { open($0, flags) }
        guard fd >= 0 else { throw SystemError(code: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw SystemError(code: code)
        }
        guard let stream = fdopendir(fd) else {
            let code = errno
            close(fd)
            throw SystemError(code: code)
        }
        self.stream = stream
        id = FileID(info)
    }

    deinit { closedir(stream) }

    /// Every entry but `.` and `..`, in the order `readdir` gives them, and the error that
    /// ended the listing early, if one did.
    func entries(followLinks: Bool) -> (listing: DirectoryListing, error: SystemError?) {
        var entries = DirectoryListing()
        let fd = dirfd(stream)
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                return (entries, errno == 0 ? nil : SystemError(code: errno))
            }
            // d_name is a NUL-terminated array inside *entry, valid until the next readdir;
            // it is used only inside this closure.
            withUnsafeMutablePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { name in
                    Self.add(name, type: entry.pointee.d_type, in: fd, followLinks: followLinks, to: &entries)
                }
            }
        }
    }

    /// Adds the entry `name` to `listing`, unless it is `.` or `..`.
    private static func add(_ name: UnsafeMutablePointer<CChar>, type: UInt8, in fd: Int32, followLinks: Bool,
                            to listing: inout DirectoryListing) {
        let length = strlen(name)
        let dot = CChar(UInt8(ascii: "."))
        if name[0] == dot, length == 1 || (length == 2 && name[1] == dot) { return }
        var kind = FileKind(direntType: type)
        var resolved: Result<FileKind, SystemError> = .success(kind)
        if kind == .unknown || (kind == .symbolicLink && followLinks) {
            resolved = statAt(fd, name, followLinks: false)
            if case .success(let found) = resolved { kind = found }
            if kind == .symbolicLink && followLinks { resolved = statAt(fd, name, followLinks: true) }
        }
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(name), count: length)
        listing.append(name: bytes, isLink: kind == .symbolicLink, kind: resolved)
    }

    private static func statAt(_ fd: Int32, _ name: UnsafePointer<CChar>, followLinks: Bool) -> Result<FileKind, SystemError> {
        var info = stat()
        guard fstatat(fd, name, &info, followLinks ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else {
            return .failure(SystemError(code: errno))
        }
        return .success(FileKind(mode: info.st_mode))
    }
}

extension FileID {
    init(_ info: stat) {
        device = UInt64(truncatingIfNeeded: info.st_dev)
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }
}

extension ScanPath {
    /// Calls `body` with the path as a NUL-terminated C string, valid only during the call.
    /// A path with a NUL byte inside is cut there by C; the walker rejects such paths first.
    func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
            buffer[bytes.count] = 0
            // Never nil: the buffer holds at least the NUL.
            return try body(UnsafePointer(buffer.baseAddress.unsafelyUnwrapped))
        }
    }
}
