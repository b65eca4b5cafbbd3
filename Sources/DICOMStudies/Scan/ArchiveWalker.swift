#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One path a walk reached, and what the walk found it to be.
public struct WalkEntry: Equatable, Sendable {
    /// What the path is.
    public enum Kind: Equatable, Sendable {
        /// A regular file, to be read.
        case file
        /// Matched an exclude pattern (a directory is not entered).
        case excluded
        /// Not to be read: a special file, a link not followed, a loop...
        case skipped(SkipReason, detail: String)
        /// Could not be examined: a directory that cannot be opened or listed, an input that
        /// does not exist, a name too long...
        case failed(FailureReason, message: String)
    }

    /// The path as the walk spells it: the input as given, then `/` and names.
    public var path: ScanPath
    /// What the path is.
    public var kind: Kind

    /// Creates an entry.
    public init(path: ScanPath, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// Walks files and directories with `open`/`fdopendir`/`readdir` and `d_type` (no `stat` per
/// file, unless the file system leaves `d_type` unknown), and yields every path it reaches.
///
/// Order: inputs in the order given; inside a directory, entries sorted bytewise by name,
/// files yielded and subdirectories walked depth-first in that order. The same tree always
/// gives the same sequence.
///
/// - Inputs named explicitly (arguments, list entries) are resolved through symbolic links, as
///   `find -H` does. Links found inside directories are reported as skipped unless
///   `followSymlinks`; then a link to a directory is entered, and a directory that is its own
///   ancestor (same device and inode) is reported as a loop and not entered. A directory
///   reached a second time by any route is walked once.
/// - FIFOs, sockets and devices are reported as skipped; they are never opened.
/// - A directory that cannot be opened (permission denied, vanished, path longer than
///   `PATH_MAX`) is reported as failed and the walk goes on.
/// - Names are bytes: a name that is not valid UTF-8 is yielded as it is and still opens.
public struct ArchiveWalker: Sequence {
    /// Choices of a walk.
    public struct Options: Sendable {
        /// Follow symbolic links found inside directories (`--follow-symlinks`).
        public var followSymlinks: Bool
        /// Paths not to yield and directories not to enter (`--exclude`).
        public var exclude: ExcludePatterns

        /// Options; by default links inside directories are not followed and nothing is excluded.
        public init(followSymlinks: Bool = false, exclude: ExcludePatterns = ExcludePatterns()) {
            self.followSymlinks = followSymlinks
            self.exclude = exclude
        }
    }

    /// Something to walk.
    public enum Input {
        /// A file or directory.
        case path(ScanPath)
        /// Every path of a list, each walked as if named on its own (`--files-from`).
        case list(PathListReader)
    }

    /// What to walk, in order.
    public var inputs: [Input]
    /// How to walk it.
    public var options: Options

    /// A walk of `inputs`. A walker with a list input can be iterated once (the list is read as
    /// the walk goes).
    public init(inputs: [Input], options: Options = Options()) {
        self.inputs = inputs
        self.options = options
    }

    /// A walk of the files and directories at `paths`.
    public init(paths: [String], options: Options = Options()) {
        self.init(inputs: paths.map { .path(ScanPath($0)) }, options: options)
    }

    /// Starts the walk.
    public func makeIterator() -> Iterator { Iterator(inputs: inputs, options: options) }

    /// The walk in progress: a stack of listed directories, one per level below the input.
    public struct Iterator: IteratorProtocol {
        private struct Frame {
            var path: ScanPath
            var id: FileID
            var listing: DirectoryListing
            var next = 0
        }

        private let inputs: [Input]
        private let options: Options
        private var nextInput = 0
        private var list: PathListReader?
        private var stack: [Frame] = []
        private var visited: Set<FileID> = []
        /// Called before a call that may wait for the disk or a pipe (opening a directory,
        /// reading a list), so a consumer can hand over what it has collected first.
        var beforeBlocking: (() -> Void)?

        init(inputs: [Input], options: Options) {
            self.inputs = inputs
            self.options = options
        }

        /// The next path, or nil when the walk is complete.
        public mutating func next() -> WalkEntry? {
            while true {
                if let top = stack.indices.last {
                    guard stack[top].next < stack[top].listing.entries.count else {
                        stack.removeLast()
                        continue
                    }
                    let entry = stack[top].listing.entries[stack[top].next]
                    stack[top].next += 1
                    let path = stack[top].path.appending(stack[top].listing.name(of: entry))
                    if let reached = visit(entry, at: path) { return reached }
                    continue
                }
                guard let input = nextNamedPath() else { return nil }
                switch input {
                case .failure(let error):
                    return WalkEntry(path: ScanPath(error.problem.path), kind: .failed(error.reason, message: error.problem.message))
                case .success(let path):
                    if let reached = visitNamed(path) { return reached }
                }
            }
        }

        /// The next argument or list entry.
        private mutating func nextNamedPath() -> Result<ScanPath, PathListReader.EntryError>? {
            while true {
                if let reader = list {
                    if let entry = reader.next() { return entry }
                    list = nil
                }
                guard nextInput < inputs.count else { return nil }
                nextInput += 1
                switch inputs[nextInput - 1] {
                case .path(let path): return .success(path)
                case .list(let reader):
                    reader.beforeRead = beforeBlocking
                    list = reader
                }
            }
        }

        /// An input named explicitly: resolved through links.
        private mutating func visitNamed(_ path: ScanPath) -> WalkEntry? {
            guard !path.bytes.isEmpty else {
                return WalkEntry(path: path, kind: .failed(.invalidPath, message: "empty path"))
            }
            if options.exclude.excludes(path) { return WalkEntry(path: path, kind: .excluded) }
            switch FileSystem.status(path, followLinks: true) {
            case .success(let (kind, _)):
                return visit(path, kind: kind, namedExplicitly: true)
            case .failure(let error):
                if error.code == ENOENT, case .success((.symbolicLink, _)) = FileSystem.status(path, followLinks: false) {
                    return WalkEntry(path: path, kind: .skipped(.brokenSymlink, detail: "the link's target does not exist"))
                }
                return WalkEntry(path: path, kind: .failed(FailureReason(errno: error.code), message: error.message))
            }
        }

        /// An entry found in a directory, at `path`.
        private mutating func visit(_ entry: DirectoryListing.Entry, at path: ScanPath) -> WalkEntry? {
            if options.exclude.excludes(path) { return WalkEntry(path: path, kind: .excluded) }
            switch entry.kind {
            case .success(let kind):
                return visit(path, kind: kind, namedExplicitly: false)
            case .failure(let error):
                if entry.isLink && error.code == ENOENT {
                    return WalkEntry(path: path, kind: .skipped(.brokenSymlink, detail: "the link's target does not exist"))
                }
                let message = error.code == ENOENT ? "vanished after the directory was listed" : error.message
                return WalkEntry(path: path, kind: .failed(FailureReason(errno: error.code), message: message))
            }
        }

        private mutating func visit(_ path: ScanPath, kind: FileKind, namedExplicitly: Bool) -> WalkEntry? {
            switch kind {
            case .regular:
                return WalkEntry(path: path, kind: .file)
            case .directory:
                return enter(path, followLinks: namedExplicitly || options.followSymlinks)
            case .symbolicLink:
                return WalkEntry(path: path, kind: .skipped(.symlink, detail: "symbolic link, not followed"))
            case .fifo, .socket, .characterDevice, .blockDevice, .unknown:
                return WalkEntry(path: path, kind: .skipped(.specialFile, detail: kind.name))
            }
        }

        /// Opens and lists a directory and pushes it; returns an entry only to report a problem.
        private mutating func enter(_ path: ScanPath, followLinks: Bool) -> WalkEntry? {
            beforeBlocking?()
            let stream: DirectoryStream
            do {
                stream = try DirectoryStream(path, followLinks: followLinks)
            } catch {
                let code = (error as? SystemError)?.code ?? EIO
                if code == ELOOP && !followLinks {
                    return WalkEntry(path: path, kind: .skipped(.symlink, detail: "became a symbolic link, not followed"))
                }
                let message = "cannot open the directory: " + SystemError(code: code).message
                return WalkEntry(path: path, kind: .failed(FailureReason(errno: code), message: message))
            }
            if let ancestor = stack.first(where: { $0.id == stream.id }) {
                return WalkEntry(path: path, kind: .skipped(.symlinkLoop, detail: "leads back to \(ancestor.path)"))
            }
            guard visited.insert(stream.id).inserted else {
                return WalkEntry(path: path, kind: .skipped(.alreadyVisited, detail: "directory already walked"))
            }
            var (listing, error) = stream.entries(followLinks: options.followSymlinks)
            listing.sortByName()
            stack.append(Frame(path: path, id: stream.id, listing: listing))
            if let error {
                return WalkEntry(path: path, kind: .failed(FailureReason(errno: error.code),
                                                           message: "listing stopped early: \(error.message)"))
            }
            return nil
        }
    }
}
