@testable import DICOMStudies
import Foundation
@testable import RecordExport
import XCTest

final class CSVTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("records-csv-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testFieldsAreQuotedOnlyWhenRFC4180NeedsIt() {
        XCTAssertEqual(CSVText.row(["plain", "a,b", #"say "hi""#, "two\r\nlines", "lf\nonly", " padded", "", "Süd 東京"]),
                       #"plain,"a,b","say ""hi""","two"# + "\r\n" + #"lines","lf"# + "\n" + #"only"," padded",,Süd 東京"# + "\r\n")
    }

    func testTextStartingLikeAFormulaGetsAQuote() {
        XCTAssertEqual(CSVText.cell(.string("=HYPERLINK(\"http://x\")")), "'=HYPERLINK(\"http://x\")")
        XCTAssertEqual(CSVText.cell(.string("+49 30 1234")), "'+49 30 1234")
        XCTAssertEqual(CSVText.cell(.string("-2+3")), "'-2+3")
        XCTAssertEqual(CSVText.cell(.string("@SUM(A1)")), "'@SUM(A1)")
        XCTAssertEqual(CSVText.cell(.string("\tcmd")), "'\tcmd")
        XCTAssertEqual(CSVText.cell(.string("\rcmd")), "'\rcmd")
        XCTAssertEqual(CSVText.cell(.string("＝1+1")), "'＝1+1", "fullwidth equals sign")
        XCTAssertEqual(CSVText.cell(.string("CT=1")), "CT=1", "only the first character counts")
        XCTAssertEqual(CSVText.cell(.string("'quoted")), "'quoted")
        XCTAssertEqual(CSVText.cell(.int(-3)), "-3", "numbers we write are not text")
        XCTAssertEqual(CSVText.cell(.null), "")
    }

    func testWritesStudiesAndSeriesFilesWithHeadersUnderFixedNames() throws {
        var study = Studies.ctWithReport
        study.description = "=cmd|' /C calc'!A0"
        study.series[0].description = "../../etc/passwd"
        study.series[1].number = -1
        let target = directory.appendingPathComponent("nested/out")
        let warnings = try RecordWriter().writeCSV([study], to: target.path)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted(), ["series.csv", "studies.csv"])
        let studies = try String(contentsOf: target.appendingPathComponent("studies.csv"), encoding: .utf8)
        XCTAssertEqual(studies, """
            pk,study_instance_uid,accession_number,study_date,study_time,study_description,modality,manufacturer,institution_name,number_of_series,number_of_instances\r
            1,1.2.840.99.1,A1001,2024-03-12,10:15:30.500000,'=cmd|' /C calc'!A0,CT\\SR,,"Klinik ""Nord"", Haus 2",2,3\r

            """)
        let series = try String(contentsOf: target.appendingPathComponent("series.csv"), encoding: .utf8)
        XCTAssertEqual(series, """
            pk,study,study_instance_uid,series_instance_uid,series_number,series_description,modality,body_part_examined,number_of_instances\r
            1,1,1.2.840.99.1,1.2.840.99.1.1,1,../../etc/passwd,CT,CHEST,2\r
            2,1,1.2.840.99.1,1.2.840.99.1.2,-1,Befund,SR,,1\r

            """)
    }

    func testHeadersAreTheRecordKeysAndDoNotDependOnValues() throws {
        let (studies, series, _) = try RecordWriter().csv([])
        XCTAssertEqual(studies, CSVText.row(RecordModel.study.columnNames))
        XCTAssertEqual(series, CSVText.row(RecordModel.series.columnNames))
        var builder = try RecordWriter().builder()
        let records = builder.add(Studies.ctWithReport)
        XCTAssertEqual(["pk"] + records.study.columns.map(\.name), RecordModel.study.columnNames)
        XCTAssertEqual(["pk"] + records.series[0].columns.map(\.name), RecordModel.series.columnNames)
    }

    func testRewritingReplacesFilesAndSymbolicLinksInTheirPlace() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let victim = directory.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("studies.csv").path,
                                                   withDestinationPath: victim.path)
        try Data("old".utf8).write(to: directory.appendingPathComponent("series.csv"))
        _ = try RecordWriter().writeCSV([Studies.ctWithReport], to: directory.path)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep me")
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("studies.csv").path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeRegular)
        XCTAssertTrue(try String(contentsOf: directory.appendingPathComponent("series.csv"), encoding: .utf8).hasPrefix("pk,study,"))
    }

    func testAnOutputDirectoryThatIsAFileIsAnError() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("file")
        try Data().write(to: file)
        XCTAssertThrowsError(try RecordWriter().writeCSV([], to: file.path)) { error in
            guard case .cannotWrite(let path, _)? = error as? RecordExportError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, file.path)
        }
    }
}
