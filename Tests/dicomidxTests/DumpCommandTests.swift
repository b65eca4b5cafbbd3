import Foundation
import XCTest

/// `dicomidx dump` as a user runs it: output, exit status, messages.
final class DumpCommandTests: XCTestCase {
    private let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestData/archive").path

    private var mrFile: String { archive + "/PAT002_YAMADA/20240405_MR_KNEE/SE001_PD_TSE_FS_SAG/IM0001" }
    private var truncatedFile: String { archive + "/PAT001_MUELLER/20240115_DX_THORAX/SE002_THORAX_LAT/IM0002.dcm" }
    private var textFile: String { archive + "/PAT001_MUELLER/notes.dcm" }

    func testListingShowsKeywordsDecodedValuesAndExitsZero() throws {
        let result = try Dicomidx.run(["dump", "--header-only", mrFile])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("(0002,0010) UI     20  TransferSyntaxUID"), result.stdout)
        XCTAssertTrue(result.stdout.contains("PatientName                          Yamada^Tarou=山田^太郎=やまだ^たろう"))
        XCTAssertTrue(result.stdout.contains("# stopped before (7FE0,0010)"))
    }

    func testDamagedAndNonDICOMFilesExitOneButOthersAreStillPrinted() throws {
        let result = try Dicomidx.run(["dump", textFile, mrFile, truncatedFile])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("Yamada^Tarou"), "the good file is still listed")
        XCTAssertTrue(result.stderr.contains("notes.dcm: offset 0: not a DICOM file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("IM0002.dcm: offset 966, (0010,0010) PN: length 14 exceeds the 3 bytes left"),
                      result.stderr)
        XCTAssertTrue(result.stdout.contains("(0008,0060) CS      2  Modality"), "elements before the damage are listed")
    }

    func testJSONWritesOneParsableObjectPerFile() throws {
        let result = try Dicomidx.run(["dump", "--json", "--inline-binary", mrFile, mrFile])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let name = try XCTUnwrap(object["00100010"] as? [String: Any])
        XCTAssertEqual(name["vr"] as? String, "PN")
        let value = try XCTUnwrap((name["Value"] as? [[String: String]])?.first)
        XCTAssertEqual(value, ["Alphabetic": "Yamada^Tarou", "Ideographic": "山田^太郎", "Phonetic": "やまだ^たろう"])
        let pixels = try XCTUnwrap(object["7FE00010"] as? [String: Any])
        XCTAssertNotNil(pixels["InlineBinary"])
        XCTAssertNil(object["00020010"], "file meta is left out unless --meta")
    }

    func testJSONBulkDataURINamesTheFileOffsetAndLength() throws {
        let result = try Dicomidx.run(["dump", "--json", mrFile])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let uri = try XCTUnwrap((object["7FE00010"] as? [String: Any])?["BulkDataURI"] as? String)
        XCTAssertTrue(uri.hasPrefix("file:///"), uri)
        XCTAssertTrue(uri.contains("?offset=") && uri.hasSuffix("&length=2048"), uri)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try Dicomidx.run(["dump"]).status, 2)
        XCTAssertEqual(try Dicomidx.run(["dump", "--inline-binary", mrFile]).status, 2)
        XCTAssertEqual(try Dicomidx.run(["dump", "--no-such-flag", mrFile]).status, 2)
        XCTAssertEqual(try Dicomidx.run(["frobnicate"]).status, 2)
    }

    func testHelpExitsZero() throws {
        let result = try Dicomidx.run(["dump", "--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("--inline-binary"))
    }
}
