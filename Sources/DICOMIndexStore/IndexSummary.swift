import DICOMStudies
import JSONWriting

/// The account of an index run: a scan's summary of the paths this run reached (files not
/// read again are counted by what their last read found, so the counts are those a `scan` of
/// the same paths gives), with the studies, series and instances of the whole index after the
/// run, and what the run did to the index.
public struct IndexSummary: Sendable {
    /// Paths reached, by outcome; grouping counts of the whole index; time.
    public var scan = ScanSummary()
    /// Files not in the index before: read.
    public var new = 0
    /// Files whose size, modification time or inode changed: read again.
    public var changed = 0
    /// Files read again with their status unchanged: the last read failed for a reason that may
    /// pass (permissions, I/O), or the file was being modified when it was read (`racy`).
    public var rechecked = 0
    /// Files with the same status as when they were read: not opened.
    public var unchanged = 0
    /// Files gone since the last run: removed from the index, or marked missing.
    public var removed = 0
    /// Files in the index marked missing after the run (`--keep-missing`).
    public var missing = 0
    /// Files opened and read in this run: `new + changed + rechecked`.
    public var filesRead: Int { new + changed + rechecked }
    /// Studies that got a new modification stamp (new or changed content).
    public var studiesChanged = 0
    /// Studies that lost their last instance.
    public var studiesRemoved = 0

    /// An empty summary.
    public init() {}

    /// One line of JSON: the keys of `ScanSummary.summaryJSON()`, then `new`, `changed`,
    /// `rechecked`, `unchanged`, `removed`, `missing`, `files_read`, `studies_changed`,
    /// `studies_removed`.
    public func summaryJSON() -> String {
        JSONValue.object(scan.summaryFields + [
            ("new", .int(new)),
            ("changed", .int(changed)),
            ("rechecked", .int(rechecked)),
            ("unchanged", .int(unchanged)),
            ("removed", .int(removed)),
            ("missing", .int(missing)),
            ("files_read", .int(filesRead)),
            ("studies_changed", .int(studiesChanged)),
            ("studies_removed", .int(studiesRemoved)),
        ]).serialized()
    }
}

extension IndexSummary: CustomStringConvertible {
    /// The scan summary with a line for the index after the first:
    ///
    /// ```
    /// 20 files in 0.012 s (1,667 files/s)
    ///   index        new 1, changed 1, unchanged 17, removed 1 (2 files read); studies changed 2, removed 0
    ///   DICOM files   15 (DICOMDIR 0)
    ///   ...
    /// ```
    public var description: String {
        var lines = scan.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = "  index        new \(grouped(new)), changed \(grouped(changed))"
        if rechecked > 0 { index += ", rechecked \(grouped(rechecked))" }
        index += ", unchanged \(grouped(unchanged)), removed \(grouped(removed))"
        if missing > 0 { index += " (\(grouped(missing)) kept as missing)" }
        index += " (\(grouped(filesRead)) files read); studies changed \(grouped(studiesChanged)), removed \(grouped(studiesRemoved))"
        lines.insert(index, at: min(1, lines.count))
        return lines.joined(separator: "\n")
    }
}

extension ScanSummary {
    /// Counts a file that was not read again by what its last read found, as `count(_:)`
    /// counts a file read.
    mutating func count(unchanged outcome: KnownOutcome) {
        filesSeen += 1
        switch outcome {
        case .instance(let warning):
            dicomFiles += 1
            if let warning { warnings.append(warning) }
        case .dicomdir:
            dicomFiles += 1
            dicomdirs += 1
        case .skipped(let reason):
            skipped[reason, default: 0] += 1
        case .failed(let reason, let problem):
            failed[reason, default: 0] += 1
            errors.append(problem)
        }
    }

    /// Copies the grouping counts of the whole index.
    mutating func setCounts(from counts: IndexCounts) {
        studies = counts.studies
        series = counts.series
        instances = counts.instances
        duplicates = counts.duplicates
        ungroupable = counts.ungroupable
    }
}
