#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a path the scan reached was not read as DICOM, although nothing went wrong.
/// The raw values are the keys of `skipped_by_reason` in the summary JSON.
public enum SkipReason: String, CaseIterable, Sendable {
    /// Read, but neither a Part 10 file nor a data set that looks like DICOM.
    case notDICOM = "not_dicom"
    /// A file of 0 bytes (never read).
    case empty
    /// A FIFO, socket or device: never opened, so a scan cannot block on one.
    case specialFile = "special_file"
    /// A symbolic link inside a directory, not followed (see `ArchiveWalker.Options.followSymlinks`).
    case symlink
    /// A symbolic link whose target does not exist.
    case brokenSymlink = "broken_symlink"
    /// A directory that is its own ancestor through a followed link: a loop.
    case symlinkLoop = "symlink_loop"
    /// A directory reached a second time (another link or an overlapping input): walked once.
    case alreadyVisited = "already_visited"

    /// Words for the human-readable summary.
    public var words: String {
        switch self {
        case .notDICOM: return "not DICOM"
        case .empty: return "empty"
        case .specialFile: return "FIFO, socket or device"
        case .symlink: return "symbolic link not followed"
        case .brokenSymlink: return "broken symbolic link"
        case .symlinkLoop: return "symbolic link loop"
        case .alreadyVisited: return "directory already walked"
        }
    }
}

/// Why a path could not be read. The raw values are the keys of `failed_by_reason`.
public enum FailureReason: String, CaseIterable, Sendable {
    /// `EACCES` or `EPERM` on a file or directory.
    case permissionDenied = "permission_denied"
    /// `ENOENT`: a named input that does not exist, or an entry that vanished after it was listed.
    case notFound = "not_found"
    /// `ENAMETOOLONG`: the path is longer than the system accepts (`PATH_MAX`, `NAME_MAX`).
    case nameTooLong = "name_too_long"
    /// A path that cannot name a file: a NUL byte in a newline-separated list, or an empty one.
    case invalidPath = "invalid_path"
    /// Any other error of the file system (`EIO`, `ELOOP`, a failed `read`...).
    case ioError = "io_error"
    /// A DICOM file damaged before its Study, Series and SOP Instance UIDs were read, a file
    /// whose file meta cannot be read, or a DICOMDIR with damaged directory records.
    case damaged

    /// The reason for a failed system call.
    init(errno code: Int32) {
        switch code {
        case EACCES, EPERM: self = .permissionDenied
        case ENOENT: self = .notFound
        case ENAMETOOLONG: self = .nameTooLong
        default: self = .ioError
        }
    }

    /// Words for the human-readable summary.
    public var words: String {
        switch self {
        case .permissionDenied: return "permission denied"
        case .notFound: return "not found or vanished"
        case .nameTooLong: return "name too long"
        case .invalidPath: return "invalid path"
        case .ioError: return "I/O error"
        case .damaged: return "damaged"
        }
    }
}

/// One line of the summary's `errors` (or `warnings`) list: where, and what was wrong.
public struct ScanProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path as shown (`ScanPath.description`).
    public var path: String
    /// Byte offset in the file of the damage; nil when the problem is not inside a file's
    /// bytes (a directory that cannot be opened, a file that cannot be opened).
    public var offset: Int?
    /// What was wrong, e.g. "(0008,0020) DA: length 4294967290 exceeds the 3532 bytes left".
    public var message: String

    /// Creates a problem report.
    public init(path: String, offset: Int?, message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    /// "path: offset 462: message", or "path: message".
    public var description: String {
        path + ": " + (offset.map { "offset \($0): " } ?? "") + message
    }
}
