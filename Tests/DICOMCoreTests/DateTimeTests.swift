import XCTest
import DICOMCore

/// DT values (`DICOMDateTime`), UTC offsets, and the FHIR `dateTime` form.
final class DateTimeTests: XCTestCase {
    func testFullValueWithOffset() throws {
        let value = try XCTUnwrap(DICOMDateTime("20010203140438.123456+0100"))
        XCTAssertEqual(value.date, DICOMDate(year: 2001, month: 2, day: 3))
        XCTAssertEqual(value.time, DICOMTime(hour: 14, minute: 4, second: 38, fractionDigits: "123456"))
        XCTAssertEqual(value.utcOffset?.minutes, 60)
        XCTAssertEqual(value.iso8601, "2001-02-03T14:04:38.123456+01:00")
        XCTAssertEqual(value.description, "20010203140438.123456+0100")
    }

    func testFHIRFormKeepsDatePrecision() {
        XCTAssertEqual(DICOMDateTime("2001")?.iso8601, "2001")
        XCTAssertEqual(DICOMDateTime("200102")?.iso8601, "2001-02")
        XCTAssertEqual(DICOMDateTime("20010203")?.iso8601, "2001-02-03")
    }

    func testFHIRFormAddsSecondsToTimes() {
        XCTAssertEqual(DICOMDateTime("2001020314")?.iso8601, "2001-02-03T14:00:00")
        XCTAssertEqual(DICOMDateTime("200102031404")?.iso8601, "2001-02-03T14:04:00")
        XCTAssertEqual(DICOMDateTime("20010203140438")?.iso8601, "2001-02-03T14:04:38")
        XCTAssertEqual(DICOMDateTime("200102031404+0100")?.iso8601, "2001-02-03T14:04:00+01:00")
        XCTAssertEqual(DICOMDateTime("200102031404")?.description, "200102031404")
    }

    func testOffsetsOfEverySign() {
        XCTAssertEqual(DICOMDateTime("20010203140438-0530")?.iso8601, "2001-02-03T14:04:38-05:30")
        XCTAssertEqual(DICOMDateTime("20010203140438-0530")?.utcOffset?.minutes, -330)
        XCTAssertEqual(DICOMDateTime("20010203140438+0000")?.iso8601, "2001-02-03T14:04:38+00:00")
        XCTAssertEqual(DICOMDateTime("20010203140438-0000")?.utcOffset, .utc)
        XCTAssertEqual(DICOMDateTime("20010203140438+1400")?.utcOffset?.minutes, 840)
        XCTAssertEqual(DICOMDateTime("20010203140438-1200")?.utcOffset?.minutes, -720)
    }

    func testOffsetAfterReducedDateIsKeptButNotInFHIRForm() throws {
        let value = try XCTUnwrap(DICOMDateTime("2001+0100"))
        XCTAssertEqual(value.utcOffset?.minutes, 60)
        XCTAssertNil(value.time)
        XCTAssertEqual(value.iso8601, "2001")
        XCTAssertEqual(value.description, "2001+0100")
    }

    func testPaddingIsIgnored() {
        XCTAssertEqual(DICOMDateTime(" 20010203140438 ")?.iso8601, "2001-02-03T14:04:38")
        XCTAssertEqual(DICOMDateTime("20010203140438+0100\0")?.iso8601, "2001-02-03T14:04:38+01:00")
    }

    func testInvalidValuesAreNil() {
        for text in ["", "200", "2001020", "200102031", "20010230", "20010203240000", "20010203146000",
                     "20010203140438.", "20010203140438.1234567", "20010203140438+01", "20010203140438+0160",
                     "20010203140438+1401", "20010203140438-1201", "20010203140438+0100+0100",
                     "1997.01.02", "20010203 140438", "20010203T140438", "20010203 14:04:38", "+0100"] {
            XCTAssertNil(DICOMDateTime(text), text)
        }
    }

    func testCombiningStudyDateTimeAndOffset() throws {
        let date = try XCTUnwrap(DICOMDate("20010203"))
        let time = DICOMTime("140438.12")
        let value = DICOMDateTime(date: date, time: time, offset: "+0100")
        XCTAssertEqual(value.iso8601, "2001-02-03T14:04:38.12+01:00")
        XCTAssertEqual(value, DICOMDateTime("20010203140438.12+0100"))
        XCTAssertEqual(DICOMDateTime(date: date, time: time, offset: nil).iso8601, "2001-02-03T14:04:38.12")
        XCTAssertEqual(DICOMDateTime(date: date, time: nil, offset: nil).iso8601, "2001-02-03")
    }

    func testCombiningDropsInvalidOffsetAndTimeWithoutDay() throws {
        let date = try XCTUnwrap(DICOMDate("20010203"))
        XCTAssertNil(DICOMDateTime(date: date, time: DICOMTime("14"), offset: "+25:00").utcOffset)
        XCTAssertEqual(DICOMDateTime(date: date, time: DICOMTime("14"), offset: " -0300 ").utcOffset?.minutes, -180)
        let month = try XCTUnwrap(DICOMDate("200102"))
        XCTAssertNil(DICOMDateTime(date: month, time: DICOMTime("14"), offset: nil).time)
    }

    func testUTCOffsetParsingAndForms() {
        XCTAssertEqual(UTCOffset("+0100")?.minutes, 60)
        XCTAssertEqual(UTCOffset("-0930")?.iso8601, "-09:30")
        XCTAssertEqual(UTCOffset("-0930")?.description, "-0930")
        XCTAssertEqual(UTCOffset("+0545")?.iso8601, "+05:45")
        XCTAssertEqual(UTCOffset.utc.iso8601, "+00:00")
        XCTAssertEqual(UTCOffset(minutes: -90)?.description, "-0130")
        for text in ["", "0100", "+100", "+01:00", "+01000", "+0160", "+1401", "-1201", "Z"] {
            XCTAssertNil(UTCOffset(text), text)
        }
        XCTAssertNil(UTCOffset(minutes: 841))
    }
}
