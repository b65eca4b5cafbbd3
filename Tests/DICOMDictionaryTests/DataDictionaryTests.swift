import DICOMCore
import DICOMDictionary
import XCTest

final class DataDictionaryTests: XCTestCase {
    // MARK: Fixed tags

    func testPatientNameIsPNWithNameAndVM() throws {
        let entry = try XCTUnwrap(DataDictionary.entry(for: .patientName))
        XCTAssertEqual(entry.tag, Tag(0x0010_0010))
        XCTAssertEqual(entry.keyword, "PatientName")
        XCTAssertEqual(entry.name, "Patient's Name")
        XCTAssertEqual(entry.vr, .PN)
        XCTAssertNil(entry.alternateVR)
        XCTAssertEqual(entry.vm, "1")
        XCTAssertFalse(entry.isRetired)
        XCTAssertEqual(DataDictionary.vr(for: .patientName), .PN)
    }

    func testPixelDataIsOBOrOW() throws {
        let entry = try XCTUnwrap(DataDictionary.entry(for: .pixelData))
        XCTAssertEqual(entry.keyword, "PixelData")
        XCTAssertEqual(entry.vr, .OB)
        XCTAssertEqual(entry.alternateVR, .OW)
        XCTAssertEqual(DataDictionary.vr(for: .pixelData), .OB)
    }

    func testAmbiguousVRsGiveFirstAsVRAndSecondAsAlternate() throws {
        let smallest = try XCTUnwrap(DataDictionary.entry(for: Tag(0x0028_0106)))
        XCTAssertEqual(smallest.keyword, "SmallestImagePixelValue")
        XCTAssertEqual(smallest.vr, .US)
        XCTAssertEqual(smallest.alternateVR, .SS)

        let lutData = try XCTUnwrap(DataDictionary.entry(for: Tag(0x0028_3006)))
        XCTAssertEqual(lutData.vr, .US)
        XCTAssertEqual(lutData.alternateVR, .OW)
        XCTAssertEqual(lutData.vm, "1-n")

        // "US or SS or OW": the first two are kept.
        let grayLUT = try XCTUnwrap(DataDictionary.entry(for: Tag(0x0028_1200)))
        XCTAssertEqual(grayLUT.vr, .US)
        XCTAssertEqual(grayLUT.alternateVR, .SS)
        XCTAssertTrue(grayLUT.isRetired)
    }

    func testCommonTagsHaveTheirStandardVRs() {
        let expected: [(UInt32, VR)] = [
            (0x0002_0010, .UI), // Transfer Syntax UID
            (0x0008_0005, .CS), // Specific Character Set
            (0x0008_0020, .DA), // Study Date
            (0x0008_0030, .TM), // Study Time
            (0x0008_1140, .SQ), // Referenced Image Sequence
            (0x0020_0013, .IS), // Instance Number
            (0x0020_0020, .CS), // Patient Orientation
            (0x0028_0010, .US), // Rows
            (0x0028_0030, .DS), // Pixel Spacing
            (0x0008_2111, .ST), // Derivation Description
            (0xFFFC_FFFC, .OB), // Data Set Trailing Padding
        ]
        for (raw, vr) in expected {
            XCTAssertEqual(DataDictionary.vr(for: Tag(raw)), vr, "\(Tag(raw))")
        }
    }

    func testRetiredElementIsFlagged() throws {
        let entry = try XCTUnwrap(DataDictionary.entry(for: Tag(0x0008_0040)))
        XCTAssertEqual(entry.keyword, "DataSetType")
        XCTAssertEqual(entry.vr, .US)
        XCTAssertTrue(entry.isRetired)
    }

    func testRetiredElementWithoutKeywordHasEntryButNoKeyword() throws {
        let entry = try XCTUnwrap(DataDictionary.entry(for: Tag(0x0018_0061)))
        XCTAssertEqual(entry.keyword, "")
        XCTAssertEqual(entry.vr, .DS)
        XCTAssertTrue(entry.isRetired)
        XCTAssertNil(DataDictionary.keyword(for: Tag(0x0018_0061)))
        XCTAssertNil(DataDictionary.tag(forKeyword: ""))
    }

