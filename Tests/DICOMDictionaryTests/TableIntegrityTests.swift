import DICOMCore
@testable import DICOMDictionary
import XCTest

/// Checks the generated tables as a whole, so a generator change that breaks an invariant the
/// lookups rely on fails here rather than as a wrong answer somewhere else.
final class TableIntegrityTests: XCTestCase {
    func testPerEntryTablesHaveOneElementPerEntry() {
        let count = ElementTables.entryCount
        XCTAssertEqual(count, ElementTables.fixedCount + ElementTables.repeaterCount + 2)
        XCTAssertEqual(ElementTables.tags.count, ElementTables.fixedCount)
        XCTAssertEqual(ElementTables.repeaterMasks.count, ElementTables.repeaterCount)
        XCTAssertEqual(ElementTables.repeaterValues.count, ElementTables.repeaterCount)
        XCTAssertEqual(ElementTables.repeaterCanonicalTags.count, ElementTables.repeaterCount)
        XCTAssertEqual(ElementTables.vrCodes.count, count)
        XCTAssertEqual(ElementTables.alternateVRCodes.count, count)
        XCTAssertEqual(ElementTables.vmCodes.count, count)
        XCTAssertEqual(ElementTables.retiredFlags.count, count)
        XCTAssertEqual(ElementTables.keywordStarts.count, count + 1)
        XCTAssertEqual(ElementTables.nameStarts.count, count + 1)
        XCTAssertEqual(Int(ElementTables.keywordStarts.last!) - 1, ElementTables.keywords.utf8CodeUnitCount)
        XCTAssertEqual(Int(ElementTables.nameStarts.last!) - 1, ElementTables.names.utf8CodeUnitCount)
    }

    func testFixedTagsAreStrictlyAscending() {
        let tags = ElementTables.tags
        for i in 1..<tags.count {
            XCTAssertLessThan(tags[i - 1], tags[i], "at \(i)")
        }
    }

    func testEveryKeywordRoundTrips() {
        var seen = 0
        for index in ElementTables.keywordOrder.map(Int.init) {
            let keyword = DataDictionary.keywords.string(index)
            guard let tag = DataDictionary.tag(forKeyword: keyword) else {
                XCTFail("no tag for \(keyword)")
                continue
            }
            XCTAssertEqual(DataDictionary.keyword(for: tag), keyword)
            XCTAssertEqual(DataDictionary.entry(for: tag)?.keyword, keyword)
            seen += 1
        }
        XCTAssertGreaterThan(seen, 5000)
    }

    func testEveryFixedTagResolvesToItsOwnRow() {
        for (index, raw) in ElementTables.tags.enumerated() {
            XCTAssertEqual(DataDictionary.index(of: raw), index)
        }
    }

    func testEveryUIDRoundTrips() {
        XCTAssertEqual(UIDTables.uidStarts.count, UIDTables.count + 1)
        XCTAssertEqual(UIDTables.nameStarts.count, UIDTables.count + 1)
        XCTAssertEqual(UIDTables.keywordStarts.count, UIDTables.count + 1)
        XCTAssertEqual(UIDTables.typeCodes.count, UIDTables.count)
        XCTAssertEqual(UIDTables.retiredFlags.count, UIDTables.count)
        for index in 0..<UIDTables.count {
            let uid = UIDDictionary.uids.string(index)
            XCTAssertEqual(UIDDictionary.index(of: uid), index, uid)
        }
    }

    func testComparisonIsBytewise() {
        XCTAssertEqual(PackedLines.compare(Array("a".utf8), Array("b".utf8)), -1)
        XCTAssertEqual(PackedLines.compare(Array("ab".utf8), Array("a".utf8)), 1)
        XCTAssertEqual(PackedLines.compare(Array("".utf8), Array("".utf8)), 0)
        XCTAssertEqual(PackedLines.compare(Array("Z".utf8), Array("a".utf8)), -1)
    }
}
