import ArgumentParser
import DICOMIndexStore
import FHIRExport
import FHIRSearch
import DICOMStudies

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension QueryFormat: ExpressibleByArgument {}

/// `dicomidx query`: searches the index with the FHIR ImagingStudy search parameters.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search the index with FHIR ImagingStudy search parameters (NAME=VALUE ...).",
        discussion: """
            Parameters: _id, identifier, patient (or subject), accession, modality, status, \
            started (prefixes eq ne lt gt le ge sa eb ap; partial dates), series, uid, bodysite, \
            dicom-class, basedon, referrer, _count, _sort; modifiers :not and :missing. Several \
            parameters combine with AND, comma-separated values with OR, as in FHIR. See \
            docs/search.md.

            Exit status: 0 on success (also when nothing matches), 2 for an unknown parameter, a \
            malformed value or an index that cannot be opened, 3 when the output could not be written.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The index (made by dicomidx index).", valueName: "file"))
    var db: String

    @Argument(help: ArgumentHelp("Search parameters, e.g. modality=CT started=ge2024-01 patient=PAT001.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .long, help: ArgumentHelp("table (the default on a terminal), bundle (a FHIR searchset Bundle; the default otherwise), ndjson or json.", valueName: "format"))
    var format: QueryFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Offset for study times without (0008,0201), as for scan: local, UTC, +hh:mm or none.", valueName: "zone"))
    var timezone: String = "local"

    @Option(name: .customLong("wado-rs-base"), help: ArgumentHelp("DICOMweb WADO-RS base URL, as for scan.", valueName: "url"))
    var wadoRSBase: String?

    func validate() throws {
        guard DefaultTimezone(timezone) != nil else {
            throw ValidationError("--timezone must be local, UTC, +hh:mm, -hh:mm or none, not '\(timezone)'")
        }
    }

    func run() throws {
        let err = FileHandleOutput.standardError
        let options = FHIROptions(defaultTimezone: DefaultTimezone(timezone) ?? .local, wadoRSBase: wadoRSBase)
        let query: ImagingStudyQuery
        do {
            query = try ImagingStudyQuery(parameters, options: options)
        } catch {
            err.write("dicomidx: \(error)\n")
            throw ExitCode(2)
        }
        let studies: [StudyEntry]
        do {
            studies = try SQLiteIndexStore(path: db, mode: .readOnly).studies()
        } catch {
            err.write("dicomidx: cannot read the index \(db): \(error)\n")
            throw ExitCode(2)
        }
        let onTerminal = output == nil && isatty(STDOUT_FILENO) == 1
        let chosen = format ?? (onTerminal ? .table : .bundle)
        do {
            let sink = try OutputSink(path: output)
            QueryOutput(options: options, width: onTerminal ? terminalColumns() : nil)
                .write(chosen, query.search(studies), query: query) { sink.write($0) }
            try sink.finish()
        } catch {
            err.write("dicomidx: \(error)\n")
            throw ExitCode(3)
        }
    }

    private func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
