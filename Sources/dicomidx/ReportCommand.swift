import ArgumentParser
import DICOMIndexStore
import DICOMReport
import DICOMStudies

/// `dicomidx report`: one self-contained HTML page of an archive's studies with a thumbnail
/// per series, from a scan of PATHs or from an index.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page of the studies, with a thumbnail per series.",
        discussion: """
            The studies come from a scan of PATHs (read and grouped as scan does) or, with --db, \
            from an index made by dicomidx index. Each series shows the first frame of its middle \
            instance, read again from its file, as an embedded JPEG; the page has no script and \
            loads nothing from elsewhere. It also lists the files that could not be read (path, \
            byte offset, error) and the series without a displayable image. Every value from a \
            file, and every path, is HTML-escaped.

            Exit status: 0 when every DICOM file was read, 1 when some failed (the page is still \
            complete for the rest), 2 for usage errors or an index that cannot be read, 3 when \
            the page could not be written.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("Report the studies of this index (made by dicomidx index) instead of reading PATHs.", valueName: "file"))
    var db: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write (default: standard output).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Longest side of each thumbnail in pixels.", valueName: "n"))
    var size: Int = 128

    @Option(name: .long, help: ArgumentHelp("The page title.", valueName: "text"))
    var title: String = "DICOM archive report"

    @OptionGroup var reporting: ReportOptions

    func validate() throws {
        if db != nil {
            if input.hasPaths { throw ValidationError("give PATHs or --db, not both") }
            if db?.isEmpty == true { throw ValidationError("--db needs a file name") }
        } else {
            try input.requirePaths()
        }
        guard (16...1024).contains(size) else { throw ValidationError("--size must be between 16 and 1024") }
    }

    func run() throws {
        let err = FileHandleOutput.standardError
        let started = Clock.now
        var content = try db.map { try ReportSource.index($0) } ?? ReportSource.scan(input, reporting)
        content.summary.seconds = Clock.now - started

        var page = ArchiveReport()
        page.title = title
        page.sources = content.sources
        page.studies = content.studies
        page.totals = Self.totals(content)
        page.unreadable = content.summary.errors
        page.damaged = content.summary.warnings.filter { $0.offset != nil }
        page.ungrouped = content.ungrouped
        page.thumbnailSize = size
        var maker = SeriesImageMaker(size: size, jobs: input.jobs)
        maker.pathBytes = content.pathBytes
        page.images = maker.images(for: content.studies)

        var written = 0
        do {
            let sink = try OutputSink(path: output)
            ReportPage(report: page, generator: "dicomidx \(Dicomidx.configuration.version)").write {
                written += $0.utf8.count
                sink.write($0)
            }
            try sink.finish()
        } catch {
            err.write("dicomidx: \(error)\n")
            throw ExitCode(3)
        }
        let summary = content.summary
        if reporting.quiet {
            for problem in summary.errors { err.write("dicomidx: \(problem)\n") }
        } else {
            for warning in content.warnings { err.write("dicomidx: warning: \(warning)\n") }
            err.write(summary.description + (summary.description.hasSuffix("\n") ? "" : "\n"))
            let shown = page.images.values.filter { if case .jpeg = $0 { return true } else { return false } }.count
            err.write("report: \(grouped(shown)) thumbnails, \(grouped(page.images.count - shown)) series without an image, "
                      + "\(grouped(written)) bytes written to \(output ?? "standard output")\n")
        }
        try reporting.writeSummary(summary.summaryJSON())
        if summary.hasFailures { throw ExitCode(1) }
    }

    private static func totals(_ content: ReportSource) -> ArchiveReport.Totals {
        var totals = ArchiveReport.Totals()
        totals.patients = ArchiveReport.patientCount(content.studies)
        totals.studies = content.studies.count
        totals.series = content.studies.reduce(0) { $0 + $1.series.count }
        totals.instances = content.studies.reduce(0) { $0 + $1.numberOfInstances }
        totals.filesSeen = content.summary.filesSeen
        totals.dicomFiles = content.summary.dicomFiles
        totals.skipped = content.summary.skippedCount
        totals.failed = content.summary.failedCount
        totals.duplicates = content.summary.duplicates
        return totals
    }
}
