import ArgumentParser
import DICOMIndexStore
import DICOMStudies

/// `dicomidx index`: an incremental SQLite index of an archive, for nightly jobs.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index DICOM files into an SQLite database, reading only what changed since the last run.",
        discussion: """
            Files are walked and recognised as by scan. A file whose path, size, modification time \
            and inode are what the index holds is not opened; a changed file is read again; a file \
            gone from under the PATHs given is removed (--keep-missing: kept, marked missing), except \
            under a directory that could not be read. Studies whose content changed get a new \
            modification stamp (for export --changed). Changes are written in batched transactions: \
            after a crash or kill -9, the next run finishes the job. One run at a time: a second run \
            waits for the lock (DB.lock) up to --lock-timeout seconds. A summary goes to standard \
            error at the end: that of scan, plus files new, changed, unchanged and removed.

            Exit status: 0 when every DICOM file was read, 1 when some failed (the rest is indexed), \
            2 for usage errors, 3 when the index or the summary could not be written, 4 when another \
            run held the lock for --lock-timeout seconds.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("The index database (created when absent).", valueName: "file"))
    var db: String

    @Flag(name: .long, help: "Keep files that are gone in the index, marked missing, with their instances.")
    var keepMissing = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait while another run holds the index (0: do not wait).", valueName: "seconds"))
    var lockTimeout: Double = 30

    @Option(name: .long, help: ArgumentHelp("Most files written in one transaction (default 2000; changes also go out at least every second).", valueName: "n"))
    var batchSize: Int = 2000

    @OptionGroup var report: ReportOptions

    func validate() throws {
        try input.requirePaths()
        guard lockTimeout >= 0, lockTimeout.isFinite else { throw ValidationError("--lock-timeout must be 0 or more seconds") }
        guard !db.isEmpty else { throw ValidationError("--db needs a file name") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        let err = FileHandleOutput.standardError
        let walker: ArchiveWalker
        do {
            walker = try input.makeWalker()
        } catch {
            err.write("dicomidx: \(error)\n")
            throw ExitCode(2)
        }
        let lock = try acquireIndexLock(db, timeout: lockTimeout)
        let result: Indexer.Run
        do {
            let store = try SQLiteIndexStore(path: db)
            let reporter = report.makeProgressReporter()
            var indexer = Indexer(store: store, jobs: input.jobs, keepMissing: keepMissing)
            indexer.batchSize = batchSize
            result = try indexer.run(walker, roots: input.paths.map(ScanPath.init), progress: reporter)
        } catch {
            err.write("dicomidx: index \(db): \(error)\n")
            throw ExitCode(3)
        }
        withExtendedLifetime(lock) {}

        let summary = result.summary
        if report.quiet {
            for problem in summary.scan.errors { err.write("dicomidx: \(problem)\n") }
        } else {
            for conflict in result.conflicts { err.write("dicomidx: warning: \(conflict)\n") }
            err.write(summary.description + (summary.description.hasSuffix("\n") ? "" : "\n"))
        }
        try report.writeSummary(summary.summaryJSON())
        if summary.scan.hasFailures { throw ExitCode(1) }
    }
}
