import DICOMCore
import DICOMParser
import XCTest

/// Single elements with unusual encodings: UN and OB/OW of undefined length, odd lengths,
/// padding, private tags and elements out of order.
final class ElementTests: XCTestCase {
    /// An undefined-length UN value holding implicit VR little endian items (CP-246): one item
    /// with a UI and a nested implicit sequence. 80 bytes, up to and including the delimiter.
    private let cp246Items: [UInt8] =
        itemHeader(length: undefined)                                          // +12 item undefined
        + implicitLE(Tag(0x0008_1155), "1.2\0")                                // +20 (0008,1155) len 4  1.2
        + implicitLE(Tag(0x0040_A730), [], length: undefined)                  // +32 (0040,A730) SQ undefined
        + undefinedItem(implicitLE(Tag(0x0040_A160), "deep"))                  // +40 item, (0040,A160) len 4  deep
        + sequenceDelimiter()                                                  // +68
        + itemDelimiter()                                                      // +76
        + sequenceDelimiter()                                                  // +84

    func testUndefinedLengthUNIsReadAsImplicitLittleEndianItems() throws {
        let dataSet = explicitLE(Tag(0x0040_0275), "UN", [], length: undefined) // +0  (0040,0275) UN undefined
            + cp246Items
            + explicitLE(Tag(0x0040_A124), "UI", "9.9\0")                      // +92 (0040,A124) UI 4  9.9
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        try checkCP246(file, Tag(0x0040_0275), recordedAs: .SQ)
    }

    func testUndefinedLengthPrivateUNStaysUN() throws {
        let dataSet = explicitLE(Tag(0x0009_1010), "UN", [], length: undefined) // +0  (0009,1010) UN undefined
            + cp246Items
            + explicitLE(Tag(0x0040_A124), "UI", "9.9\0")                      // +92 (0040,A124) UI 4  9.9
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        try checkCP246(file, Tag(0x0009_1010), recordedAs: .UN)
    }

    func testUndefinedLengthUNInBigEndianFileHasLittleEndianItems() throws {
        let dataSet = explicitBE(Tag(0x0040_0275), "UN", [], length: undefined) // +0  (0040,0275) UN undefined
            + cp246Items                                                       //     items little endian
            + explicitBE(Tag(0x0040_A124), "UI", "9.9\0")                      // +92 (0040,A124) UI 4  9.9
        let file = try read(part10(transferSyntax: UID.explicitBE, dataSet: dataSet))
        XCTAssertEqual(file.dataSet.byteOrder, .bigEndian)
        try checkCP246(file, Tag(0x0040_0275), recordedAs: .SQ)
    }

    /// Checks the element `tag` holding `cp246Items`: recorded as `vr` (SQ when the dictionary
    /// knows the tag as a sequence), its item read in implicit VR little endian.
    private func checkCP246(_ file: DICOMFile, _ tag: Tag, recordedAs vr: VR, line: UInt = #line) throws {
        let element = try XCTUnwrap(file.dataSet.element(tag), line: line)
        XCTAssertEqual(element.vr, vr, line: line)
        XCTAssertEqual(element.valueLength, 72, line: line)
        let item = try XCTUnwrap(file.dataSet.items(of: element).first, line: line)
        XCTAssertFalse(item.isExplicitVR, line: line)
        XCTAssertEqual(item.byteOrder, .littleEndian, line: line)
        XCTAssertEqual(item.element(Tag(0x0008_1155))?.vr, .UI, line: line)
        XCTAssertEqual(item.uid(Tag(0x0008_1155)), "1.2", line: line)
        XCTAssertEqual(item.items(Tag(0x0040_A730)).first?.string(Tag(0x0040_A160)), "deep", line: line)
        XCTAssertEqual(file.dataSet.element(Tag(0x0040_A124))?.headerOffset, file.dataSetOffset + 92, line: line)
        XCTAssertEqual(file.dataSet.uid(Tag(0x0040_A124)), "9.9", line: line)
        XCTAssertEqual(file.warnings, [], line: line)
    }

