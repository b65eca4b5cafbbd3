/// Paths from a list (`--files-from FILE`, `-` for standard input), read as the walk needs
/// them, so a list of millions of paths is never held in memory at once.
///
/// Entries are separated by newlines, or by NUL bytes (`--null`, for `find -print0`). Each
/// entry is taken byte for byte: no trimming of spaces or `\r`, no quoting, no escapes.
/// Empty entries are ignored. A relative path is relative to the current directory.
/// A reader is used up by one walk.
public final class PathListReader {
    /// How entries are separated.
    public enum Separator: Sendable {
        /// `\n` (0x0A).
        case newline
        /// NUL (0x00).
        case nul

        var byte: UInt8 { self == .newline ? 0x0A : 0x00 }
    }

    /// The list as named: its path, or "-".
    public let name: String
    private let stream: ByteStream
    private let separator: Separator
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Called before each `read` of the stream, which may wait (see `ArchiveWalker.Iterator`).
    var beforeRead: (() -> Void)?
    /// Bytes asked of the stream per `read`.
    private static let chunkSize = 64 * 1024

    /// Opens the list at `path`, or standard input for "-". Throws `ScanProblem` when the file
    /// cannot be opened.
    public convenience init(path: String, separator: Separator) throws {
        try self.init(path: ScanPath(path), separator: separator)
    }

    /// Opens the list whose path is these bytes, or standard input for "-".
    public init(path: ScanPath, separator: Separator) throws {
        name = path.description
        self.separator = separator
        if path.bytes == [UInt8(ascii: "-")] {
            stream = ByteStream(standardInput: ())
        } else {
            do {
                stream = try ByteStream(path: path)
            } catch let error as SystemError {
                throw ScanProblem(path: name, offset: nil, message: "cannot open the list: \(error.message)")
            }
        }
    }

    /// An entry that is not a path, or a failed read of the list.
    struct EntryError: Error {
        var reason: FailureReason
        var problem: ScanProblem
    }

    /// The next path; an error for an entry that cannot be a path (a NUL inside a
    /// newline-separated entry) or when reading the list fails (the list then ends);
    /// nil at the end of the list.
    func next() -> Result<ScanPath, EntryError>? {
        while true {
            if let end = buffer[position...].firstIndex(of: separator.byte) {
                let entry = Array(buffer[position..<end])
                position = end + 1
                if entry.isEmpty { continue }
                return checked(entry)
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let entry = Array(buffer[position...])
                position = buffer.count
                return checked(entry)
            }
            buffer.removeSubrange(..<position)
            position = 0
            beforeRead?()
            do {
                if try stream.read(appendingTo: &buffer, count: Self.chunkSize) == 0 { atEnd = true }
            } catch let error as SystemError {
                atEnd = true
                buffer.removeAll()
                let problem = ScanProblem(path: name, offset: nil, message: "cannot read the list: \(error.message)")
                return .failure(EntryError(reason: FailureReason(errno: error.code), problem: problem))
            } catch {
                atEnd = true
                return nil
            }
        }
    }

    private func checked(_ entry: [UInt8]) -> Result<ScanPath, EntryError> {
        let path = ScanPath(bytes: entry)
        guard !entry.contains(0) else {
            let message = "a path in \(name) contains a NUL byte (is the list NUL-separated?)"
            return .failure(EntryError(reason: .invalidPath, problem: ScanProblem(path: path.description, offset: nil,
                                                                                  message: message)))
        }
        return .success(path)
    }
}
