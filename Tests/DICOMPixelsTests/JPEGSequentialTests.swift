import DICOMParser
import Foundation
import XCTest
@testable import DICOMPixels

/// Our 12-bit sequential DCT decoder against DCMTK's (its IJG library built for 12 bits):
/// files `dcmcjpeg +ee` encodes at 12 bits from pydicom's native files (grayscale, RGB and
/// YCbCr 4:4:4; quality 90 and 50), and pydicom's own 12-bit files, decoded by us and by
/// `dcmdjpeg +cn` (no colour conversion). Lossy: every sample within `maxDifference`, mean
/// within `maxMean` (the IDCTs round differently: IJG's is integer, ours double precision).
/// Its restart and sampling-factor paths (the same code at 8 and 12 bits) are checked on
/// 8-bit streams Pillow writes (`scripts/dct_jpeg_streams.py`) against pylibjpeg-libjpeg.
final class JPEGSequentialTests: XCTestCase {
    static let maxDifference: Int64 = 2
    static let maxMean = 0.1

    func testRestartsAndSubsamplingMatchLibjpeg() throws {
        let directory = NSTemporaryDirectory() + "dicomidx-dct-streams-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = try Reference.run(["python3", JPEGLosslessTests.repository + "/scripts/dct_jpeg_streams.py", directory])
        if generated.status == 3 {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("numpy/Pillow/pylibjpeg-libjpeg missing (make deps)") }
            throw XCTSkip("numpy/Pillow/pylibjpeg-libjpeg are not installed")
        }
        XCTAssertEqual(generated.status, 0, generated.output)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jpg") }.sorted()
        XCTAssertEqual(names.count, 5)
        var rows = [["stream", "shape", "largest difference", "mean"]]
        for name in names {
            let base = directory + "/" + name.dropLast(4)
            let expected = try JPEGLosslessTests.int64s(base + ".bin")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
            do {
                let image = try JPEGSequentialDecoder.decode(bytes)
                let samples = JPEGLosslessTests.interleaved(image)
                XCTAssertEqual(samples.count, expected.count, name)
                let differences = zip(samples, expected).map { abs($0 - $1) }
                let largest = differences.max() ?? 0
                let mean = Double(differences.reduce(0, +)) / Double(max(1, differences.count))
                rows.append([String(name.dropLast(4)), "\(image.height)x\(image.width)x\(image.planes.count)", "\(largest)",
                             String(format: "%.4f", mean)])
                // Subsampled chroma: libjpeg interpolates, we repeat (on gradients of 1-3 a sample).
                let subsampled = name.hasPrefix("ycc_42")
                XCTAssertLessThanOrEqual(largest, subsampled ? 6 : Self.maxDifference, name)
                XCTAssertLessThanOrEqual(mean, subsampled ? 1.0 : Self.maxMean, name)
                let luma = stride(from: 0, to: differences.count, by: image.planes.count).map { differences[$0] }
                XCTAssertLessThanOrEqual(luma.max() ?? 0, Self.maxDifference, "\(name): luma")
            } catch {
                XCTFail("\(name): \(error)")
            }
        }
        print(PydicomReferenceTests.table(rows))
    }

    func testDCMTKEncoded12BitFilesMatchDCMTKDecoded() throws {
        guard let testFiles = BadPixelDataTests.pydicomTestFiles() else { throw XCTSkip("pydicom is not installed") }
        guard (try? Reference.run(["dcmcjpeg", "--version"]))?.status == 0 else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("DCMTK is not installed (make deps)") }
            throw XCTSkip("DCMTK is not installed")
        }
        let directory = NSTemporaryDirectory() + "dicomidx-jpeg12-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let variants: [(file: String, options: [String]?)] = [
            ("JPGExtended.dcm", nil), ("JPEG-lossy.dcm", nil),  // already 12-bit JPEG (JPEG-lossy's scan says Se 0)
            ("examples_overlay.dcm", ["+ee", "+q", "90"]), ("examples_overlay.dcm", ["+ee", "+q", "50"]),
            ("CT_small.dcm", ["+ee", "+bt"]), ("MR_small.dcm", ["+ee", "+bt", "+q", "75"]),
            ("examples_rgb_color.dcm", ["+ee", "+bt", "+cr"]), ("examples_rgb_color.dcm", ["+ee", "+bt", "+s4"]),
        ]
        var rows = [["file", "dcmcjpeg options", "samples", "largest difference", "mean"]]
        for (number, variant) in variants.enumerated() {
            var encoded = "\(testFiles)/\(variant.file)"
            if let options = variant.options {
                encoded = "\(directory)/\(number).dcm"
                let encode = try Reference.run(["dcmcjpeg"] + options + ["\(testFiles)/\(variant.file)", encoded])
                XCTAssertEqual(encode.status, 0, encode.output)
            }
            let decoded = "\(directory)/\(number).native.dcm"
            let back = try Reference.run(["dcmdjpeg", "+cn", encoded, decoded])
            XCTAssertEqual(back.status, 0, back.output)
            let ours = try PixelDecoder(file: DICOMReader.read(path: encoded))
            XCTAssertEqual(ours.transferSyntax.uid, "1.2.840.10008.1.2.4.51")
            do {
                let frame = try ours.frame(0)
                let native = try PixelDecoder(file: DICOMReader.read(path: decoded)).frame(0)
                XCTAssertEqual(frame.samples.count, native.samples.count)
                let differences = zip(frame.samples, native.samples).map { abs($0 - $1) }
                let largest = differences.max() ?? 0
                let mean = Double(differences.reduce(0, +)) / Double(max(1, differences.count))
                XCTAssertLessThanOrEqual(largest, Self.maxDifference, "\(variant)")
                XCTAssertLessThanOrEqual(mean, Self.maxMean, "\(variant)")
                rows.append([variant.file, variant.options?.joined(separator: " ") ?? "(as is)", "\(frame.samples.count)",
                             "\(largest)", String(format: "%.4f", mean)])
            } catch {
                XCTFail("\(variant): \(error)")
                rows.append([variant.file, variant.options?.joined(separator: " ") ?? "(as is)", "error: \(error)", "", ""])
            }
        }
        print(PydicomReferenceTests.table(rows))
    }
}
