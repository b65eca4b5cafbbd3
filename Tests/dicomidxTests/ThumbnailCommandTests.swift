import Foundation
import XCTest
@testable import DICOMPixels

/// `dicomidx thumbnail FILE -o OUT`: JPEG or PNG by extension, --size and --frame, exit statuses.
final class ThumbnailCommandTests: XCTestCase {
    private static let ct = Dicomidx.archive + "/PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0001"
    private static let cine = Dicomidx.archive + "/PAT003_DOE/20240520_US_ABDOMEN/SE002_LEBER_CINE/IM0001.dcm"

    func testJPEGOutputDecodesWithTheFileSize() throws {
        let scratch = try TemporaryDirectory()
        let run = try Dicomidx.run(["thumbnail", Self.ct, "-o", scratch.path + "/ct.jpg"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/ct.jpg")))
        let image = try JPEGCodec.decode(bytes, assumeRGB: false)
        XCTAssertEqual([image.width, image.height, image.components], [32, 32, 1], "32x32 gray, not enlarged")
        XCTAssertGreaterThan(Set(image.pixels).count, 8, "the phantom is not flat")
    }

    func testPNGOutputHasItsHeaderAndSizeFitsTheLongerSide() throws {
        let scratch = try TemporaryDirectory()
        let run = try Dicomidx.run(["thumbnail", Self.cine, "-o", scratch.path + "/f3.PNG", "--size", "16", "--frame", "3"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/f3.PNG")))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png[12..<16]), Array("IHDR".utf8))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(max(width, height), 16)
    }

    func testExitStatuses() throws {
        let scratch = try TemporaryDirectory()
        let sr = Dicomidx.archive + "/PAT001_MUELLER/20240312_CT_THORAX/SE004_BEFUND/IM0001.dcm"
        let noPixels = try Dicomidx.run(["thumbnail", sr, "-o", scratch.path + "/sr.jpg"])
        XCTAssertEqual(noPixels.status, 1)
        XCTAssertTrue(noPixels.stderr.contains("no Pixel Data (7FE0,0010)"), noPixels.stderr)
        XCTAssertEqual(try Dicomidx.run(["thumbnail", Self.cine, "-o", scratch.path + "/x.jpg", "--frame", "9"]).status, 1)
        XCTAssertEqual(try Dicomidx.run(["thumbnail", Self.ct, "-o", scratch.path + "/x.jpg", "--frame", "0"]).status, 2)
        XCTAssertEqual(try Dicomidx.run(["thumbnail", Self.ct, "-o", scratch.path + "/none/x.jpg"]).status, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/sr.jpg"))
    }
}
