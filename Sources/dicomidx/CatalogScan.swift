import ArgumentParser
import DICOMStudies

/// The walk and read that `scan` and `report` share: every file of the inputs read on
/// `input.jobs` threads, instances grouped into a catalog, every path counted in a summary.
struct CatalogScan {
    var catalog = StudyCatalog()
    var summary = ScanSummary()
    /// Instance files whose paths are not valid UTF-8, by the text that shows them (records
    /// hold that text): they are opened again by their bytes. Filled only when asked for.
    var pathBytes: [String: ScanPath] = [:]

    /// Walks and reads the paths of `input`, reporting to `progress`; with `keepPathBytes`,
    /// fills `pathBytes`. Exit status 2 when a list of paths cannot be opened.
    static func run(_ input: InputOptions, progress: ProgressReporter, keepPathBytes: Bool) throws -> CatalogScan {
        let walker: ArchiveWalker
        do {
            walker = try input.makeWalker()
        } catch {
            FileHandleOutput.standardError.write("dicomidx: \(error)\n")
            throw ExitCode(2)
        }
        var scan = CatalogScan()
        ArchiveScanner(jobs: input.jobs).scan(walker) { item in
            scan.summary.count(item)
            if case .instance(let record, _) = item.outcome {
                scan.catalog.add(record)
                if keepPathBytes, !item.path.isValidUTF8 { scan.pathBytes[record.path] = item.path }
            }
            progress.update(files: scan.summary.filesSeen, studies: scan.catalog.studyCount)
        }
        progress.finish()
        scan.summary.setCounts(from: scan.catalog)
        return scan
    }
}
