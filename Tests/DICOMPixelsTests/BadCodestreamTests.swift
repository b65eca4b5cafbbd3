import DICOMParser
import Foundation
import XCTest
@testable import DICOMPixels

/// Malformed codestreams for our JPEG decoders (lossless and 12-bit sequential) and the CharLS
/// wrapper: each malformed case gives its own `JPEGStreamError` (or a `PixelError`), and
/// truncated or mutated real frames never give anything but a result or an error.
final class BadCodestreamTests: XCTestCase {
    /// A lossless stream of a flat 8-bit image: one Huffman code ("0") for difference 0, so
    /// the entropy data is `rows * columns` zero bits.
    static func flatLossless(rows: Int = 4, columns: Int = 4, precision: Int = 8, predictor: Int = 1,
                             sof: UInt8 = 0xC3, huffman: [UInt8]? = nil, entropy: [UInt8]? = nil,
                             restartInterval: Int? = nil, scanBeforeFrame: Bool = false, sampling: UInt8 = 0x11) -> [UInt8] {
        func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
            [0xFF, marker, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
        }
        let dht = segment(0xC4, huffman ?? ([0x00, 1] + [UInt8](repeating: 0, count: 15) + [0]))  // class 0, id 0: length 1 -> value 0
        let sofSegment = segment(sof, [UInt8(precision), UInt8(rows >> 8), UInt8(rows & 0xFF),
                                       UInt8(columns >> 8), UInt8(columns & 0xFF), 1, 1, sampling, 0])
        let sos = segment(0xDA, [1, 1, 0x00, UInt8(predictor), 0, 0])
        let dri = restartInterval.map { segment(0xDD, [UInt8($0 >> 8), UInt8($0 & 0xFF)]) } ?? []
        let data = entropy ?? [UInt8](repeating: 0, count: (rows * columns + 7) / 8)
        let header = scanBeforeFrame ? dht + dri + sos + sofSegment : dht + sofSegment + dri + sos
        return [0xFF, 0xD8] + header + data + [0xFF, 0xD9]
    }

    private func losslessError(_ bytes: [UInt8], maxSamples: Int = 1 << 28) -> JPEGStreamError? {
        do { _ = try JPEGLosslessDecoder.decode(bytes, maxSamples: maxSamples); return nil } catch {
            guard let error = error as? JPEGStreamError else { XCTFail("not a JPEGStreamError: \(error)"); return nil }
            return error
        }
    }

    func testFlatStreamDecodesToTheInitialPrediction() throws {
        let image = try JPEGLosslessDecoder.decode(Self.flatLossless())
        XCTAssertEqual(image.planes, [[Int32](repeating: 128, count: 16)])
        // A single component's sampling factors do not matter: its scans are non-interleaved.
        XCTAssertEqual(try JPEGLosslessDecoder.decode(Self.flatLossless(sampling: 0x22)).planes, image.planes)
    }

    func testEachMalformedLosslessCaseHasItsError() {
        XCTAssertEqual(losslessError([]), .noStartOfImage)
        XCTAssertEqual(losslessError([0x12, 0x34, 0x56]), .noStartOfImage)
        XCTAssertEqual(losslessError([0xFF, 0xD8, 0xFF, 0xC4, 0x00]), .badSegmentLength(marker: 0xC4, offset: 2, length: 1))
        XCTAssertEqual(losslessError([0xFF, 0xD8, 0xFF, 0xC4, 0x40, 0x00]), .badSegmentLength(marker: 0xC4, offset: 2, length: 0x4000))
        XCTAssertEqual(losslessError([0xFF, 0xD8, 0xFF, 0xD9]), .missingSegment("frame header (SOF)"))
        XCTAssertEqual(losslessError(Self.flatLossless(scanBeforeFrame: true)), .unexpectedMarker(marker: 0xDA, offset: 24))
        XCTAssertEqual(losslessError(Self.flatLossless(rows: 0)), .invalidHeader("the frame has 0 lines and no DNL segment defines them"))
        XCTAssertEqual(losslessError(Self.flatLossless(precision: 17)), .invalidHeader("lossless precision 17, 2 to 16 allowed"))
        XCTAssertEqual(losslessError(Self.flatLossless(predictor: 8)), .invalidHeader("lossless predictor 8, 0 to 7 allowed"))
        XCTAssertEqual(losslessError(Self.flatLossless(sof: 0xCB)), .unsupportedProcess("SOF marker SOF11 (arithmetic lossless) is not lossless Huffman (SOF3)"))
        // Three codes of length 1 do not fit in the code space.
        XCTAssertEqual(losslessError(Self.flatLossless(huffman: [0x00, 3] + [UInt8](repeating: 0, count: 15) + [0, 1, 2])),
                       .invalidSegment(marker: 0xC4, offset: 6, reason: "code lengths overflow the code space"))
        // Table 1 defined, the scan uses table 0.
        XCTAssertEqual(losslessError(Self.flatLossless(huffman: [0x01, 1] + [UInt8](repeating: 0, count: 15) + [0])),
                       .missingTable(kind: "Huffman", id: 0))
        // The only code is "0": a byte of ones matches nothing.
        if case .invalidHuffmanCode? = losslessError(Self.flatLossless(entropy: [0xFE, 0, 0])) {} else { XCTFail("invalid code") }
        // Four bytes of entropy data cannot hold 64x64 samples (at least a bit each).
        if case .entropyDataEnded? = losslessError(Self.flatLossless(rows: 64, columns: 64, entropy: [0, 0, 0, 0])) {} else { XCTFail("ended") }
        // Entropy data cut after 2 of 32 bytes: the reader pads 16 zero bytes, then gives up.
        if case .entropyDataEnded? = losslessError(Self.flatLossless(rows: 16, columns: 16, entropy: [0, 0])) {} else { XCTFail("cut") }
        if case .entropyDataEnded? = losslessError(Self.flatLossless(rows: 30, columns: 30, entropy: [UInt8](repeating: 0, count: 60))) {} else {
            XCTFail("60 of 113 bytes")
        }
        XCTAssertEqual(losslessError(Self.flatLossless(rows: 300, columns: 300), maxSamples: 1000),
                       .tooLarge("300x300 with 1 components exceeds 1000 samples"))
        // A restart interval of 4 samples with no RST marker in the data.
        if case .missingRestartMarker? = losslessError(Self.flatLossless(restartInterval: 4)) {} else { XCTFail("restart") }
    }

