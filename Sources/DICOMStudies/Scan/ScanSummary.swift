/// The account of a scan: every path the walk reached is counted once, as a DICOM file,
/// skipped or failed (`filesSeen == dicomFiles + skippedCount + failedCount`), or as excluded
/// (outside `filesSeen`).
///
/// Feed it each `ScanItem` with `count(_:)`, then fill the grouping counts with
/// `setCounts(from:)` and the time with `seconds`.
public struct ScanSummary: Sendable {
    /// Paths reached and not excluded: files, special files, links, and directories that failed.
    public var filesSeen = 0
    /// Files read as DICOM: instances (grouped or not) and DICOMDIRs.
    public var dicomFiles = 0
    /// DICOMDIR files among `dicomFiles`.
    public var dicomdirs = 0
    /// Skipped paths by reason.
    public var skipped: [SkipReason: Int] = [:]
    /// Failed paths by reason.
    public var failed: [FailureReason: Int] = [:]
    /// Paths matching an exclude pattern.
    public var excluded = 0
    /// Every failure, in walk order.
    public var errors: [ScanProblem] = []
    /// Instances read despite damage after their UIDs, and directory loops, in walk order.
    public var warnings: [ScanProblem] = []

    /// Studies found (from the catalog).
    public var studies = 0
    /// Series found (from the catalog).
    public var series = 0
    /// Distinct instances (from the catalog).
    public var instances = 0
    /// Files repeating a SOP Instance UID already seen (from the catalog).
    public var duplicates = 0
    /// Instances lacking a Study, Series or SOP Instance UID (from the catalog).
    public var ungroupable = 0
    /// Wall-clock time of the scan.
    public var seconds: Double = 0

    /// An empty summary.
    public init() {}

    /// Total skipped.
    public var skippedCount: Int { skipped.values.reduce(0, +) }
    /// Total failed.
    public var failedCount: Int { failed.values.reduce(0, +) }
    /// True when some path failed (the scan's exit status is then 1).
    public var hasFailures: Bool { failedCount > 0 }
    /// Paths seen per second; 0 before `seconds` is set.
    public var filesPerSecond: Double { seconds > 0 ? Double(filesSeen) / seconds : 0 }

    /// Counts one item.
    public mutating func count(_ item: ScanItem) {
        switch item.outcome {
        case .instance(_, let warning):
            countInstance(warning: warning)
        case .dicomdir:
            filesSeen += 1
            dicomFiles += 1
            dicomdirs += 1
        case .skipped(let reason, let detail):
            filesSeen += 1
            skipped[reason, default: 0] += 1
            if reason == .symlinkLoop {
                warnings.append(ScanProblem(path: item.path.description, offset: nil, message: "directory loop: " + detail))
            }
        case .failed(let reason, let problem):
            filesSeen += 1
            failed[reason, default: 0] += 1
            errors.append(problem)
        case .excluded:
            excluded += 1
        }
    }

    /// Counts an instance (with its warning, if it was damaged after its UIDs): `count(_:)`
    /// of an instance item, for a caller that has taken the record out of the item already
    /// (matching an instance in a borrowed item copies the record, field by field).
    public mutating func countInstance(warning: ScanProblem?) {
        filesSeen += 1
        dicomFiles += 1
        if let warning { warnings.append(warning) }
    }

    /// Copies the study, series, instance, duplicate and ungroupable counts of `catalog`.
    public mutating func setCounts(from catalog: StudyCatalog) {
        studies = catalog.studyCount
        series = catalog.seriesCount
        instances = catalog.instanceCount
        duplicates = catalog.duplicateCount
        ungroupable = catalog.ungroupable.count
    }
}
