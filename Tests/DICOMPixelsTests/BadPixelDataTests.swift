import DICOMParser
import Foundation
import XCTest
@testable import DICOMPixels

/// Damaged pixel data gives a PixelError naming the cause, never a crash: each decoder.
final class BadPixelDataTests: XCTestCase {
    private static let description = try! PixelDescription(dataSet: DICOMReader.read(bytes: minimalImage(rows: 2, columns: 2)).dataSet)

    /// A tiny implicit VR little endian data set: Rows, Columns, Bits Allocated 8.
    static func minimalImage(rows: Int, columns: Int) -> [UInt8] {
        func element(_ group: UInt16, _ number: UInt16, _ value: [UInt8]) -> [UInt8] {
            let length = UInt32(value.count)
            return [UInt8(group & 0xFF), UInt8(group >> 8), UInt8(number & 0xFF), UInt8(number >> 8),
                    UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)] + value
        }
        func us(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
        return element(0x0028, 0x0002, us(1))          // Samples per Pixel 1
            + element(0x0028, 0x0010, us(rows))        // Rows
            + element(0x0028, 0x0011, us(columns))     // Columns
            + element(0x0028, 0x0100, us(8))           // Bits Allocated 8
            + element(0x0028, 0x0101, us(8))           // Bits Stored 8
            + element(0x0028, 0x0103, us(0))           // Pixel Representation unsigned
            + element(0x7FE0, 0x0010, [1, 2, 3])       // Pixel Data: 3 bytes, 4 needed
    }

    func testNativePixelDataShorterThanAFrameIsTruncated() throws {
        let file = try DICOMReader.read(bytes: Self.minimalImage(rows: 2, columns: 2))
        XCTAssertThrowsError(try PixelDecoder(file: file).frame(0)) { error in
            XCTAssertEqual(error as? PixelError, .truncated(expected: 4, actual: 3, context: "native frame 1"))
        }
    }

    func testFrameBeyondNumberOfFramesIsOutOfRange() throws {
        let file = try DICOMReader.read(bytes: Self.minimalImage(rows: 1, columns: 3))
        XCTAssertEqual(try PixelDecoder(file: file).frame(0).samples, [1, 2, 3])
        XCTAssertThrowsError(try PixelDecoder(file: file).frame(1)) { error in
            XCTAssertEqual(error as? PixelError, .frameOutOfRange(index: 1, count: 1))
        }
    }

    func testRLEShortHeaderWrongSegmentCountBadOffsetsAndShortSegmentsAreErrors() {
        func rle(_ bytes: [UInt8]) -> PixelError? {
            do { _ = try RLEDecoder.decode(bytes, description: Self.description); return nil } catch { return error as? PixelError }
        }
        var header = [UInt8](repeating: 0, count: 64)
        XCTAssertEqual(rle([1, 0, 0]), .corruptCodestream(codec: "RLE Lossless", reason: "header needs 64 bytes, frame holds 3"))
        header[0] = 2
        XCTAssertEqual(rle(header), .corruptCodestream(
            codec: "RLE Lossless", reason: "header names 2 segments, 1 expected for 1 samples of 8 bits"))
        header[0] = 1
        header[4] = 200   // segment offset past the end
        XCTAssertEqual(rle(header), .corruptCodestream(
            codec: "RLE Lossless", reason: "segment 1 offsets 200..<64 lie outside the 64 bytes"))
        header[4] = 64
        XCTAssertEqual(rle(header + [0x01, 7, 8]), .corruptCodestream(
            codec: "RLE Lossless", reason: "segment 1 decodes to 2 bytes, 4 expected"))
        XCTAssertNil(rle(header + [0xFD, 9]), "a run of 4 decodes")
    }