    func testUndefinedLengthUNWithExplicitItemsIsSniffed() throws {
        let dataSet = explicitLE(Tag(0x0040_0275), "UN", [], length: undefined) // +0  (0040,0275) UN undefined
            + undefinedItem(explicitLE(Tag(0x0008_1155), "UI", "1.2\0"))       // +12 item, explicit VR despite CP-246
            + sequenceDelimiter()                                              // +40
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        let item = try XCTUnwrap(file.dataSet.items(Tag(0x0040_0275)).first)

        XCTAssertTrue(item.isExplicitVR)
        XCTAssertEqual(item.uid(Tag(0x0008_1155)), "1.2")
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 20,
                                                   message: "item written in explicit VR inside implicit VR data")])
    }

    func testDefinedLengthUNOfKnownTagTakesItsDictionaryVR() throws {
        let dataSet = explicitLE(.patientName, "UN", "DOE^JOHN")               // +0  (0010,0010) UN 8  DOE^JOHN
            + explicitLE(.rows, "UN", u16(64))                                 // +20 (0028,0010) UN 2  64
            + explicitLE(Tag(0x0029_1010), "UN", [1, 2])                       // +34 (0029,1010) UN 2, private
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))

        XCTAssertEqual(file.dataSet.elements.map(\.vr), [.PN, .US, .UN])
        XCTAssertEqual(file.dataSet.element(.rows)?.valueOffset, file.dataSetOffset + 32, "still a 12-byte header")
        XCTAssertEqual(file.dataSet.string(.patientName), "DOE^JOHN")
        XCTAssertEqual(file.dataSet.int(.rows), 64)
    }

    func testImplicitUSOrSSFollowsPixelRepresentation() throws {
        let dataSet = implicitLE(Tag(0x0028_0103), u16(1))                     // (0028,0103) len 2  1: signed
            + implicitLE(Tag(0x0028_0106), u16(0xFFFF))                        // (0028,0106) len 2  US or SS
        let signed = try read(part10(transferSyntax: UID.implicitLE, dataSet: dataSet))
        XCTAssertEqual(signed.dataSet.element(Tag(0x0028_0106))?.vr, .SS)
        XCTAssertEqual(signed.dataSet.int(Tag(0x0028_0106)), -1)

        let unsignedSet = implicitLE(Tag(0x0028_0103), u16(0))                 // (0028,0103) len 2  0: unsigned
            + implicitLE(Tag(0x0028_0106), u16(0xFFFF))                        // (0028,0106) len 2  US or SS
        let unsigned = try read(part10(transferSyntax: UID.implicitLE, dataSet: unsignedSet))
        XCTAssertEqual(unsigned.dataSet.element(Tag(0x0028_0106))?.vr, .US)
        XCTAssertEqual(unsigned.dataSet.int(Tag(0x0028_0106)), 65535)
    }

    func testUndefinedLengthOBAndOWAreReadAsFragments() throws {
        let dataSet = explicitLE(Tag(0x0042_0011), "OB", [], length: undefined) // +0  (0042,0011) OB undefined
            + item([1, 2, 3, 4])                                               // +12 item 4
            + item([5, 6])                                                     // +24 item 2
            + sequenceDelimiter()                                              // +34
            + explicitLE(Tag(0x0066_0023), "OW", [], length: undefined)        // +42 (0066,0023) OW undefined
            + item(u16(7) + u16(8))                                            // +54 item 4
            + sequenceDelimiter()                                              // +66
            + explicitLE(Tag(0x0070_0001), "SQ", [], length: 0)                // +74 (0070,0001) SQ 0
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        let d = file.dataSetOffset
        let ob = try XCTUnwrap(file.dataSet.element(Tag(0x0042_0011)))
        let ow = try XCTUnwrap(file.dataSet.element(Tag(0x0066_0023)))

        XCTAssertEqual(file.dataSet.fragments(of: ob).map { [$0.itemOffset, $0.offset, $0.length] },
                       [[d + 12, d + 20, 4], [d + 24, d + 32, 2]])
        XCTAssertEqual(ob.valueLength, 22)
        XCTAssertEqual(file.dataSet.fragments(of: ow).map { [$0.itemOffset, $0.offset, $0.length] },
                       [[d + 54, d + 62, 4]])
        XCTAssertEqual(file.dataSet.element(Tag(0x0070_0001))?.headerOffset, d + 74)
        XCTAssertEqual(file.warnings, [])
    }

    func testEncapsulatedPixelDataWrittenAsUNKeepsItsFragments() throws {
        let dataSet = explicitLE(.pixelData, "UN", [], length: undefined)     // +0  (7FE0,0010) UN undefined
            + item([])                                                         // +12 item 0: empty offset table
            + item([0xFF, 0xD8, 0xFF, 0xD9])                                   // +20 item 4: a frame
            + sequenceDelimiter()                                              // +32
        let file = try read(part10(transferSyntax: UID.jpegBaseline, dataSet: dataSet))
        let d = file.dataSetOffset
        let pixels = try XCTUnwrap(file.dataSet.element(.pixelData))

        XCTAssertEqual(file.dataSet.fragments(of: pixels).map { [$0.itemOffset, $0.offset, $0.length] },
                       [[d + 12, d + 20, 0], [d + 20, d + 28, 4]])
        XCTAssertEqual(pixels.vr, .OB)
        XCTAssertEqual(file.dataSet.items(of: pixels).count, 0)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: d, tag: .pixelData,
                                                   message: "encapsulated Pixel Data with VR UN, read as OB")])
    }

    func testFragmentsMissingDelimiterStopAtTheEndOfTheirItem() throws {
        let icon = explicitLE(.pixelData, "OB", [], length: undefined)         // (7FE0,0010) OB undefined
            + item([1, 2, 3, 4])                                               //   item 4, no (FFFE,E0DD)
        let dataSet = explicitLE(Tag(0x0088_0200), "SQ", [], length: undefined) // +0  (0088,0200) SQ undefined
            + item(icon)                                                       // +12 item 24, fragment item at +32
            + item(explicitLE(.rows, "US", u16(1)))                            // +44 second item: (0028,0010) US 2  1
            + sequenceDelimiter()                                              // +62
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        let d = file.dataSetOffset
        let items = file.dataSet.items(Tag(0x0088_0200))

        XCTAssertEqual(items.count, 2)
        let pixels = try XCTUnwrap(items.first?.element(.pixelData))
        XCTAssertEqual(items.first?.fragments(of: pixels).map { [$0.itemOffset, $0.offset, $0.length] },
                       [[d + 32, d + 40, 4]])
        XCTAssertEqual(items.last?.int(.rows), 1)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: d + 44, tag: .pixelData,
                                                   message: "missing Sequence Delimitation Item after pixel data fragments")])
    }

    func testOddLengthsAreReadAsWritten() throws {
        let dataSet = explicitLE(.patientID, "LO", "ABC")                      // +0  (0010,0020) LO 3  ABC (odd)
            + explicitLE(.rows, "US", u16(9))                                  // +11 (0028,0010) US 2  9
            + explicitLE(Tag(0x0028_1052), "DS", "-1024")                      // +21 (0028,1052) DS 5  -1024 (odd)
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))

        XCTAssertEqual(file.dataSet.string(.patientID), "ABC")
        XCTAssertEqual(file.dataSet.element(.rows)?.headerOffset, file.dataSetOffset + 11)
        XCTAssertEqual(file.dataSet.int(.rows), 9)
        XCTAssertEqual(file.dataSet.double(Tag(0x0028_1052)), -1024)
        XCTAssertNil(file.damage)
    }

    func testTrailingZeroPaddingEndsTheDataSet() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + [UInt8](repeating: 0, count: 64)                                 // +10 64 zero bytes
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))

        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality])
        XCTAssertNil(file.damage)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 10,
                                                   message: "zero bytes after the last element (trailing padding)")])
    }

    func testFewerThanEightTrailingZerosArePadding() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + [0, 0, 0, 0, 0]                                                  // +10 5 zero bytes
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))

        XCTAssertNil(file.damage)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 10,
                                                   message: "5 zero bytes after the last element (trailing padding)")])
    }

    func testDataSetTrailingPaddingElementIsAnElement() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + explicitLE(Tag(0xFFFC_FFFC), "OB", [0, 0, 0, 0])                 // +10 (FFFC,FFFC) OB 4  padding
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        let padding = try XCTUnwrap(file.dataSet.element(Tag(0xFFFC_FFFC)))

        XCTAssertEqual(padding.vr, .OB)
        XCTAssertEqual(padding.valueLength, 4)
        XCTAssertNil(file.damage)
        XCTAssertEqual(file.warnings, [])
    }

    func testPrivateTagsResolveTheirCreator() throws {
        let dataSet = explicitLE(Tag(0x0029_0010), "LO", "SIEMENS CSA HEADER")  // (0029,0010) LO 18 creator of block 10
            + explicitLE(Tag(0x0029_0011), "LO", "ACME 1.0")                   // (0029,0011) LO 8  creator of block 11
            + explicitLE(Tag(0x0029_1008), "CS", "IMAGE NUM 4 ")               // (0029,1008) CS 12 in block 10
            + explicitLE(Tag(0x0029_1108), "OB", [1, 2])                       // (0029,1108) OB 2  in block 11
            + explicitLE(Tag(0x0029_1208), "UN", [3, 4])                       // (0029,1208) UN 2  block 12: no creator
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        let ds = file.dataSet

        XCTAssertEqual(ds.privateCreator(for: Tag(0x0029_1008)), "SIEMENS CSA HEADER")
        XCTAssertEqual(ds.privateCreator(for: Tag(0x0029_1108)), "ACME 1.0")
        XCTAssertNil(ds.privateCreator(for: Tag(0x0029_1208)))
        XCTAssertNil(ds.privateCreator(for: .patientName), "not private")
        XCTAssertNil(ds.privateCreator(for: Tag(0x0029_0010)), "a creator has no creator")
        XCTAssertEqual(ds.string(Tag(0x0029_1008)), "IMAGE NUM 4")
    }

    func testPrivateTagsInImplicitVRAreLOCreatorsAndUNData() throws {
        let dataSet = implicitLE(Tag(0x0009_0010), "GEMS_IDEN_01")             // (0009,0010) len 12 creator
            + implicitLE(Tag(0x0009_1001), "CT_LIGHTSPEED")                    // (0009,1001) len 13 private data
        let file = try read(part10(transferSyntax: UID.implicitLE, dataSet: dataSet))
        let ds = file.dataSet

        XCTAssertEqual(ds.element(Tag(0x0009_0010))?.vr, .LO)
        XCTAssertEqual(ds.element(Tag(0x0009_1001))?.vr, .UN)
        XCTAssertEqual(ds.privateCreator(for: Tag(0x0009_1001)), "GEMS_IDEN_01")
        XCTAssertEqual(ds.element(Tag(0x0009_1001)).map { ds.valueBytes(of: $0) }, ascii("CT_LIGHTSPEED"))
    }

    func testElementsOutOfOrderAreStillFound() throws {
        let dataSet = explicitLE(.patientID, "LO", "ID01")                     // +0  (0010,0020) LO 4  ID01
            + explicitLE(.modality, "CS", "MR")                                // +12 (0008,0060) CS 2  MR, out of order
            + explicitLE(.patientName, "PN", "DOE^J ")                         // +22 (0010,0010) PN 6  DOE^J
            + explicitLE(.rows, "US", u16(1))                                  // +36 (0028,0010) US 2  1
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
        let ds = file.dataSet

        XCTAssertFalse(ds.isSorted)
        XCTAssertEqual(ds.string(.modality), "MR")
        XCTAssertEqual(ds.string(.patientName), "DOE^J")
        XCTAssertEqual(ds.string(.patientID), "ID01")
        XCTAssertEqual(ds.int(.rows), 1)
        XCTAssertEqual(ds.elements.map(\.tag), [.patientID, .modality, .patientName, .rows], "file order kept")
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 12, tag: .modality,
                                                   message: "elements out of order (after (0010,0020))")])
    }
}
