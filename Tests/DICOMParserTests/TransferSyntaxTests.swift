import DICOMCore
import DICOMParser
import XCTest

/// Each transfer syntax read as declared, and data sets whose encoding differs from the one
/// the file meta declares.
final class TransferSyntaxTests: XCTestCase {
    func testImplicitLittleEndianTakesVRsFromDictionary() throws {
        let dataSet = implicitLE(.modality, "CT")                              // (0008,0060) len 2  CT
            + implicitLE(.patientName, "DOE^JANE")                             // (0010,0010) len 8  DOE^JANE
            + implicitLE(Tag(0x0018_0050), "2.5 ")                             // (0018,0050) len 4  2.5 (DS)
            + implicitLE(.rows, u16(512))                                      // (0028,0010) len 2  512 (US)
            + implicitLE(.pixelData, [1, 2, 3, 4])                             // (7FE0,0010) len 4  OW
        let file = try read(part10(transferSyntax: UID.implicitLE, dataSet: dataSet))

        XCTAssertEqual(file.transferSyntax, .implicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.elements.map(\.vr), [.CS, .PN, .DS, .US, .OW])
        XCTAssertEqual(file.dataSet.double(Tag(0x0018_0050)), 2.5)
        XCTAssertEqual(file.dataSet.int(.rows), 512)
        XCTAssertEqual(file.dataSet.element(.pixelData)?.valueOffset, file.dataSetOffset + 10 + 16 + 12 + 10 + 8)
        XCTAssertEqual(file.warnings, [])
    }

    func testExplicitBigEndianDecodesBinaryValues() throws {
        let be = ByteOrder.bigEndian
        let dataSet = explicitBE(Tag(0x0018_6020), "SL", u32(UInt32(bitPattern: -70000), be)) // (0018,6020) SL 4  -70000
            + explicitBE(Tag(0x0018_9219), "SS", u16(UInt16(bitPattern: -5), be))              // (0018,9219) SS 2  -5
            + explicitBE(Tag(0x0018_9306), "FD", f64(0.625, be))                               // (0018,9306) FD 8  0.625
            + explicitBE(Tag(0x0020_9165), "AT", tagBytes(.rows, be))                          // (0020,9165) AT 4  (0028,0010)
            + explicitBE(.rows, "US", u16(512, be))                                            // (0028,0010) US 2  512
            + explicitBE(Tag(0x0028_9001), "UL", u32(70000, be))                               // (0028,9001) UL 4  70000
            + explicitBE(Tag(0x0072_0076), "FL", f32(1.5, be) + f32(-2.25, be))                // (0072,0076) FL 8  1.5\-2.25
            + explicitBE(.pixelData, "OW", u16(0x0102, be) + u16(0xFFFE, be))                  // (7FE0,0010) OW 4  258\65534
        let file = try read(part10(transferSyntax: UID.explicitBE, dataSet: dataSet))
        let ds = file.dataSet

        XCTAssertEqual(file.transferSyntax, .explicitVRBigEndian)
        XCTAssertEqual(ds.int(Tag(0x0018_6020)), -70000)
        XCTAssertEqual(ds.int(Tag(0x0018_9219)), -5)
        XCTAssertEqual(ds.double(Tag(0x0018_9306)), 0.625)
        XCTAssertEqual(ds.element(Tag(0x0020_9165)).map { ds.tags(of: $0) }, [.rows])
        XCTAssertEqual(ds.int(.rows), 512)
        XCTAssertEqual(ds.int(Tag(0x0028_9001)), 70000)
        XCTAssertEqual(ds.element(Tag(0x0072_0076)).map { ds.doubles(of: $0) }, [1.5, -2.25])
        XCTAssertEqual(ds.element(.pixelData).map { ds.ints(of: $0) }, [258, 65534])
        XCTAssertEqual(file.warnings, [])
    }

    /// (0008,0060) CS 2 CT, (0010,0010) PN 8 DOE^JOHN, (0028,0010) US 2 256: the data set the
    /// deflate tests compress.
    private let plainDataSet = explicitLE(.modality, "CS", "CT")
        + explicitLE(.patientName, "PN", "DOE^JOHN")
        + explicitLE(.rows, "US", u16(256))