    func testItemAndDelimitersAreKnownWithVRUN() throws {
        let cases: [(Tag, String)] = [
            (.item, "Item"),
            (.itemDelimitationItem, "ItemDelimitationItem"),
            (.sequenceDelimitationItem, "SequenceDelimitationItem"),
        ]
        for (tag, keyword) in cases {
            let entry = try XCTUnwrap(DataDictionary.entry(for: tag))
            XCTAssertEqual(entry.keyword, keyword)
            XCTAssertEqual(entry.vr, .UN)
            XCTAssertEqual(DataDictionary.tag(forKeyword: keyword), tag)
        }
    }

    // MARK: Repeating groups

    func testOverlayDataResolvesInEveryEvenOverlayGroup() throws {
        for group: UInt16 in [0x6000, 0x6002, 0x601E] {
            let tag = Tag(group: group, element: 0x3000)
            let entry = try XCTUnwrap(DataDictionary.entry(for: tag), "\(tag)")
            XCTAssertEqual(entry.tag, tag)
            XCTAssertEqual(entry.keyword, "OverlayData")
            XCTAssertEqual(entry.name, "Overlay Data")
            XCTAssertEqual(entry.vr, .OB)
            XCTAssertEqual(entry.alternateVR, .OW)
            XCTAssertFalse(entry.isRetired)
        }
        XCTAssertEqual(DataDictionary.vr(for: Tag(0x6000_0010)), .US) // Overlay Rows
        XCTAssertEqual(DataDictionary.vr(for: Tag(0x6000_0050)), .SS) // Overlay Origin
    }

