import DICOMDictionary
import XCTest

final class UIDDictionaryTests: XCTestCase {
    func testExplicitVRLittleEndian() {
        let uid = "1.2.840.10008.1.2.1"
        XCTAssertEqual(UIDDictionary.name(for: uid), "Explicit VR Little Endian")
        XCTAssertEqual(UIDDictionary.keyword(for: uid), "ExplicitVRLittleEndian")
        XCTAssertEqual(UIDDictionary.type(for: uid), "Transfer Syntax")
        XCTAssertEqual(UIDDictionary.isRetired(uid), false)
    }

    func testSOPClassAndPrefixNeighbours() {
        XCTAssertEqual(UIDDictionary.name(for: "1.2.840.10008.5.1.4.1.1.2"), "CT Image Storage")
        XCTAssertEqual(UIDDictionary.keyword(for: "1.2.840.10008.5.1.4.1.1.2"), "CTImageStorage")
        XCTAssertEqual(UIDDictionary.type(for: "1.2.840.10008.5.1.4.1.1.2"), "SOP Class")
        // "1.2.840.10008.1.2" is a prefix of "1.2.840.10008.1.2.1": both resolve to themselves.
        XCTAssertEqual(UIDDictionary.keyword(for: "1.2.840.10008.1.2"), "ImplicitVRLittleEndian")
        XCTAssertEqual(UIDDictionary.keyword(for: "1.2.840.10008.1.1"), "Verification")
    }

    func testRetiredTransferSyntax() {
        XCTAssertEqual(UIDDictionary.name(for: "1.2.840.10008.1.2.2"), "Explicit VR Big Endian")
        XCTAssertEqual(UIDDictionary.isRetired("1.2.840.10008.1.2.2"), true)
    }

    func testWellKnownFrameOfReference() {
        XCTAssertEqual(UIDDictionary.keyword(for: "1.2.840.10008.1.4.1.1"), "TalairachBrainAtlas")
        XCTAssertEqual(UIDDictionary.type(for: "1.2.840.10008.1.4.1.1"), "Well-known frame of reference")
    }

    func testTrailingNULPaddingIsIgnored() {
        XCTAssertEqual(UIDDictionary.keyword(for: "1.2.840.10008.1.2\0"), "ImplicitVRLittleEndian")
    }

    func testUnknownUIDsGiveNil() {
        for uid in ["", "1.2.3", "1.2.840.10008.1.2.1.", "1.2.840.10008.1.2.1 ", "9"] {
            XCTAssertNil(UIDDictionary.name(for: uid), uid)
            XCTAssertNil(UIDDictionary.keyword(for: uid), uid)
            XCTAssertNil(UIDDictionary.type(for: uid), uid)
            XCTAssertNil(UIDDictionary.isRetired(uid), uid)
        }
    }

    func testRegisteredUIDWithoutNameHasTypeButNoName() {
        let uid = "1.2.840.10008.5.1.4.1.1.40"
        XCTAssertNil(UIDDictionary.name(for: uid))
        XCTAssertNil(UIDDictionary.keyword(for: uid))
        XCTAssertEqual(UIDDictionary.type(for: uid), "SOP Class")
        XCTAssertEqual(UIDDictionary.isRetired(uid), true)
    }

    func testCount() {
        XCTAssertEqual(UIDDictionary.count, 482)
    }
}