    func testDeflatedRawStreamIsInflated() throws {
        let compressed = deflate(plainDataSet)
        let file = try read(part10(transferSyntax: UID.deflated, dataSet: compressed))

        XCTAssertEqual(file.transferSyntax, .deflatedExplicitVRLittleEndian)
        XCTAssertEqual(file.dataSetOffset, 238)
        XCTAssertEqual(file.dataSet.string(.patientName), "DOE^JOHN")
        XCTAssertEqual(file.dataSet.int(.rows), 256)
        XCTAssertEqual(file.dataSet.element(.rows)?.headerOffset, 238 + 26, "offsets count in the inflated data")
        XCTAssertEqual(file.bytesRead, 238 + plainDataSet.count)
        XCTAssertNil(file.damage)
        XCTAssertEqual(file.warnings, [])
    }

    func testDeflatedStreamWithZlibHeaderIsInflated() throws {
        let compressed = deflate(plainDataSet, zlibHeader: true)
        XCTAssertEqual(compressed.first, 0x78, "zlib CMF byte: deflate, 32K window")
        let file = try read(part10(transferSyntax: UID.deflated, dataSet: compressed))

        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality, .patientName, .rows])
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
        XCTAssertNil(file.damage)
    }

    func testImplicitElementInDeflatedExplicitDataSet() throws {
        let description = [UInt8](repeating: 0x41, count: 40_000)              // more than the first inflate
        let plain = explicitLE(.modality, "CS", "CT")                          // +0  (0008,0060) CS 2  CT
            + implicitLE(.studyDescription, description)                       // +10 (0008,1030) len 40000, implicit VR
            + explicitLE(.patientName, "PN", "DOE^JOHN")                       // +40018 (0010,0010) PN 8
        let file = try read(part10(transferSyntax: UID.deflated, dataSet: deflate(plain)))

        XCTAssertNil(file.damage)
        XCTAssertEqual(file.dataSet.element(.studyDescription)?.valueLength, 40_000)
        XCTAssertEqual(file.dataSet.string(.patientName), "DOE^JOHN")
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 238 + 10, tag: .studyDescription,
                                                   message: "explicit VR expected, element read as implicit VR")])
    }

    /// (0028,0010) US 2 16, then encapsulated Pixel Data: a Basic Offset Table of two frames
    /// and two fragments.
    private let encapsulatedDataSet: [UInt8] =
        explicitLE(.rows, "US", u16(16))                                       // +0  (0028,0010) US 2  16
        + explicitLE(.pixelData, "OB", [], length: undefined)                  // +10 (7FE0,0010) OB undefined
        + item(u32(0) + u32(18))                                               // +22 item 8: offset table 0, 18
        + item([0xFF, 0xD8, 1, 2, 3, 4, 5, 6, 0xFF, 0xD9])                     // +38 item 10: frame 1
        + item([0xFF, 0xD8, 7, 8, 0xFF, 0xD9])                                 // +56 item 6: frame 2
        + sequenceDelimiter()                                                  // +70 (FFFE,E0DD)

    func testEncapsulatedPixelDataRecordsFragments() throws {
        let file = try read(part10(transferSyntax: UID.jpegBaseline, dataSet: encapsulatedDataSet))
        let d = file.dataSetOffset
        let pixels = try XCTUnwrap(file.dataSet.element(.pixelData))

        XCTAssertEqual(file.transferSyntax.uid, UID.jpegBaseline)
        XCTAssertTrue(file.transferSyntax.isEncapsulated)
        XCTAssertEqual(pixels.vr, .OB)
        XCTAssertTrue(pixels.hasUndefinedLength)
        XCTAssertNil(pixels.length)
        XCTAssertEqual(pixels.valueOffset, d + 22)
        XCTAssertEqual(pixels.valueLength, 48, "the items, not the delimiter")
        let fragments = file.dataSet.fragments(of: pixels)
        // [item offset, value offset, length] of each fragment.
        XCTAssertEqual(fragments.map { [$0.itemOffset, $0.offset, $0.length] }, [
            [d + 22, d + 30, 8],
            [d + 38, d + 46, 10],
            [d + 56, d + 64, 6],
        ])
        XCTAssertEqual(file.dataSet.bytes(in: d + 30..<d + 38), u32(0) + u32(18))
        XCTAssertEqual(file.dataSet.bytes(in: d + 64..<d + 70), [0xFF, 0xD8, 7, 8, 0xFF, 0xD9])
        XCTAssertEqual(file.dataSet.items(of: pixels).count, 0)
        XCTAssertEqual(file.warnings, [])
    }

    func testStopBeforePixelDataInEncapsulatedFile() throws {
        let bytes = part10(transferSyntax: UID.jpegBaseline, dataSet: encapsulatedDataSet)
        let file = try read(bytes, .headerOnly)

        XCTAssertEqual(file.stoppedBefore, .pixelData)
        XCTAssertFalse(file.isComplete)
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.rows])
        XCTAssertNil(file.damage)
    }

    func testMetaSaysExplicitButDataSetIsImplicit() throws {
        let dataSet = implicitLE(.modality, "CT")                              // (0008,0060) len 2  CT
            + implicitLE(.rows, u16(128))                                      // (0028,0010) len 2  128
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))

        XCTAssertEqual(file.declaredTransferSyntaxUID, UID.explicitLE)
        XCTAssertEqual(file.transferSyntax, .implicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.int(.rows), 128)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 236,
                                                   message: "transfer syntax says explicit VR, data set is implicit VR")])
    }

    func testMetaSaysImplicitButDataSetIsExplicit() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // (0008,0060) CS 2  CT
            + explicitLE(.rows, "US", u16(128))                                // (0028,0010) US 2  128
        let file = try read(part10(transferSyntax: UID.implicitLE, dataSet: dataSet))

        XCTAssertEqual(file.transferSyntax, .explicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.int(.rows), 128)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 234,
                                                   message: "transfer syntax says implicit VR, data set is explicit VR")])
    }

    func testMetaSaysBigEndianButDataSetIsLittleEndian() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // (0008,0060) CS 2  CT
            + explicitLE(.rows, "US", u16(128))                                // (0028,0010) US 2  128
        let file = try read(part10(transferSyntax: UID.explicitBE, dataSet: dataSet))

        XCTAssertEqual(file.transferSyntax, .explicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.int(.rows), 128)
        XCTAssertEqual(warnings(file, at: 236), ["data set byte order differs from the transfer syntax"])
    }

    func testImplicitItemInsideExplicitSequence() throws {
        let itemContent = implicitLE(Tag(0x0008_1150), uidValue(UID.ctImage))  // (0008,1150) len 26 CT Image (UI)
            + implicitLE(Tag(0x0008_1155), uidValue("1.2.3"))                  // (0008,1155) len 6  1.2.3 (UI)
        let dataSet = explicitLE(Tag(0x0008_1140), "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + undefinedItem(itemContent)                                       // +12 item, content at +20
            + sequenceDelimiter()
            + explicitLE(.rows, "US", u16(8))                                  // (0028,0010) US 2  8
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        let item = try XCTUnwrap(file.dataSet.items(Tag(0x0008_1140)).first)

        XCTAssertFalse(item.isExplicitVR)
        XCTAssertEqual(item.element(Tag(0x0008_1155))?.vr, .UI)
        XCTAssertEqual(item.uid(Tag(0x0008_1150)), UID.ctImage)
        XCTAssertEqual(item.uid(Tag(0x0008_1155)), "1.2.3")
        XCTAssertEqual(file.dataSet.int(.rows), 8)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 236 + 20,
                                                   message: "item written in implicit VR inside explicit VR data")])
    }

    func testExplicitItemInsideImplicitSequence() throws {
        let itemContent = explicitLE(Tag(0x0008_0100), "SH", "T-1234")         // (0008,0100) SH 6  T-1234
            + explicitLE(Tag(0x0008_0104), "LO", "Chest ")                     // (0008,0104) LO 6  Chest
        let dataSet = implicitLE(Tag(0x0008_1032), [], length: undefined)      // +0  (0008,1032) SQ undefined
            + undefinedItem(itemContent)                                       // +8  item, content at +16
            + sequenceDelimiter()
            + implicitLE(.rows, u16(8))                                        // (0028,0010) len 2  8
        let file = try read(part10(transferSyntax: UID.implicitLE, dataSet: dataSet))
        let item = try XCTUnwrap(file.dataSet.items(Tag(0x0008_1032)).first)

        XCTAssertTrue(item.isExplicitVR)
        XCTAssertEqual(item.string(Tag(0x0008_0100)), "T-1234")
        XCTAssertEqual(item.string(Tag(0x0008_0104)), "Chest")
        XCTAssertEqual(file.dataSet.int(.rows), 8)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 234 + 16,
                                                   message: "item written in explicit VR inside implicit VR data")])
    }
}
