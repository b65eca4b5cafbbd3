import XCTest
import DICOMCore

/// DA values (`DICOMDate`) and DA range matching (`DICOMDateRange`).
final class DateTests: XCTestCase {
    private func fields(_ text: String) -> [Int?]? {
        DICOMDate(text).map { [$0.year, $0.month, $0.day] }
    }

    func testFullDateParsesYearMonthDay() {
        XCTAssertEqual(fields("20010203"), [2001, 2, 3])
        XCTAssertEqual(DICOMDate("20010203")?.iso8601, "2001-02-03")
        XCTAssertEqual(DICOMDate("20010203")?.description, "20010203")
    }

    func testLegacyACRNEMADotFormParses() {
        XCTAssertEqual(fields("1997.01.02"), [1997, 1, 2])
        XCTAssertEqual(DICOMDate("1997.01.02")?.iso8601, "1997-01-02")
        XCTAssertEqual(DICOMDate("1997.01.02")?.description, "19970102")
        XCTAssertNil(DICOMDate("1997.13.02"))
        XCTAssertNil(DICOMDate("1997-01-02"))
        XCTAssertNil(DICOMDate("1997.01"))
        XCTAssertNil(DICOMDate("1997.1.02."))
    }

    func testReducedPrecisionKeepsPrecision() {
        XCTAssertEqual(fields("2001"), [2001, nil, nil])
        XCTAssertEqual(fields("200102"), [2001, 2, nil])
        XCTAssertEqual(DICOMDate("2001")?.iso8601, "2001")
        XCTAssertEqual(DICOMDate("200102")?.iso8601, "2001-02")
        XCTAssertEqual(DICOMDate("200102")?.description, "200102")
        XCTAssertEqual(DICOMDate("200102")?.isComplete, false)
        XCTAssertEqual(DICOMDate("20010203")?.isComplete, true)
    }

    func testPaddingIsIgnored() {
        XCTAssertEqual(fields(" 20010203 "), [2001, 2, 3])
        XCTAssertEqual(fields("20010203\0"), [2001, 2, 3])
        XCTAssertEqual(DICOMDate(bytes: ArraySlice(Array("20010203 ".utf8))), DICOMDate(year: 2001, month: 2, day: 3))
    }

    func testInvalidDaysAreNil() {
        XCTAssertNil(DICOMDate("20010230"))
        XCTAssertNil(DICOMDate("20010229"))  // 2001 is not a leap year
        XCTAssertNil(DICOMDate("19000229"))  // divisible by 100, not by 400
        XCTAssertNil(DICOMDate("20010431"))
        XCTAssertNil(DICOMDate("20010100"))
        XCTAssertNil(DICOMDate("20010001"))
        XCTAssertNil(DICOMDate("20011301"))
        XCTAssertNil(DICOMDate("00000000"))
        XCTAssertNil(DICOMDate("0000"))
    }

    func testLeapDaysAreValid() {
        XCTAssertEqual(fields("20000229"), [2000, 2, 29])  // divisible by 400
        XCTAssertEqual(fields("20040229"), [2004, 2, 29])
        XCTAssertEqual(fields("20011231"), [2001, 12, 31])
        XCTAssertEqual(fields("00010101"), [1, 1, 1])
        XCTAssertEqual(DICOMDate("00010101")?.iso8601, "0001-01-01")
    }

    func testMalformedTextIsNil() {
        for text in ["", " ", "2001020", "200102031", "2001-02-03", "2001020a", "+2001020", "20010203T",
                     "２００１０２０３", "2001 0203"] {
            XCTAssertNil(DICOMDate(text), text)
        }
    }

    func testFieldInitValidates() {
        XCTAssertNotNil(DICOMDate(year: 2001, month: 2, day: 28))
        XCTAssertNil(DICOMDate(year: 2001, month: nil, day: 3))
        XCTAssertNil(DICOMDate(year: 10000))
        XCTAssertNil(DICOMDate(year: 2001, month: 2, day: 29))
        XCTAssertEqual(DICOMDate.daysIn(month: 2, year: 2024), 29)
        XCTAssertEqual(DICOMDate.daysIn(month: 13, year: 2024), 0)
    }

    func testOrderingPutsReducedPrecisionFirst() {
        let dates = ["20010101", "2001", "200101", "20001231"].compactMap { DICOMDate($0) }
        XCTAssertEqual(dates.sorted().map(\.description), ["20001231", "2001", "200101", "20010101"])
    }

    // MARK: Ranges

    func testClosedRangeParsesBothBounds() throws {
        let range = try XCTUnwrap(DICOMDateRange("20010101-20011231"))
        XCTAssertEqual(range.lower, DICOMDate(year: 2001, month: 1, day: 1))
        XCTAssertEqual(range.upper, DICOMDate(year: 2001, month: 12, day: 31))
        XCTAssertEqual(range.description, "20010101-20011231")
        XCTAssertTrue(range.contains(try XCTUnwrap(DICOMDate("20010615"))))
        XCTAssertTrue(range.contains(try XCTUnwrap(DICOMDate("20010101"))))
        XCTAssertTrue(range.contains(try XCTUnwrap(DICOMDate("20011231"))))
        XCTAssertFalse(range.contains(try XCTUnwrap(DICOMDate("20020101"))))
        XCTAssertFalse(range.contains(try XCTUnwrap(DICOMDate("20001231"))))
        XCTAssertEqual(DICOMDateRange("1997.01.02-1997.02.03")?.description, "19970102-19970203")
    }

    func testOpenRangesHaveOneBound() throws {
        let after = try XCTUnwrap(DICOMDateRange("20010101-"))
        XCTAssertNil(after.upper)
        XCTAssertEqual(after.description, "20010101-")
        XCTAssertTrue(after.contains(try XCTUnwrap(DICOMDate("99991231"))))
        XCTAssertFalse(after.contains(try XCTUnwrap(DICOMDate("20001231"))))
        let before = try XCTUnwrap(DICOMDateRange("-20011231"))
        XCTAssertNil(before.lower)
        XCTAssertEqual(before.description, "-20011231")
        XCTAssertTrue(before.contains(try XCTUnwrap(DICOMDate("19000101"))))
    }

    func testSingleDateIsOneDayRange() throws {
        let range = try XCTUnwrap(DICOMDateRange(" 20010203 "))
        XCTAssertEqual(range.lower, range.upper)
        XCTAssertTrue(range.contains(try XCTUnwrap(DICOMDate("20010203"))))
        XCTAssertFalse(range.contains(try XCTUnwrap(DICOMDate("20010204"))))
    }

    func testReducedPrecisionBoundsCoverWholePeriod() throws {
        let range = try XCTUnwrap(DICOMDateRange("2001-200102"))
        XCTAssertTrue(range.contains(try XCTUnwrap(DICOMDate("20010101"))))
        XCTAssertTrue(range.contains(try XCTUnwrap(DICOMDate("20010228"))))
        XCTAssertFalse(range.contains(try XCTUnwrap(DICOMDate("20010301"))))
        XCTAssertTrue(range.contains(try XCTUnwrap(DICOMDate("200102"))))
        XCTAssertFalse(range.contains(try XCTUnwrap(DICOMDate("2001"))))
    }

    func testInvalidRangesAreNil() {
        for text in ["", "-", "20011231-20010101", "20010101-20011231-", "20010230-20011231", "x-20010101"] {
            XCTAssertNil(DICOMDateRange(text), text)
        }
    }
}
