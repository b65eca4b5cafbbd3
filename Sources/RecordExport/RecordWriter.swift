import DICOMStudies
import Foundation

/// Why records could not be written.
public enum RecordExportError: Error, Equatable, CustomStringConvertible {
    /// The Django app label is not a Python identifier (`[A-Za-z_][A-Za-z0-9_]*`).
    case invalidDjangoApp(String)
    /// A CSV file or its directory could not be written.
    case cannotWrite(path: String, reason: String)

    /// E.g. `out/studies.csv: cannot write: Permission denied`.
    public var description: String {
        switch self {
        case .invalidDjangoApp(let label): return "invalid Django app label \"\(label)\": use letters, digits and _, not starting with a digit"
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        }
    }
}

/// Writes studies as `DICOMStudy`/`DICOMSeries` records: JSON Lines, a Django fixture, or two
/// CSV files. Every format holds the same rows in the same order, each study followed by its
/// series, with the same pks; every format returns the same warnings.
///
/// For streaming, use `builder()` and write each study's `StudyRecords` as it comes.
public struct RecordWriter: Sendable {
    /// The app label used when none is given.
    public static let defaultDjangoApp = "imaging"
    /// The CSV file of the studies.
    public static let studiesFileName = "studies.csv"
    /// The CSV file of the series.
    public static let seriesFileName = "series.csv"

    /// The Django app label of the fixture's `model` values (`imaging.dicomstudy`).
    public let djangoApp: String
    /// How the fixture fills `imaging_study`.
    public let imagingStudy: ImagingStudyLink

    /// A writer; throws when `djangoApp` is not a valid app label.
    public init(djangoApp: String = defaultDjangoApp, imagingStudy: ImagingStudyLink = .samePK) throws {
        let bytes = Array(djangoApp.utf8)
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F }
        guard let first = bytes.first, isLetter(first),
              bytes.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) }) else {
            throw RecordExportError.invalidDjangoApp(djangoApp)
        }
        self.djangoApp = djangoApp
        self.imagingStudy = imagingStudy
    }

    /// A builder that numbers rows from 1, for writing one study at a time.
    public func builder() -> RecordBuilder { RecordBuilder(imagingStudy: imagingStudy) }

    /// The JSON Lines records (without line ends): each study, then its series.
    public func records(_ studies: some StudySequence) -> (lines: [String], warnings: [RecordWarning]) {
        var lines: [String] = []
        let warnings = forEachStudy(studies) { lines += $0.all.map { $0.jsonLine() } }
        return (lines, warnings)
    }

    /// The Django fixture: a JSON array with one object a line, each study followed by its
    /// series; the rows `RecordWarning`s leave out are not in it. Ends with a line end.
    public func fixture(_ studies: some StudySequence) -> (text: String, warnings: [RecordWarning]) {
        var objects: [String] = []
        let warnings = forEachStudy(studies) { records in
            objects += records.all.compactMap { $0.fixtureObject(djangoApp: djangoApp) }
        }
        return (objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n", warnings)
    }

    /// The texts of `studies.csv` and `series.csv`: a header, then one row per record.
    public func csv(_ studies: some StudySequence) -> (studies: String, series: String, warnings: [RecordWarning]) {
        var studyText = CSVText.row(RecordModel.study.columnNames)
        var seriesText = CSVText.row(RecordModel.series.columnNames)
        let warnings = forEachStudy(studies) { records in
            studyText += Self.csvRow(records.study)
            for series in records.series { seriesText += Self.csvRow(series) }
        }
        return (studyText, seriesText, warnings)
    }

    /// Writes `studies.csv` and `series.csv` (UTF-8, no byte order mark) into `directory`,
    /// creating it when needed and replacing the two files if they exist. Each file is
    /// written to a temporary file first and renamed, so a reader never sees half a file and
    /// a symbolic link in the file's place is replaced, not followed.
    public func writeCSV(_ studies: some StudySequence, to directory: String) throws -> [RecordWarning] {
        let (studyText, seriesText, warnings) = csv(studies)
        try writeCSV(studies: studyText, series: seriesText, to: directory)
        return warnings
    }

    /// Writes the texts `csv(_:)` made as `studies.csv` and `series.csv` into `directory`, as
    /// `writeCSV(_:to:)` does.
    public func writeCSV(studies studyText: String, series seriesText: String, to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RecordExportError.cannotWrite(path: directory, reason: Self.reason(error))
        }
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        for (name, text) in [(Self.studiesFileName, studyText), (Self.seriesFileName, seriesText)] {
            let url = base.appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw RecordExportError.cannotWrite(path: url.path, reason: Self.reason(error))
            }
        }
    }

    private func forEachStudy(_ studies: some StudySequence, _ body: (StudyRecords) -> Void) -> [RecordWarning] {
        var builder = builder()
        var warnings: [RecordWarning] = []
        studies.forEachStudy { study, instances in
            let records = builder.add(study, instanceCounts: instances.map(\.count))
            warnings += records.warnings
            body(records)
        }
        return warnings
    }

    private static func csvRow(_ record: Record) -> String {
        CSVText.row([String(record.pk)] + record.columns.map { CSVText.cell($0.value) })
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
