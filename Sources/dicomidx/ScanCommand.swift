import ArgumentParser
import DICOMStudies

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dicomidx scan`: reads every file's header, groups instances into series and studies, and
/// writes FHIR ImagingStudy resources or DICOMStudy/DICOMSeries records.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Group DICOM files into studies and write FHIR ImagingStudy or DICOMStudy/DICOMSeries records.",
        discussion: """
            Files are recognised by content, not by name; other files are counted as skipped. \
            Reading stops after the last attribute the output needs, so pixel data is never read. \
            A summary goes to standard error at the end.

            Exit status: 0 when every DICOM file was read, 1 when some failed (the output is \
            still complete for the rest), 2 for usage errors, 3 when the output could not be written.
            """
    )

    enum DuplicatesMode: String, CaseIterable, ExpressibleByArgument {
        case count, list
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("count: count files that repeat a SOP Instance UID; list: also print each pair of paths on standard error.", valueName: "mode"))
    var duplicates: DuplicatesMode = .count

    @OptionGroup var report: ReportOptions

    @Option(name: .long, help: ArgumentHelp("Write one JPEG thumbnail per series (its middle instance) into DIR, named by a hash of the series UID.", valueName: "dir"))
    var thumbnails: String?

    func validate() throws {
        try input.requirePaths()
    }

    func run() throws {
        let err = FileHandleOutput.standardError
        let started = Clock.now
        let scan = try CatalogScan.run(input, progress: report.makeProgressReporter(), keepPathBytes: thumbnails != nil)
        let catalog = scan.catalog, pathBytes = scan.pathBytes
        var summary = scan.summary
        summary.seconds = Clock.now - started

        var outputFailed = false
        if let problem = catalog.spillProblem, !report.quiet {
            err.write("dicomidx: warning: \(problem); the instance lists are kept in memory\n")
        }
        let studies = catalog.sortedStudies
        do {
            let warnings = try StudyOutput(options: output).write(studies)
            if !report.quiet { for warning in warnings { err.write("dicomidx: warning: \(warning)\n") } }
        } catch {
            err.write("dicomidx: \(error)\n")
            outputFailed = true
        }
        if let directory = thumbnails {
            let problems = SeriesThumbnails(directory: directory, size: 256, jobs: input.jobs, pathBytes: pathBytes)
                .write(catalog.studies)
            if !report.quiet { for problem in problems { err.write("dicomidx: warning: \(problem)\n") } }
        }
        printReport(catalog, summary, to: err)
        do {
            try report.writeSummary(summary.summaryJSON())
        } catch {
            outputFailed = true
        }
        if outputFailed { throw ExitCode(3) }
        if summary.hasFailures { throw ExitCode(1) }
    }

    /// Conflicts, ungroupable files, duplicates and the summary on standard error.
    private func printReport(_ catalog: StudyCatalog, _ summary: ScanSummary, to err: FileHandleOutput) {
        if duplicates == .list {
            do {
                try catalog.forEachDuplicate { duplicate in
                    err.write("dicomidx: duplicate \(duplicate.sopInstanceUID): \(duplicate.duplicatePath) repeats \(duplicate.firstPath)\n")
                }
            } catch {
                err.write("dicomidx: \(error)\n")
            }
        }
        guard !report.quiet else {
            for problem in summary.errors { err.write("dicomidx: \(problem)\n") }
            return
        }
        for conflict in catalog.conflicts { err.write("dicomidx: warning: \(conflict)\n") }
        for file in catalog.ungroupable {
            err.write("dicomidx: warning: \(file.path): not grouped, no \(file.missing.joined(separator: ", "))\n")
        }
        err.write(summary.description + (summary.description.hasSuffix("\n") ? "" : "\n"))
    }
}

/// Monotonic seconds.
enum Clock {
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
