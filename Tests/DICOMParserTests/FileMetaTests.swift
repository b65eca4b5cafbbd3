import DICOMCore
import DICOMParser
import XCTest

/// File meta information (group 0002): the group length, its VR encoding and the Transfer
/// Syntax UID, and what the reader does when they are missing or wrong.
final class FileMetaTests: XCTestCase {
    /// (0008,0060) CS 2 CT, then (0010,0020) LO 4 ID01, explicit VR little endian.
    private let explicitDataSet = explicitLE(.modality, "CS", "CT") + explicitLE(.patientID, "LO", "ID01")

    func testMissingGroupLengthIsToleratedWithWarning() throws {
        let bytes = preambleAndMagic
            + metaElements(transferSyntax: UID.explicitLE)                     // no (0002,0000)
            + explicitDataSet
        let file = try read(bytes)

        XCTAssertNil(file.fileMeta?.element(.fileMetaInformationGroupLength))
        XCTAssertEqual(file.declaredTransferSyntaxUID, UID.explicitLE)
        XCTAssertEqual(file.dataSetOffset, 132 + 92)
        XCTAssertEqual(file.dataSet.string(.patientID), "ID01")
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 132, tag: .fileMetaInformationGroupLength,
                                                   message: "file meta information has no group length")])
    }

    func testGroupLengthTooShortIsIgnoredWithWarning() throws {
        let bytes = preambleAndMagic
            + explicitLE(.fileMetaInformationGroupLength, "UL", u32(50))       // (0002,0000) UL 4  50 (really 92)
            + metaElements(transferSyntax: UID.explicitLE)
            + explicitDataSet
        let file = try read(bytes)

        XCTAssertEqual(file.dataSetOffset, 132 + 12 + 92, "the meta ends where group 0002 ends")
        XCTAssertEqual(file.fileMeta?.uid(.transferSyntaxUID), UID.explicitLE)
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
        XCTAssertEqual(warnings(file, at: 132), ["group length says the file meta ends at 194, it ends at 236"])
    }

    func testGroupLengthTooLongIsIgnoredWithWarning() throws {
        let bytes = preambleAndMagic
            + explicitLE(.fileMetaInformationGroupLength, "UL", u32(200))      // (0002,0000) UL 4  200 (really 92)
            + metaElements(transferSyntax: UID.explicitLE)
            + explicitDataSet
        let file = try read(bytes)

        XCTAssertEqual(file.dataSetOffset, 236)
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality, .patientID])
        XCTAssertEqual(warnings(file, at: 132), ["group length says the file meta ends at 344, it ends at 236"])
    }

    func testMetaInImplicitVRIsRead() throws {
        let meta = implicitLE(Tag(0x0002_0001), [0x00, 0x01])                  // (0002,0001) len 2  00 01
            + implicitLE(.mediaStorageSOPInstanceUID, uidValue("1.2.3.4"))     // (0002,0003) len 8  1.2.3.4
            + implicitLE(.transferSyntaxUID, uidValue(UID.explicitLE))         // (0002,0010) len 20 explicit LE
        let bytes = preambleAndMagic
            + implicitLE(.fileMetaInformationGroupLength, u32(UInt32(meta.count))) // (0002,0000) len 4  54
            + meta
            + explicitDataSet
        let file = try read(bytes)

        XCTAssertEqual(file.fileMeta?.isExplicitVR, false)
        XCTAssertEqual(file.fileMeta?.element(.transferSyntaxUID)?.vr, .UI)
        XCTAssertEqual(file.fileMeta?.int(.fileMetaInformationGroupLength), 54)
        XCTAssertEqual(file.fileMeta?.uid(.mediaStorageSOPInstanceUID), "1.2.3.4")
        XCTAssertEqual(file.transferSyntax, .explicitVRLittleEndian)
        XCTAssertEqual(file.dataSetOffset, 132 + 12 + 54)
        XCTAssertEqual(file.dataSet.string(.patientID), "ID01")
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 132, message: "file meta information written in implicit VR")])
    }

    func testMissingTransferSyntaxDetectsExplicitLittleEndian() throws {
        let file = try read(part10(meta: metaElements(transferSyntax: nil), dataSet: explicitDataSet))

        XCTAssertNil(file.declaredTransferSyntaxUID)
        XCTAssertEqual(file.transferSyntax, .explicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.string(.patientID), "ID01")
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 132, tag: .transferSyntaxUID,
                                                   message: "file meta information has no Transfer Syntax UID")])
    }

    func testMissingTransferSyntaxDetectsImplicitLittleEndian() throws {
        let dataSet = implicitLE(.modality, "CT")                              // (0008,0060) len 2  CT
            + implicitLE(.columns, u16(64))                                    // (0028,0011) len 2  64
        let file = try read(part10(meta: metaElements(transferSyntax: nil), dataSet: dataSet))

        XCTAssertEqual(file.transferSyntax, .implicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.int(.columns), 64)
    }

    func testMissingTransferSyntaxDetectsExplicitBigEndian() throws {
        let dataSet = explicitBE(.modality, "CS", "CT")                        // (0008,0060) CS 2  CT
            + explicitBE(.columns, "US", u16(64, .bigEndian))                  // (0028,0011) US 2  64
        let file = try read(part10(meta: metaElements(transferSyntax: nil), dataSet: dataSet))

        XCTAssertEqual(file.transferSyntax, .explicitVRBigEndian)
        XCTAssertEqual(file.dataSet.int(.columns), 64)
    }

    func testTransferSyntaxPaddedWithSpaceIsTrimmed() throws {
        let meta = explicitLE(.transferSyntaxUID, "UI", "1.2.840.10008.1.2 ")  // (0002,0010) UI 18 implicit LE + space
        let dataSet = implicitLE(.modality, "CT")                              // (0008,0060) len 2  CT
        let file = try read(part10(meta: meta, dataSet: dataSet))

        XCTAssertEqual(file.declaredTransferSyntaxUID, UID.implicitLE)
        XCTAssertEqual(file.transferSyntax, .implicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
    }

    func testDICMFollowedByDataSetWithoutMeta() throws {
        let bytes = preambleAndMagic + explicitDataSet                         // no group 0002 at all
        let file = try read(bytes)

        XCTAssertEqual(file.fileMeta?.count, 0)
        XCTAssertEqual(file.dataSetOffset, 132)
        XCTAssertEqual(file.transferSyntax, .explicitVRLittleEndian)
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
        XCTAssertEqual(warnings(file, at: 132), ["file meta information has no Transfer Syntax UID"])
    }
}
