import DICOMCore
import DICOMParser
import XCTest

/// How the reader tells a Part 10 file from a raw data set, and where the data set starts.
final class LayoutTests: XCTestCase {
    func testPart10WithPreambleReadsMetaAndDataSet() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // (0008,0060) CS 2  CT
            + explicitLE(.patientName, "PN", "DOE^JOHN")                       // (0010,0010) PN 8  DOE^JOHN
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))

        XCTAssertTrue(file.hasPreamble)
        XCTAssertEqual(file.dataSetOffset, dataSetStart(transferSyntax: UID.explicitLE))
        XCTAssertEqual(dataSetStart(transferSyntax: UID.implicitLE), 234)
        XCTAssertEqual(dataSetStart(transferSyntax: UID.deflated), 238)
        XCTAssertEqual(file.declaredTransferSyntaxUID, UID.explicitLE)
        XCTAssertEqual(file.transferSyntax, .explicitVRLittleEndian)
        XCTAssertEqual(file.fileMeta?.uid(.mediaStorageSOPClassUID), UID.ctImage)
        XCTAssertEqual(file.fileMeta?.uid(.mediaStorageSOPInstanceUID), "1.2.3.4")
        // 14 (version) + 34 (SOP class) + 16 (SOP instance) + 28 (transfer syntax, 19 characters + NUL)
        XCTAssertEqual(file.fileMeta?.int(.fileMetaInformationGroupLength), 92)
        XCTAssertEqual(file.dataSetOffset, 132 + 12 + 92)
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality, .patientName])
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
        XCTAssertEqual(file.dataSet.string(.patientName), "DOE^JOHN")
        XCTAssertEqual(file.dataSet.element(.patientName)?.headerOffset, file.dataSetOffset + 10)
        XCTAssertEqual(file.warnings, [])
        XCTAssertNil(file.damage)
        XCTAssertTrue(file.isComplete)
    }

    func testRawImplicitLittleEndianDataSetIsGuessed() throws {
        let bytes = implicitLE(.modality, "MR")                                // (0008,0060) len 2  MR
            + implicitLE(.patientID, "ID01")                                   // (0010,0020) len 4  ID01
            + implicitLE(.rows, u16(512))                                      // (0028,0010) len 2  512
        let file = try read(bytes)

        XCTAssertFalse(file.hasPreamble)
        XCTAssertNil(file.fileMeta)
        XCTAssertEqual(file.dataSetOffset, 0)
        XCTAssertEqual(file.transferSyntax, .implicitVRLittleEndian)
        XCTAssertFalse(file.dataSet.isExplicitVR)
        XCTAssertEqual(file.dataSet.element(.rows)?.vr, .US, "VR from the dictionary")
        XCTAssertEqual(file.dataSet.int(.rows), 512)
        XCTAssertEqual(file.dataSet.string(.patientID), "ID01")
        XCTAssertEqual(file.warnings, [])
    }

    func testRawExplicitLittleEndianDataSetIsGuessed() throws {
        let bytes = explicitLE(.modality, "CS", "MR")                          // (0008,0060) CS 2  MR
            + explicitLE(.rows, "US", u16(256))                                // (0028,0010) US 2  256
        let file = try read(bytes)

        XCTAssertEqual(file.transferSyntax, .explicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.string(.modality), "MR")
        XCTAssertEqual(file.dataSet.int(.rows), 256)
        XCTAssertEqual(file.dataSet.element(.rows)?.headerOffset, 10)
    }

    func testRawExplicitBigEndianDataSetIsGuessed() throws {
        let bytes = explicitBE(.modality, "CS", "US")                          // (0008,0060) CS 2  US
            + explicitBE(.rows, "US", u16(0x0102, .bigEndian))                 // (0028,0010) US 2  258
        let file = try read(bytes)

        XCTAssertEqual(file.transferSyntax, .explicitVRBigEndian)
        XCTAssertEqual(file.dataSet.byteOrder, .bigEndian)
        XCTAssertEqual(file.dataSet.string(.modality), "US")
        XCTAssertEqual(file.dataSet.int(.rows), 258)
    }

    func testRawImplicitBigEndianDataSetIsReadAndLabelledSo() throws {
        let be = ByteOrder.bigEndian
        let bytes = tagBytes(.modality, be) + u32(2, be) + ascii("CT")         // (0008,0060) len 2  CT
            + tagBytes(.rows, be) + u32(2, be) + u16(300, be)                  // (0028,0010) len 2  300
        let file = try read(bytes)

        XCTAssertEqual(file.dataSet.byteOrder, .bigEndian)
        XCTAssertFalse(file.dataSet.isExplicitVR)
        XCTAssertEqual(file.dataSet.int(.rows), 300)
        XCTAssertEqual(file.transferSyntax.byteOrder, .bigEndian, "no standard syntax, but the encoding as read")
        XCTAssertFalse(file.transferSyntax.isExplicitVR)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 0, message: "implicit VR big endian: no transfer syntax has this encoding")])
    }

    func testFileMetaWithoutPreambleIsRead() throws {
        let bytes = metaGroup(metaElements(transferSyntax: UID.explicitLE))   // group 0002 at offset 0
            + explicitLE(.modality, "CS", "OT")                                // (0008,0060) CS 2  OT
        let file = try read(bytes)

        XCTAssertFalse(file.hasPreamble)
        XCTAssertEqual(file.declaredTransferSyntaxUID, UID.explicitLE)
        XCTAssertEqual(file.dataSetOffset, bytes.count - 10)
        XCTAssertEqual(file.dataSet.string(.modality), "OT")
        XCTAssertEqual(warnings(file, at: 0), ["file meta information without the 128-byte preamble"])
    }

    func testDICMAtOffsetZeroIsReadAsPrefix() throws {
        let bytes = ascii("DICM")                                              // magic, no preamble
            + metaGroup(metaElements(transferSyntax: UID.implicitLE))          // group 0002 at offset 4
            + implicitLE(.modality, "SR")                                      // (0008,0060) len 2  SR
        let file = try read(bytes)

        XCTAssertFalse(file.hasPreamble)
        XCTAssertEqual(file.fileMeta?.elements.first?.headerOffset, 4)
        XCTAssertEqual(file.transferSyntax, .implicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.string(.modality), "SR")
        XCTAssertEqual(warnings(file, at: 0), ["DICM prefix without the 128-byte preamble"])
    }

    func testRawDataSetsRefusedWhenNotAllowed() {
        var options = ParseOptions()
        options.allowRawDataSets = false
        let bytes = explicitLE(.modality, "CS", "MR")                          // (0008,0060) CS 2  MR
        let error = readError(bytes, options)
        XCTAssertEqual(error?.offset, 128)
        XCTAssertEqual(error?.kind, .notDICOM(reason: "no DICM prefix at offset 128"))
    }

    func testPreambleContentIsIgnored() throws {
        var bytes = part10(transferSyntax: UID.explicitLE,
                           dataSet: explicitLE(.modality, "CS", "CT"))         // (0008,0060) CS 2  CT
        for i in 0..<128 { bytes[i] = UInt8(i) }                               // a TIFF-like preamble
        let file = try read(bytes)
        XCTAssertTrue(file.hasPreamble)
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
    }
}
