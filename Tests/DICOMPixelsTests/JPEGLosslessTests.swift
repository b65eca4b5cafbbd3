import DICOMParser
import Foundation
import XCTest
@testable import DICOMPixels

/// Our JPEG Lossless decoder against two other implementations:
/// - codestreams from `scripts/lossless_jpeg_streams.py` (every predictor, 2 to 16 bits, point
///   transforms, 3 and 4 components interleaved and not, restart intervals, DNL, the 16-bit
///   difference of 32768) decoded by pylibjpeg-libjpeg;
/// - files DCMTK's `dcmcjpeg` encodes from pydicom's native files with each selection value and
///   point transform, against the native files `dcmdjpeg` decodes them back into.
final class JPEGLosslessTests: XCTestCase {
    func testSyntheticStreamsEqualLibjpeg() throws {
        let directory = NSTemporaryDirectory() + "dicomidx-lossless-streams-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = Self.repository + "/scripts/lossless_jpeg_streams.py"
        let generated = try Reference.run(["python3", script, directory])
        if generated.status == 3 {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("numpy/pylibjpeg-libjpeg missing (make deps)") }
            throw XCTSkip("numpy/pylibjpeg-libjpeg are not installed")
        }
        XCTAssertEqual(generated.status, 0, generated.output)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jpg") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 28)
        var rows = [["stream", "shape", "reference", "result"]]
        for name in names {
            let base = directory + "/" + name.dropLast(4)
            let info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json"))) as? [String: Any]
            let shape = info?["shape"] as? [Int] ?? []
            let expected = try Self.int64s(base + ".bin")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
            let result: String
            do {
                let image = try JPEGLosslessDecoder.decode(bytes)
                let decoded = Self.interleaved(image)
                if [image.height, image.width, image.planes.count] != shape {
                    result = "shape \([image.height, image.width, image.planes.count])"
                } else {
                    result = decoded == expected ? "equal" : "differs"
                }
            } catch {
                result = "error: \(error)"
            }
            rows.append([String(name.dropLast(4)), "\(shape)", info?["reference"] as? String ?? "?", result])
            XCTAssertEqual(result, "equal", name)
        }
        print(PydicomReferenceTests.table(rows))
    }

    func testDCMTKEncodedFilesEqualDCMTKDecoded() throws {
        guard let testFiles = BadPixelDataTests.pydicomTestFiles() else { throw XCTSkip("pydicom is not installed") }
        guard (try? Reference.run(["dcmcjpeg", "--version"]))?.status == 0 else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("DCMTK is not installed (make deps)") }
            throw XCTSkip("DCMTK is not installed")
        }
        let directory = NSTemporaryDirectory() + "dicomidx-dcmtk-lossless-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var variants: [(file: String, sv: Int, pt: Int)] = []
        for file in ["CT_small.dcm", "MR_small.dcm"] {
            for sv in 1...7 { for pt in [0, 2] { variants.append((file, sv, pt)) } }
        }
        for sv in 1...7 { variants.append(("examples_rgb_color.dcm", sv, 0)) }
        var rows = [["file", "selection value", "point transform", "result"]]
        for variant in variants {
            let encoded = "\(directory)/\(variant.file).sv\(variant.sv).pt\(variant.pt).dcm"
            let decoded = encoded + ".native.dcm"
            let encode = try Reference.run(["dcmcjpeg", "+el", "+sv", "\(variant.sv)", "+pt", "\(variant.pt)",
                                            "\(testFiles)/\(variant.file)", encoded])
            XCTAssertEqual(encode.status, 0, encode.output)
            let back = try Reference.run(["dcmdjpeg", encoded, decoded])
            XCTAssertEqual(back.status, 0, back.output)
            let ours = try PixelDecoder(file: DICOMReader.read(path: encoded))
            XCTAssertEqual(ours.transferSyntax.uid, "1.2.840.10008.1.2.4.57")  // dcmcjpeg +el writes process 14 for SV1 too
            let result: String
            do {
                let frame = try ours.frame(0)
                let native = try PixelDecoder(file: DICOMReader.read(path: decoded)).frame(0)
                result = frame.samples == native.samples && frame.rows == native.rows ? "equal" : "differs"
            } catch {
                result = "error: \(error)"
            }
            rows.append([variant.file, "\(variant.sv)", "\(variant.pt)", result])
            XCTAssertEqual(result, "equal", "\(variant)")
        }
        print(PydicomReferenceTests.table(rows))
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func interleaved(_ image: JPEGImage) -> [Int64] {
        let pixels = image.width * image.height, count = image.planes.count
        var samples = [Int64](repeating: 0, count: pixels * count)
        for (c, plane) in image.planes.enumerated() {
            for pixel in 0..<pixels { samples[pixel * count + c] = Int64(plane[pixel]) }
        }
        return samples
    }

    static func int64s(_ path: String) throws -> [Int64] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var samples = [Int64](repeating: 0, count: data.count / 8)
        _ = samples.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        return samples.map { Int64(littleEndian: $0) }
    }
}
