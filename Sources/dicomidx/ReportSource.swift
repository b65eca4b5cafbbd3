import ArgumentParser
import DICOMIndexStore
import DICOMStudies

/// What `report` shows, from a scan of paths or from an index: the studies, the account of
/// the files, and the paths that must be opened by their bytes.
struct ReportSource {
    /// What was read, for the page header.
    var sources: [String]
    var studies: [StudyEntry]
    /// The account of the files: counts, errors (unreadable files), warnings (damage).
    var summary: ScanSummary
    /// Files without one of the three UIDs (a scan only: an index keeps their count).
    var ungrouped: [StudyCatalog.Ungroupable] = []
    /// Conflicts in the studies, for standard error.
    var warnings: [String] = []
    /// Paths that are not valid UTF-8, by the text that shows them.
    var pathBytes: [String: ScanPath] = [:]

    /// Walks and reads the paths of `input` as `scan` does. Exit status 2 when a list of paths
    /// cannot be opened.
    static func scan(_ input: InputOptions, _ reporting: ReportOptions) throws -> ReportSource {
        let scan = try CatalogScan.run(input, progress: reporting.makeProgressReporter(), keepPathBytes: true)
        let catalog = scan.catalog
        var sources = input.paths
        if let list = input.filesFrom { sources.append("paths listed in " + (list == "-" ? "standard input" : list)) }
        var warnings = catalog.conflicts.map(\.description)
        warnings += catalog.ungroupable.map { "\($0.path): not grouped, no \($0.missing.joined(separator: ", "))" }
        return ReportSource(sources: sources, studies: catalog.studies, summary: scan.summary,
                            ungrouped: catalog.ungroupable, warnings: warnings, pathBytes: scan.pathBytes)
    }

    /// The studies and files of the index `db`. Exit status 2 when it cannot be read.
    static func index(_ db: String) throws -> ReportSource {
        do {
            let store = try SQLiteIndexStore(path: db, mode: .readOnly)
            let studies = try store.studies()
            let files = try allFiles(of: store).sorted { WalkOrder.precedes($0.path, $1.path) }
            let counts = try store.counts()
            var summary = ScanSummary()
            var pathBytes: [String: ScanPath] = [:]
            for file in files {
                summary.filesSeen += 1
                switch file.outcome {
                case .instance(let warning):
                    summary.dicomFiles += 1
                    if let warning { summary.warnings.append(warning) }
                    if !file.path.isValidUTF8 { pathBytes[file.path.description] = file.path }
                case .dicomdir:
                    summary.dicomFiles += 1
                    summary.dicomdirs += 1
                case .skipped(let reason):
                    summary.skipped[reason, default: 0] += 1
                case .failed(let reason, let problem):
                    summary.failed[reason, default: 0] += 1
                    summary.errors.append(problem)
                }
            }
            summary.studies = counts.studies
            summary.series = counts.series
            summary.instances = counts.instances
            summary.duplicates = counts.duplicates
            summary.ungroupable = counts.ungroupable
            return ReportSource(sources: ["index " + db], studies: studies, summary: summary, pathBytes: pathBytes)
        } catch {
            FileHandleOutput.standardError.write("dicomidx: cannot read the index \(db): \(error)\n")
            throw ExitCode(2)
        }
    }

    /// Every file the index holds, read a page at a time.
    private static func allFiles(of store: SQLiteIndexStore) throws -> [KnownFile] {
        var files: [KnownFile] = []
        var after: Int64 = 0
        while true {
            let page = try store.indexedFiles(after: after, limit: 500)
            guard let last = page.last else { return files }
            files += try store.knownFiles(page.map(\.path)).compactMap { $0 }
            after = last.id
        }
    }
}
