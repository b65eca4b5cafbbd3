import DICOMCore
import DICOMParser
import XCTest
@testable import DICOMPixels

/// LUT Descriptor and LUT Data decoding (PS3.3 C.11.1.1) and the grayscale pipeline's choices,
/// on explicit VR data sets built here, little and big endian.
final class LookupTableTests: XCTestCase {
    /// Explicit VR data set bytes, one element at a time.
    struct Builder {
        var bigEndian = false
        var bytes: [UInt8] = []

        func u16(_ value: Int) -> [UInt8] {
            let v = UInt16(truncatingIfNeeded: value)
            return bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)]
        }

        func u32(_ value: Int) -> [UInt8] {
            let v = UInt32(truncatingIfNeeded: value)
            let little = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
            return bigEndian ? little.reversed() : little
        }

        /// An element: short form for US/SS/CS/DS, long form (2 reserved bytes, 4-byte length) for OW/OB/SQ.
        mutating func add(_ tag: UInt32, _ vr: String, _ value: [UInt8]) {
            bytes += u16(Int(tag >> 16)) + u16(Int(tag & 0xFFFF)) + Array(vr.utf8)
            if ["OW", "OB", "SQ"].contains(vr) {
                bytes += [0, 0] + u32(value.count)
            } else {
                bytes += u16(value.count)
            }
            bytes += value
        }

        func words(_ values: [Int]) -> [UInt8] { values.flatMap { u16($0) } }

        /// A sequence of one item holding `item`'s elements.
        mutating func addSequence(_ tag: UInt32, _ item: Builder) {
            let itemBytes = u16(0xFFFE) + u16(0xE000) + u32(item.bytes.count) + item.bytes
            add(tag, "SQ", itemBytes)
        }
    }

    /// A 1 x `samples.count` 16-bit image with the given pixel representation, extra elements
    /// from `extra` (called with the builder before Pixel Data), in the byte order asked.
    static func image(_ samples: [Int], signed: Bool, bigEndian: Bool = false,
                      _ extra: (inout Builder) -> Void = { _ in }) throws -> DICOMFile {
        var b = Builder(bigEndian: bigEndian)
        b.add(0x0008_0060, "CS", Array("OT".utf8))
        b.add(0x0028_0002, "US", b.u16(1))
        b.add(0x0028_0004, "CS", Array("MONOCHROME2 ".utf8))
        b.add(0x0028_0010, "US", b.u16(1))
        b.add(0x0028_0011, "US", b.u16(samples.count))
        b.add(0x0028_0100, "US", b.u16(16))
        b.add(0x0028_0101, "US", b.u16(16))
        b.add(0x0028_0102, "US", b.u16(15))
        b.add(0x0028_0103, "US", b.u16(signed ? 1 : 0))
        extra(&b)
        b.add(0x7FE0_0010, "OW", b.words(samples))
        return try DICOMReader.read(bytes: b.bytes)
    }

    static func pipeline(_ file: DICOMFile) throws -> (GrayscalePipeline, Frame) {
        let decoder = try PixelDecoder(file: file)
        return (try GrayscalePipeline(description: decoder.description, dataSet: file.dataSet), try decoder.frame(0))
    }

    static func lutItem(_ b: Builder, descriptor: [Int], descriptorVR: String = "US", data: [UInt8], dataVR: String = "OW") -> Builder {
        var item = Builder(bigEndian: b.bigEndian)
        item.add(0x0028_3002, descriptorVR, item.words(descriptor))
        item.add(0x0028_3006, dataVR, data)
        return item
    }

    func testSignedFirstValueMappedClampsBelowAndAbove() throws {
        // Pixel Representation 1: the descriptor's 0xFFFE is -2. Inputs -5 and -2 give entry 0, 5 the last.
        let file = try Self.image([-5, -2, -1, 1, 5], signed: true) { b in
            b.addSequence(0x0028_3000, Self.lutItem(b, descriptor: [4, 0xFFFE, 16], data: b.words([10, 20, 30, 40])))
        }
        let (pipeline, frame) = try Self.pipeline(file)
        XCTAssertEqual(pipeline.modalityValues(frame.samples), [10, 10, 20, 40, 40])
    }

    func testUnsignedFirstValueMappedWithPixelRepresentation0() throws {
        let file = try Self.image([5, 65534, 65535, 65536 - 1], signed: false) { b in
            b.addSequence(0x0028_3000, Self.lutItem(b, descriptor: [2, 0xFFFE, 16], data: b.words([7, 9])))
        }
        let (pipeline, frame) = try Self.pipeline(file)
        XCTAssertEqual(pipeline.modalityValues(frame.samples), [7, 7, 9, 9])
    }

    func testDescriptorZeroMeans65536EntriesBigEndian() throws {
        let entries = (0..<65536).map { ($0 * 3) & 0xFFFF }
        let file = try Self.image([0, 1, 40000, 65535], signed: false, bigEndian: true) { b in
            b.addSequence(0x0028_3010, Self.lutItem(b, descriptor: [0, 0, 16], data: b.words(entries)))
        }
        let (pipeline, frame) = try Self.pipeline(file)
        guard case .table(let table) = pipeline.voi else { return XCTFail("no VOI LUT") }
        XCTAssertEqual(table.entries.count, 65536)
        XCTAssertEqual(pipeline.voiTableValues(pipeline.modalityValues(frame.samples)),
                       [0, 3, (40000 * 3) & 0xFFFF, (65535 * 3) & 0xFFFF])
    }

    func testEightBitEntriesPackedTwoToAWordInBothByteOrders() throws {
        for bigEndian in [false, true] {
            // OW holds the bytes of words: in big endian each pair comes swapped.
            let data: [UInt8] = bigEndian ? [2, 1, 4, 3] : [1, 2, 3, 4]
            let file = try Self.image([0, 1, 2, 3, 9], signed: false, bigEndian: bigEndian) { b in
                b.addSequence(0x0028_3010, Self.lutItem(b, descriptor: [4, 0, 8], data: data))
            }
            let (pipeline, frame) = try Self.pipeline(file)
            XCTAssertEqual(pipeline.voiTableValues(pipeline.modalityValues(frame.samples)), [1, 2, 3, 4, 4], "big endian: \(bigEndian)")
        }
    }

    func testEightBitEntriesOneToAWordAsUS() throws {
        let file = try Self.image([0, 1, 2], signed: false) { b in
            b.addSequence(0x0028_3010, Self.lutItem(b, descriptor: [3, 0, 8], data: b.words([7, 8, 255]), dataVR: "US"))
        }
        let (pipeline, frame) = try Self.pipeline(file)
        XCTAssertEqual(pipeline.voiTableValues(pipeline.modalityValues(frame.samples)), [7, 8, 255])
        XCTAssertEqual(pipeline.render(frame).pixels, [7, 8, 255])
    }

    func testVOILUTSequenceIsPreferredToTheWindowAndScaledByTheBitsItsEntriesUse() throws {
        // Declared 16 bits, entries up to 4095: the display divides by 4095, not 65535.
        let file = try Self.image([0, 1, 2], signed: false) { b in
            b.add(0x0028_1050, "DS", Array("1 ".utf8))
            b.add(0x0028_1051, "DS", Array("2 ".utf8))
            b.addSequence(0x0028_3010, Self.lutItem(b, descriptor: [3, 0, 16], data: b.words([0, 2048, 4095])))
        }
        let (pipeline, frame) = try Self.pipeline(file)
        guard case .table(let table) = pipeline.voi else { return XCTFail("the window was chosen") }
        XCTAssertEqual(table.outputMaximum, 4095)
        XCTAssertEqual(pipeline.render(frame).pixels, [0, 128, 255])
    }

    func testRescaleAndWindowWithoutSequences() throws {
        let file = try Self.image([0, 100], signed: false) { b in
            b.add(0x0028_1050, "DS", Array("0 ".utf8))
            b.add(0x0028_1051, "DS", Array("200 ".utf8))
            b.add(0x0028_1052, "DS", Array("-100".utf8))
            b.add(0x0028_1053, "DS", Array("2 ".utf8))
        }
        let (pipeline, _) = try Self.pipeline(file)
        XCTAssertEqual(pipeline.modality, .rescale(slope: 2, intercept: -100))
        XCTAssertEqual(pipeline.voi, .window(center: 0, width: 200, function: .linear))
    }

    func testBadDescriptorsAndShortDataAreErrorsNamingTheSequence() throws {
        func error(_ descriptor: [Int], _ data: [Int]) throws -> String {
            let file = try Self.image([0], signed: false) { b in
                b.addSequence(0x0028_3000, Self.lutItem(b, descriptor: descriptor, data: b.words(data)))
            }
            let decoder = try PixelDecoder(file: file)
            XCTAssertThrowsError(try GrayscalePipeline(description: decoder.description, dataSet: file.dataSet))
            do { _ = try GrayscalePipeline(description: decoder.description, dataSet: file.dataSet) } catch { return "\(error)" }
            return ""
        }
        XCTAssertEqual(try error([4, 0, 16], [1, 2]),
                       "Modality LUT Sequence (0028,3000): (0028,3006) LUT Data holds 2 entries, the descriptor says 4")
        XCTAssertEqual(try error([4, 0], [1, 2, 3, 4]),
                       "Modality LUT Sequence (0028,3000): (0028,3002) LUT Descriptor has 2 values, 3 expected")
        XCTAssertEqual(try error([2, 0, 17], [1, 2]),
                       "Modality LUT Sequence (0028,3000): (0028,3002) LUT Descriptor gives 17 bits per entry")
    }
}
