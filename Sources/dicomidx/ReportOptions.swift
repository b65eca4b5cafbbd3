import ArgumentParser
import DICOMIndexStore
import DICOMStudies

extension ProgressReporter.Mode: ExpressibleByArgument {}

/// How a long run reports on standard error: summary JSON, progress line, quiet. Shared by
/// `scan` and `index`.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Also write the summary as JSON to FILE.", valueName: "file"))
    var summaryJson: String?

    @Option(name: .long, help: ArgumentHelp("Progress line on standard error: always, never, or auto (when it is a terminal).", valueName: "when"))
    var progress: ProgressReporter.Mode = .auto

    @Flag(name: .long, help: "Print no progress, warnings or summary on standard error (errors still go there).")
    var quiet = false

    /// A progress reporter that is on when asked for and not quiet.
    func makeProgressReporter() -> ProgressReporter {
        ProgressReporter(enabled: !quiet && progress.isEnabled)
    }

    /// Writes `json` to --summary-json, if given. Throws `ExitCode(3)` when it cannot.
    func writeSummary(_ json: String) throws {
        guard let path = summaryJson else { return }
        do {
            let sink = try OutputSink(path: path)
            sink.write(json + "\n")
            try sink.finish()
        } catch {
            FileHandleOutput.standardError.write("dicomidx: \(error)\n")
            throw ExitCode(3)
        }
    }
}

/// Takes the index lock of `db`, waiting up to `timeout` seconds; exit status 4 when another run
/// held it that long, 3 when the lock file cannot be used.
func acquireIndexLock(_ db: String, timeout: Double) throws -> IndexLock {
    do {
        return try IndexLock(databasePath: db, timeout: timeout)
    } catch let failure as IndexLock.Failure {
        FileHandleOutput.standardError.write("dicomidx: \(failure)\n")
        if case .timedOut = failure { throw ExitCode(4) }
        throw ExitCode(3)
    }
}