    func testSequentialDecoderErrors() {
        func error(_ bytes: [UInt8]) -> JPEGStreamError? {
            do { _ = try JPEGSequentialDecoder.decode(bytes); return nil } catch { return error as? JPEGStreamError }
        }
        XCTAssertEqual(error([0xFF, 0xD8]), .missingSegment("frame header (SOF)"))
        XCTAssertEqual(error(Self.flatLossless()), .unsupportedProcess("SOF marker SOF3 (lossless) is not sequential Huffman DCT"))
        XCTAssertEqual(error(Self.flatLossless(precision: 16, sof: 0xC1)), .invalidHeader("sequential DCT precision 16, 8 or 12 allowed"))
        // DC table 0 exists, AC table 0 does not.
        XCTAssertEqual(error(Self.flatLossless(sof: 0xC1)), .missingTable(kind: "AC Huffman", id: 0))
    }

    /// Debian's CharLS 2.4.1 spends about 9 s failing on this 644-byte cut of a 4430-byte frame;
    /// our wrapper rejects a JPEG-LS stream without EOI before CharLS sees it.
    func testCutJPEGLSFrameIsRejectedBeforeCharLS() throws {
        guard let directory = BadPixelDataTests.pydicomTestFiles() else { throw XCTSkip("pydicom is not installed") }
        let file = try DICOMReader.read(path: directory + "/MR_small_jpeg_ls_lossless.dcm")
        let frame = try EncapsulatedFrames.frameBytes(0, element: file.dataSet.element(.pixelData)!, dataSet: file.dataSet,
                                                      frameCount: 1, startsFrame: nil)
        XCTAssertEqual(frame.count, 4430)
        XCTAssertThrowsError(try JPEGLSCodec.decode(Array(frame.prefix(644)), maxSamples: 4096)) { error in
            XCTAssertEqual(error as? PixelError, .corruptCodestream(
                codec: JPEGLSCodec.name, reason: "the codestream does not end with EOI (FFD9): cut short"))
        }
        XCTAssertEqual(try JPEGLSCodec.decode(frame + [0], maxSamples: 4096).image.planes[0].count, 4096, "padding after EOI")
    }

    /// Real frames of pydicom's files, cut at many offsets and with bytes changed at random:
    /// a result or a `PixelError`, never anything else.
    func testTruncatedAndMutatedFramesGiveResultsOrErrors() throws {
        guard let directory = BadPixelDataTests.pydicomTestFiles() else { throw XCTSkip("pydicom is not installed") }
        var generator = SplitMix(seed: 7)
        var outcomes = [String: Int]()
        var slowest = (seconds: 0.0, input: "")
        for (name, step) in [("SC_rgb_jpeg_gdcm.dcm", 13), ("MR_small_jpeg_ls_lossless.dcm", 7), ("JPEGLSNearLossless_16.dcm", 1),
                             ("JPGExtended.dcm", 331)] {
            let file = try DICOMReader.read(path: directory + "/" + name)
            let decoder = try PixelDecoder(file: file)
            let frame = try EncapsulatedFrames.frameBytes(0, element: file.dataSet.element(.pixelData)!, dataSet: file.dataSet,
                                                          frameCount: 1, startsFrame: nil)
            var inputs: [[UInt8]] = stride(from: 0, to: frame.count, by: step).map { Array(frame.prefix($0)) }
            for _ in 0..<(name == "JPGExtended.dcm" ? 20 : 150) {
                var mutated = frame
                for _ in 0..<(1 + Int(generator.next() % 4)) {
                    mutated[Int(generator.next() % UInt64(mutated.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
                inputs.append(mutated)
            }
            for (number, input) in inputs.enumerated() {
                let start = Date()
                defer {
                    let seconds = Date().timeIntervalSince(start)
                    if seconds > slowest.seconds { slowest = (seconds, "\(name) input \(number) (\(input.count) bytes)") }
                }
                do {
                    _ = try decoder.jpegFamilyFrame(input)
                    outcomes["decoded", default: 0] += 1
                } catch let error as PixelError {
                    outcomes["PixelError", default: 0] += 1
                    XCTAssertFalse(error.description.isEmpty)
                } catch {
                    XCTFail("\(name): \(error) is not a PixelError")
                }
            }
        }
        print("truncated and mutated frames:", outcomes.sorted { $0.key < $1.key }, "slowest:", slowest)
        XCTAssertGreaterThan(outcomes["PixelError", default: 0], 100)
    }
}

/// A small seeded generator (SplitMix64), so the mutations are the same every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