    func testGarbageAndTruncatedJPEGAreLibjpegErrors() throws {
        XCTAssertThrowsError(try JPEGCodec.decode([0x12, 0x34, 0x56, 0x78], assumeRGB: false)) { error in
            guard case .corruptCodestream(let codec, let reason)? = error as? PixelError else { return XCTFail("\(error)") }
            XCTAssertEqual(codec, "libjpeg")
            XCTAssertTrue(reason.contains("Not a JPEG file"), reason)
        }
        XCTAssertThrowsError(try JPEGCodec.decode([], assumeRGB: false))
        // The start of a real JPEG, cut inside its header.
        let image = DisplayImage(width: 8, height: 8, channels: 1, pixels: [UInt8](repeating: 100, count: 64))
        let jpeg = try image.jpegData()
        XCTAssertThrowsError(try JPEGCodec.decode(Array(jpeg.prefix(40)), assumeRGB: false))
        XCTAssertEqual(try JPEGCodec.decode(jpeg, assumeRGB: false).pixels, [UInt8](repeating: 100, count: 64))
    }

    /// A codestream whose header claims more samples than the data set is refused before
    /// libjpeg or openjp2 allocates for it (a lying SOF or SIZ cannot cost gigabytes).
    func testCodestreamsLargerThanTheDataSetAreRefusedBeforeDecoding() throws {
        let image = DisplayImage(width: 8, height: 8, channels: 1, pixels: [UInt8](repeating: 100, count: 64))
        XCTAssertThrowsError(try JPEGCodec.decode(try image.jpegData(), assumeRGB: false, maxSamples: 63)) { error in
            XCTAssertEqual(error as? PixelError, .corruptCodestream(
                codec: "libjpeg", reason: "JPEG image 8x8 with 1 components is larger than the data set says (63 samples)"))
        }
        guard let directory = Self.pydicomTestFiles() else { throw XCTSkip("pydicom is not installed") }
        let file = try DICOMReader.read(path: directory + "/MR_small_jp2klossless.dcm")
        let frame = try EncapsulatedFrames.frameBytes(0, element: file.dataSet.element(.pixelData)!, dataSet: file.dataSet,
                                                      frameCount: 1, startsFrame: nil)
        XCTAssertEqual(try JPEG2000Codec.decode(frame, maxSamples: 4096).planes.count, 4096)
        XCTAssertThrowsError(try JPEG2000Codec.decode(frame, maxSamples: 4095)) { error in
            XCTAssertEqual(error as? PixelError, .corruptCodestream(
                codec: "openjp2", reason: "JPEG 2000 image 64x64 with 1 components is larger than the data set says (4095 samples)"))
        }
    }

    func testGarbageAndTruncatedJPEG2000AreOpenjp2Errors() {
        XCTAssertThrowsError(try JPEG2000Codec.decode([UInt8](repeating: 0xAB, count: 100))) { error in
            guard case .corruptCodestream(let codec, _)? = error as? PixelError else { return XCTFail("\(error)") }
            XCTAssertEqual(codec, "openjp2")
        }
        XCTAssertThrowsError(try JPEG2000Codec.decode([0xFF, 0x4F]))
        // A codestream start (SOC, SIZ) cut short.
        XCTAssertThrowsError(try JPEG2000Codec.decode([0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x29, 0, 0, 0, 0, 0, 0x40, 0, 0]))
    }

    func testTruncatedCompressedFilesOfPydicomGiveErrors() throws {
        guard let directory = Self.pydicomTestFiles() else { throw XCTSkip("pydicom is not installed") }
        for name in ["MR_small_RLE.dcm", "SC_rgb_jpeg_dcmtk.dcm", "MR_small_jp2klossless.dcm", "SC_rgb_rle_2frame.dcm",
                     "SC_rgb_jpeg_gdcm.dcm", "MR_small_jpeg_ls_lossless.dcm", "JPEGLSNearLossless_16.dcm", "JPGExtended.dcm"] {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
            for keep in [bytes.count - 2000, bytes.count - 100, bytes.count / 2] where keep > 0 {
                guard let file = try? DICOMReader.read(bytes: Array(bytes.prefix(keep))) else { continue }
                let decoder: PixelDecoder
                do { decoder = try PixelDecoder(file: file) } catch { XCTAssert(error is PixelError); continue }
                for index in 0..<decoder.frameCount {
                    do { _ = try decoder.frame(index) } catch { XCTAssert(error is PixelError, "\(name): \(error)") }
                }
            }
        }
    }

    static func pydicomTestFiles() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import pydicom,os;print(os.path.dirname(pydicom.__file__))"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) + "/data/test_files"
    }
}
