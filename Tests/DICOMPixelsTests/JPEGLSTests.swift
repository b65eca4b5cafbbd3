import DICOMParser
import Foundation
import XCTest
@testable import DICOMPixels

/// JPEG-LS through CharLS, against the original pixels: DCMTK's `dcmcjpls` (its own JPEG-LS
/// encoder) compresses pydicom's native files losslessly (equal) and, the unsigned ones,
/// near-lossless with NEAR 2 and 5 (every sample within NEAR of the original), in each interleave mode, and in 1 KiB
/// fragments (a frame spread over several).
final class JPEGLSTests: XCTestCase {
    func testDCMTKEncodedFilesDecodeWithinNEAR() throws {
        guard let testFiles = BadPixelDataTests.pydicomTestFiles() else { throw XCTSkip("pydicom is not installed") }
        guard (try? Reference.run(["dcmcjpls", "--version"]))?.status == 0 else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("DCMTK is not installed (make deps)") }
            throw XCTSkip("DCMTK is not installed")
        }
        let directory = NSTemporaryDirectory() + "dicomidx-jpegls-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var variants: [(file: String, near: Int, options: [String])] = []
        // CT and MR are signed (dcmcjpls encodes signed data losslessly only); the overlay
        // example is 12 of 16 bits unsigned, the colour one 8-bit RGB.
        for file in ["CT_small.dcm", "MR_small.dcm", "examples_overlay.dcm", "examples_rgb_color.dcm"] {
            variants.append((file, 0, ["+el"]))
            variants.append((file, 0, ["+el", "+fs", "1"]))
        }
        for file in ["examples_overlay.dcm", "examples_rgb_color.dcm"] {
            for near in [2, 5] { variants.append((file, near, ["+en", "+md", "\(near)"])) }
        }
        for interleave in ["+is", "+in"] {
            variants.append(("examples_rgb_color.dcm", 0, ["+el", interleave]))
            variants.append(("examples_rgb_color.dcm", 3, ["+en", "+md", "3", interleave]))
        }
        var rows = [["file", "dcmcjpls options", "NEAR", "largest difference"]]
        for (number, variant) in variants.enumerated() {
            let encoded = "\(directory)/\(number).dcm"
            let encode = try Reference.run(["dcmcjpls"] + variant.options + ["\(testFiles)/\(variant.file)", encoded])
            XCTAssertEqual(encode.status, 0, encode.output)
            let original = try PixelDecoder(file: DICOMReader.read(path: "\(testFiles)/\(variant.file)")).frame(0)
            let decoder = try PixelDecoder(file: DICOMReader.read(path: encoded))
            XCTAssertEqual(decoder.transferSyntax.uid, variant.near == 0 ? "1.2.840.10008.1.2.4.80" : "1.2.840.10008.1.2.4.81")
            let result: String
            do {
                let frame = try decoder.frame(0)
                XCTAssertEqual(frame.samples.count, original.samples.count)
                let largest = zip(frame.samples, original.samples).map { abs($0 - $1) }.max() ?? -1
                XCTAssertLessThanOrEqual(largest, Int64(variant.near), "\(variant)")
                result = "\(largest)"
            } catch {
                result = "error: \(error)"
                XCTFail("\(variant): \(error)")
            }
            rows.append([variant.file, variant.options.joined(separator: " "), "\(variant.near)", result])
        }
        print(PydicomReferenceTests.table(rows))
    }
}
