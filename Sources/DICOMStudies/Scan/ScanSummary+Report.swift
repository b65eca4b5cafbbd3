import JSONWriting

extension ScanSummary: CustomStringConvertible {
    /// The summary as one line of JSON (no trailing newline), for `--summary-json`.
    ///
    /// The keys of the issue come first: `files_seen`, `dicom_files`, `skipped`, `failed`
    /// (totals), `studies`, `series`, `instances`, `duplicates`, `seconds`, and `errors`, a
    /// list of `{path, offset, message}` (offset null when the problem is not at a place in a
    /// file's bytes). Then: `files_per_second`, `dicomdir`, `excluded`, `ungroupable`,
    /// `skipped_by_reason` and `failed_by_reason` (keys: `SkipReason`/`FailureReason` raw
    /// values, only reasons that occurred, in declaration order), and `warnings` (like `errors`).
    public func summaryJSON() -> String {
        JSONValue.object(summaryFields).serialized()
    }

    /// The keys and values of `summaryJSON()`, in order, for a summary that adds keys of its own.
    public var summaryFields: [(String, JSONValue)] {
        [
            ("files_seen", .int(filesSeen)),
            ("dicom_files", .int(dicomFiles)),
            ("skipped", .int(skippedCount)),
            ("failed", .int(failedCount)),
            ("studies", .int(studies)),
            ("series", .int(series)),
            ("instances", .int(instances)),
            ("duplicates", .int(duplicates)),
            ("seconds", .double((seconds * 1000).rounded() / 1000)),
            ("errors", .array(errors.map(Self.json))),
            ("files_per_second", .int(Int(filesPerSecond.rounded()))),
            ("dicomdir", .int(dicomdirs)),
            ("excluded", .int(excluded)),
            ("ungroupable", .int(ungroupable)),
            ("skipped_by_reason", .object(SkipReason.allCases.compactMap { reason in
                skipped[reason].map { (reason.rawValue, .int($0)) }
            })),
            ("failed_by_reason", .object(FailureReason.allCases.compactMap { reason in
                failed[reason].map { (reason.rawValue, .int($0)) }
            })),
            ("warnings", .array(warnings.map(Self.json))),
        ]
    }

    private static func json(_ problem: ScanProblem) -> JSONValue {
        .object([
            ("path", .string(problem.path)),
            ("offset", problem.offset.map(JSONValue.int) ?? .null),
            ("message", .string(problem.message)),
        ])
    }

    /// Errors and warnings listed one by one in `description`; the rest are counted.
    public static let listedProblems = 20

    /// The summary for stderr, several lines ending with a newline:
    ///
    /// ```
    /// 20 files in 0.012 s (1,667 files/s)
    ///   DICOM files   15 (DICOMDIR 0)
    ///   studies 4, series 10, instances 15, duplicates 0, ungroupable 0
    ///   skipped        3 (not DICOM 2, empty 1)
    ///   failed         2 (damaged 2)
    ///     .../IM0004: offset 462: (0008,0020) DA: length 4294967290 exceeds the 3532 bytes left
    /// ```
    public var description: String {
        var text = "\(grouped(filesSeen)) files in \(formatSeconds(seconds)) s (\(grouped(Int(filesPerSecond.rounded()))) files/s)\n"
        text += "  DICOM files  \(grouped(dicomFiles)) (DICOMDIR \(grouped(dicomdirs)))\n"
        text += "  studies \(grouped(studies)), series \(grouped(series)), instances \(grouped(instances))"
        text += ", duplicates \(grouped(duplicates)), ungroupable \(grouped(ungroupable))\n"
        text += "  skipped      \(grouped(skippedCount))"
        text += Self.breakdown(SkipReason.allCases.compactMap { reason in skipped[reason].map { (reason.words, $0) } })
        text += "  failed       \(grouped(failedCount))"
        text += Self.breakdown(FailureReason.allCases.compactMap { reason in failed[reason].map { (reason.words, $0) } })
        text += Self.list(errors)
        if excluded > 0 { text += "  excluded     \(grouped(excluded))\n" }
        if !warnings.isEmpty {
            text += "  warnings     \(grouped(warnings.count))\n"
            text += Self.list(warnings)
        }
        return text
    }

    private static func breakdown(_ parts: [(String, Int)]) -> String {
        parts.isEmpty ? "\n" : " (" + parts.map { "\($0.0) \(grouped($0.1))" }.joined(separator: ", ") + ")\n"
    }

    private static func list(_ problems: [ScanProblem]) -> String {
        var text = problems.prefix(listedProblems).map { "    \($0)\n" }.joined()
        if problems.count > listedProblems { text += "    ... and \(grouped(problems.count - listedProblems)) more\n" }
        return text
    }

    private func formatSeconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

/// `n` with a comma between groups of three digits: 12,345.
public func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var text = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
        text.append(digit)
    }
    return n < 0 ? "-" + text : text
}
