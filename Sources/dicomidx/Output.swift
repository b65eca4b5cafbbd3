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

    /// Writes `text` as UTF-8, all of it: a NUL inside (a path from a newline-separated list)
    /// does not end the text, as it would with `fputs`.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stream) }
    }
}
