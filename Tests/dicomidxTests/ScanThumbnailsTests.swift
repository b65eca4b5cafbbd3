import Foundation
import XCTest

/// `scan --thumbnails DIR`: one JPEG per series with pixel data, named by a hash of the UID.
final class ScanThumbnailsTests: XCTestCase {
    private static let testData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestData/archive").path

    func testOneJPEGPerImageSeriesNamedByTheSeriesUIDHash() throws {
        let directory = try TemporaryDirectory()
        let thumbnails = directory.path + "/thumbs"
        let run = try Dicomidx.run(["scan", Self.testData, "--format", "ndjson", "--thumbnails", thumbnails, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)  // the two damaged files of TestData
        XCTAssertFalse(run.stderr.contains("thumbnail"), run.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: thumbnails).sorted()
        // 10 series, one of them a Structured Report without pixel data.
        XCTAssertEqual(names.count, 9)
        for name in names {
            XCTAssertNotNil(name.range(of: #"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.jpg$"#,
                                       options: .regularExpression), name)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: thumbnails + "/" + name)))
            XCTAssertEqual(Array(bytes.prefix(3)), [0xFF, 0xD8, 0xFF], "\(name) is a JPEG")
        }
    }
}
