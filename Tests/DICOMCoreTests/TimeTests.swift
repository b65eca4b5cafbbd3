import XCTest
import DICOMCore

/// TM values (`DICOMTime`).
final class TimeTests: XCTestCase {
    private func fields(_ text: String) -> [String?]? {
        DICOMTime(text).map { t in
            [String(t.hour), t.minute.map { String($0) }, t.second.map { String($0) }, t.fractionDigits]
        }
    }

    func testFullTimeWithFraction() throws {
        XCTAssertEqual(fields("140438.123"), ["14", "4", "38", "123"])
        let time = try XCTUnwrap(DICOMTime("140438.123"))
        XCTAssertEqual(time.microsecond, 123_000)
        XCTAssertEqual(time.iso8601, "14:04:38.123")
        XCTAssertEqual(time.description, "140438.123")
    }

    func testSixFractionDigitsAreMicroseconds() {
        XCTAssertEqual(DICOMTime("235959.999999")?.microsecond, 999_999)
        XCTAssertEqual(DICOMTime("000000.000001")?.microsecond, 1)
        XCTAssertEqual(DICOMTime("000000.5")?.microsecond, 500_000)
        XCTAssertEqual(DICOMTime("000000.5")?.iso8601, "00:00:00.5")
        XCTAssertNil(DICOMTime("000000")?.microsecond)
        XCTAssertNil(DICOMTime("000000.1234567"))
    }

    func testReducedPrecisionKeepsPrecision() {
        XCTAssertEqual(fields("14"), ["14", nil, nil, nil])
        XCTAssertEqual(fields("1404"), ["14", "4", nil, nil])
        XCTAssertEqual(fields("140438"), ["14", "4", "38", nil])
        XCTAssertEqual(DICOMTime("14")?.iso8601, "14")
        XCTAssertEqual(DICOMTime("1404")?.iso8601, "14:04")
        XCTAssertEqual(DICOMTime("140438")?.iso8601, "14:04:38")
        XCTAssertEqual(DICOMTime("14")?.iso8601WithSeconds, "14:00:00")
        XCTAssertEqual(DICOMTime("1404")?.iso8601WithSeconds, "14:04:00")
        XCTAssertEqual(DICOMTime("140438.1")?.iso8601WithSeconds, "14:04:38.1")
    }

    func testLegacyColonFormParses() {
        XCTAssertEqual(fields("14:04:38"), ["14", "4", "38", nil])
        XCTAssertEqual(fields("14:04"), ["14", "4", nil, nil])
        XCTAssertEqual(fields("14:04:38.123456"), ["14", "4", "38", "123456"])
        XCTAssertEqual(DICOMTime("14:04:38")?.description, "140438")
        XCTAssertEqual(DICOMTime("14:04:38")?.iso8601, "14:04:38")
        XCTAssertNil(DICOMTime("14:04:"))
        XCTAssertNil(DICOMTime("14:0438"))
        XCTAssertNil(DICOMTime("14:04.38"))
        XCTAssertNil(DICOMTime("14:04:38:00"))
    }

    func testLeapSecondIsAllowed() {
        XCTAssertEqual(fields("235960"), ["23", "59", "60", nil])
        XCTAssertNil(DICOMTime("235961"))
    }

    func testOutOfRangeFieldsAreNil() {
        XCTAssertNil(DICOMTime("24"))
        XCTAssertNil(DICOMTime("2400"))
        XCTAssertNil(DICOMTime("1260"))
        XCTAssertNil(DICOMTime("12:60:00"))
        XCTAssertEqual(fields("000000"), ["0", "0", "0", nil])
    }

    func testPaddingIsIgnored() {
        XCTAssertEqual(fields(" 140438 "), ["14", "4", "38", nil])
        XCTAssertEqual(fields("140438.1\0"), ["14", "4", "38", "1"])
    }

    func testMalformedTextIsNil() {
        for text in ["", "1", "140", "14043", "1404388", "140438.", "1404.5", "14.5", "140438.12a",
                     "14 04", "-14", "14h04", "140438,5"] {
            XCTAssertNil(DICOMTime(text), text)
        }
    }

    func testFieldInitValidates() {
        XCTAssertNotNil(DICOMTime(hour: 14, minute: 4, second: 38, fractionDigits: "1"))
        XCTAssertNil(DICOMTime(hour: 14, minute: nil, second: 38))
        XCTAssertNil(DICOMTime(hour: 14, minute: 4, second: nil, fractionDigits: "1"))
        XCTAssertNil(DICOMTime(hour: 14, minute: 4, second: 38, fractionDigits: ""))
        XCTAssertNil(DICOMTime(hour: 14, minute: 4, second: 38, fractionDigits: "1x"))
    }
}
