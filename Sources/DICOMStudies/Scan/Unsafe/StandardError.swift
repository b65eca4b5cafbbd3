#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// The process's standard error, written with `write(2)` directly: unbuffered, so a progress
/// line appears at once, and without Foundation.
public enum StandardError {
    /// True when descriptor 2 is a terminal (`isatty(2)`).
    public static var isTerminal: Bool { isatty(2) == 1 }

    /// Writes `text` completely (retrying short writes and `EINTR`); errors are ignored, as
    /// nothing better can be done with them on stderr.
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let n = systemWrite(2, base + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }
}
