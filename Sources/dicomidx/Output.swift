#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to standard output or standard error without Foundation.
struct FileHandleOutput {
    let stream: UnsafeMutablePointer<FILE>

    static var standardOutput: FileHandleOutput { FileHandleOutput(stream: stdout) }
    static var standardError: FileHandleOutput { FileHandleOutput(stream: stderr) }

    /// Writes `text` as UTF-8.
    func write(_ text: String) {
        fputs(text, stream)
    }
}