    func testOddOverlayGroupIsPrivateNotOverlay() {
        XCTAssertNil(DataDictionary.entry(for: Tag(0x6001_3000)))
        XCTAssertEqual(DataDictionary.vr(for: Tag(0x6001_3000)), .UN)
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x6001_0010)), "PrivateCreator")
    }

    func testCurveAndVariablePixelDataRepeaters() throws {
        let curve = try XCTUnwrap(DataDictionary.entry(for: Tag(0x5004_3000)))
        XCTAssertEqual(curve.keyword, "CurveData")
        XCTAssertTrue(curve.isRetired)
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x7F00_0010)), "VariablePixelData")
        // The fixed row wins over the 7Fxx mask.
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x7FE0_0010)), "PixelData")
    }

    func testElementMaskRepeaters() {
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x1000_0010)), "EscapeTriplet")
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x1000_0011)), "RunLengthTriplet")
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x1000_FFF5)), "ShiftTableTriplet")
        XCTAssertNil(DataDictionary.keyword(for: Tag(0x1000_0016)))
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x1010_1234)), "ZonalMap")
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x0020_31AB)), "SourceImageIDs")
        // (0028,0400) has its own row; (0028,0410) falls to the (0028,04x0) mask.
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x0028_0400)), "TransformLabel")
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x0028_0410)), "RowsForNthOrderCoefficients")
    }

    // MARK: Rule-based entries

    func testGroupLengthOfAnyGroupIsUL() throws {
        let generic = try XCTUnwrap(DataDictionary.entry(for: Tag(0x0008_0000)))
        XCTAssertEqual(generic.keyword, "GenericGroupLength")
        XCTAssertEqual(generic.name, "Generic Group Length")
        XCTAssertEqual(generic.vr, .UL)
        XCTAssertEqual(generic.tag, Tag(0x0008_0000))
        XCTAssertEqual(DataDictionary.vr(for: Tag(0x0029_0000)), .UL)
        XCTAssertEqual(DataDictionary.vr(for: Tag(0x6000_0000)), .UL)
        // Groups with their own row keep it.
        XCTAssertEqual(DataDictionary.keyword(for: .fileMetaInformationGroupLength),
                       "FileMetaInformationGroupLength")
        XCTAssertEqual(DataDictionary.keyword(for: Tag(0x0000_0000)), "CommandGroupLength")
    }

    func testPrivateCreatorIsLO() throws {
        let entry = try XCTUnwrap(DataDictionary.entry(for: Tag(0x0009_0010)))
        XCTAssertEqual(entry.keyword, "PrivateCreator")
        XCTAssertEqual(entry.name, "Private Creator")
        XCTAssertEqual(entry.vr, .LO)
        XCTAssertEqual(entry.tag, Tag(0x0009_0010))
        XCTAssertEqual(DataDictionary.vr(for: Tag(0x0029_00FF)), .LO)
    }

    func testUnknownPrivateDataElementIsNilAndUN() {
        for raw: UInt32 in [0x0029_1010, 0x0009_0001, 0x0009_0100, 0x7FE1_1010] {
            XCTAssertNil(DataDictionary.entry(for: Tag(raw)), "\(Tag(raw))")
            XCTAssertNil(DataDictionary.keyword(for: Tag(raw)), "\(Tag(raw))")
            XCTAssertEqual(DataDictionary.vr(for: Tag(raw)), .UN, "\(Tag(raw))")
        }
    }

    func testUnknownPublicTagIsNilAndUN() {
        XCTAssertNil(DataDictionary.entry(for: Tag(0x0010_0011)))
        XCTAssertEqual(DataDictionary.vr(for: Tag(0x0010_0011)), .UN)
        XCTAssertEqual(DataDictionary.vr(for: Tag(0xFFFF_FFFF)), .UN)
    }

    // MARK: Keywords

    func testKeywordLookupsBothWays() {
        XCTAssertEqual(DataDictionary.tag(forKeyword: "PatientName"), .patientName)
        XCTAssertEqual(DataDictionary.tag(forKeyword: "PixelData"), .pixelData)
        XCTAssertEqual(DataDictionary.tag(forKeyword: "TransferSyntaxUID"), .transferSyntaxUID)
        XCTAssertEqual(DataDictionary.keyword(for: .studyInstanceUID), "StudyInstanceUID")
        XCTAssertEqual(DataDictionary.keyword(for: .sopClassUID), "SOPClassUID")
    }

    func testRepeaterKeywordGivesLowestTagThatResolvesToIt() {
        XCTAssertEqual(DataDictionary.tag(forKeyword: "OverlayData"), Tag(0x6000_3000))
        XCTAssertEqual(DataDictionary.tag(forKeyword: "CurveData"), Tag(0x5000_3000))
        XCTAssertEqual(DataDictionary.tag(forKeyword: "RowsForNthOrderCoefficients"), Tag(0x0028_0410))
        XCTAssertEqual(DataDictionary.tag(forKeyword: "EscapeTriplet"), Tag(0x1000_0010))
    }

    func testUnknownMiscasedAndRuleKeywordsGiveNil() {
        XCTAssertNil(DataDictionary.tag(forKeyword: "NoSuchKeyword"))
        XCTAssertNil(DataDictionary.tag(forKeyword: "patientname"))
        XCTAssertNil(DataDictionary.tag(forKeyword: "PatientNam"))
        XCTAssertNil(DataDictionary.tag(forKeyword: "PatientNameX"))
        XCTAssertNil(DataDictionary.tag(forKeyword: "GenericGroupLength"))
        XCTAssertNil(DataDictionary.tag(forKeyword: "PrivateCreator"))
    }

    // MARK: Counts

    func testCountsAndEdition() {
        XCTAssertGreaterThan(DataDictionary.fixedTagCount, 4000)
        XCTAssertEqual(DataDictionary.fixedTagCount, 5091)
        XCTAssertEqual(DataDictionary.repeatingEntryCount, 88)
        XCTAssertEqual(DataDictionary.standardEdition, "2024c")
    }
}
