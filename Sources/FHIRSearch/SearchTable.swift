import DICOMCore
import DICOMStudies

/// Studies as a text table for a terminal: one row per study, fixed columns, aligned by
/// display width (wide CJK characters count two), numbers right-aligned.
///
/// Columns: STARTED (study date and time as the files give them), PATIENT ID, NAME (family
/// name first), ACCESSION, MODALITY (distinct series modalities), DESCRIPTION, SERIES, INST,
/// STUDY UID. Empty cells show `-`. With a `width`, rows that would be wider have their
/// DESCRIPTION, NAME, MODALITY, ACCESSION and PATIENT ID cells cut (in that order, down to a
/// minimum each, with `…`); the date, counts and UID are never cut.
public struct SearchTable: Sendable {
    /// The terminal width in columns, or nil for no limit (output to a file or pipe).
    public var width: Int?

    /// A table limited to `width` columns, or unlimited.
    public init(width: Int? = nil) { self.width = width }

    private struct Column {
        let title: String
        let minimum: Int
        let rightAligned: Bool
    }

    private static let columns = [
        Column(title: "STARTED", minimum: .max, rightAligned: false),
        Column(title: "PATIENT ID", minimum: 10, rightAligned: false),
        Column(title: "NAME", minimum: 10, rightAligned: false),
        Column(title: "ACCESSION", minimum: 9, rightAligned: false),
        Column(title: "MODALITY", minimum: 8, rightAligned: false),
        Column(title: "DESCRIPTION", minimum: 11, rightAligned: false),
        Column(title: "SERIES", minimum: .max, rightAligned: true),
        Column(title: "INST", minimum: .max, rightAligned: true),
        Column(title: "STUDY UID", minimum: .max, rightAligned: false),
    ]
    /// Column indexes in the order they give up space.
    private static let shrinkOrder = [5, 2, 4, 3, 1]
    private static let gap = "  "

    /// The header line and one line per study, without newlines or trailing spaces.
    public func lines(_ studies: [StudyEntry]) -> [String] {
        let rows = [Self.columns.map(\.title)] + studies.map(Self.cells)
        var widths = Self.columns.indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        if let width {
            var excess = widths.reduce(0, +) + Self.gap.count * (widths.count - 1) - width
            for column in Self.shrinkOrder where excess > 0 {
                let spare = max(0, widths[column] - Self.columns[column].minimum)
                let cut = min(spare, excess)
                widths[column] -= cut
                excess -= cut
            }
        }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                let text = DisplayWidth.truncated(cell, to: widths[index])
                let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(text))
                if index > 0 { line += Self.gap }
                line += Self.columns[index].rightAligned ? padding + text : text + padding
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The table as text, each line ending in a newline.
    public func render(_ studies: [StudyEntry]) -> String {
        lines(studies).map { $0 + "\n" }.joined()
    }

    private static func cells(_ study: StudyEntry) -> [String] {
        let modalities = study.series.compactMap { $0.modality?.trimmingSpaces() }.filter { !$0.isEmpty }
        var distinct: [String] = []
        for modality in modalities where !distinct.contains(modality) { distinct.append(modality) }
        return [
            started(study),
            text(study.patient.id),
            text(name(study.patient.name)),
            text(study.accessionNumber),
            text(distinct.joined(separator: ",")),
            text(study.description),
            String(study.series.count),
            String(study.numberOfInstances),
            text(study.uid),
        ]
    }

    /// `2024-03-12 10:15`, `2024-03-12`, `2024-03` or `-`.
    private static func started(_ study: StudyEntry) -> String {
        guard let date = study.date.flatMap({ DICOMDate($0) }) else { return "-" }
        guard date.isComplete, let time = study.time.flatMap({ DICOMTime($0) }) else { return date.iso8601 }
        let two = { (number: Int) in number < 10 ? "0\(number)" : String(number) }
        return date.iso8601 + " " + two(time.hour) + ":" + two(time.minute ?? 0)
    }

    /// The first non-empty component group, family name first: `Müller, Jürgen`, `山田, 太郎`.
    private static func name(_ value: String?) -> String? {
        guard let value else { return nil }
        let name = PersonName(value)
        for representation in PersonName.Representation.allCases {
            let parts = name.humanName(representation)
            guard !parts.isEmpty else { continue }
            let given = (parts.given + parts.suffix).joined(separator: " ")
            switch (parts.family, given.isEmpty) {
            case let (family?, false): return family + ", " + given
            case let (family?, true): return family
            case (nil, _): return parts.text
            }
        }
        return nil
    }

    private static func text(_ value: String?) -> String {
        let cleaned = DisplayWidth.printable(value?.trimmingSpaces() ?? "")
        return cleaned.isEmpty ? "-" : cleaned
    }
}
