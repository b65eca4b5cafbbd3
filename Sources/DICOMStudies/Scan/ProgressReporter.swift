/// A single progress line on stderr, rewritten in place at most a few times a second:
/// `12,345 files, 9,876/s, 12 studies`.
///
/// Cheap to call for every file: a disabled reporter returns at once, and an enabled one looks
/// at the clock only every 16th call.
public final class ProgressReporter {
    /// When to show progress (`--progress`).
    public enum Mode: String, CaseIterable, Sendable {
        /// Always, even when stderr is a file or pipe.
        case always
        /// Never.
        case never
        /// When stderr is a terminal.
        case auto

        /// Whether this mode shows progress here and now.
        public var isEnabled: Bool { self == .always || (self == .auto && StandardError.isTerminal) }
    }

    /// Whether anything is written.
    public let isEnabled: Bool
    private let interval: Duration
    private let write: (String) -> Void
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var nextUpdate: ContinuousClock.Instant
    private var calls = 0
    private var shownLength = 0

    /// A reporter writing with `write` (by default to stderr) at most once per `interval`.
    public init(enabled: Bool, interval: Duration = .milliseconds(250),
                write: @escaping (String) -> Void = StandardError.write) {
        isEnabled = enabled
        self.interval = interval
        self.write = write
        start = clock.now
        nextUpdate = start + interval
    }

    /// Reports `files` paths done and `studies` studies found, if the last line is old enough.
    public func update(files: Int, studies: Int) {
        update(files: files) { "\(grouped(studies)) " + (studies == 1 ? "study" : "studies") }
    }

    /// Reports `files` paths done and, after the rate, `detail()` (called only when a line is
    /// written), if the last line is old enough.
    public func update(files: Int, detail: () -> String) {
        guard isEnabled else { return }
        calls &+= 1
        guard calls & 15 == 0 else { return }
        let now = clock.now
        guard now >= nextUpdate else { return }
        nextUpdate = now + interval
        let elapsed = Self.seconds(now - start)
        let rate = elapsed > 0 ? Int((Double(files) / elapsed).rounded()) : 0
        let line = "\(grouped(files)) files, \(grouped(rate))/s, " + detail()
        let padding = String(repeating: " ", count: max(0, shownLength - line.count))
        shownLength = line.count
        write("\r" + line + padding)
    }

    /// Erases the line, before the final summary is written.
    public func finish() {
        guard isEnabled, shownLength > 0 else { return }
        write("\r" + String(repeating: " ", count: shownLength) + "\r")
        shownLength = 0
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
