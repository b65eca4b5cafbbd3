@testable import RecordExport
import XCTest

final class DjangoValuesTests: XCTestCase {
    func testDAValuesBecomeDateFieldValues() {
        XCTAssertEqual(DjangoValues.date("20240312"), .value("2024-03-12"))
        XCTAssertEqual(DjangoValues.date("2024.03.12"), .value("2024-03-12"), "ACR-NEMA form")
        XCTAssertEqual(DjangoValues.date("20240229"), .value("2024-02-29"))
        XCTAssertEqual(DjangoValues.date("00010101"), .value("0001-01-01"))
        XCTAssertEqual(DjangoValues.date(nil), .missing)
        XCTAssertEqual(DjangoValues.date(""), .missing)
    }

    func testPartialOrImpossibleDatesAreInvalidAsRead() {
        for text in ["2024", "202403", "20230229", "20241301", "00000000", "2024-03-12", "12.03.2024", "yesterday"] {
            XCTAssertEqual(DjangoValues.date(text), .invalid(text), text)
        }
    }

    func testTMValuesBecomeTimeFieldValues() {
        XCTAssertEqual(DjangoValues.time("101530"), .value("10:15:30"))
        XCTAssertEqual(DjangoValues.time("1015"), .value("10:15:00"), "minute precision")
        XCTAssertEqual(DjangoValues.time("10"), .value("10:00:00"), "hour precision")
        XCTAssertEqual(DjangoValues.time("10:15"), .value("10:15:00"), "ACR-NEMA form")
        XCTAssertEqual(DjangoValues.time("10:15:30.25"), .value("10:15:30.250000"), "ACR-NEMA form with fraction")
        XCTAssertEqual(DjangoValues.time("101530.5"), .value("10:15:30.500000"))
        XCTAssertEqual(DjangoValues.time("101530.000123"), .value("10:15:30.000123"))
        XCTAssertEqual(DjangoValues.time("101530.000"), .value("10:15:30"), "zero fraction left out, as time.isoformat()")
        XCTAssertEqual(DjangoValues.time("000000"), .value("00:00:00"))
        XCTAssertEqual(DjangoValues.time(nil), .missing)
    }

    func testImpossibleTimesAreInvalidAsRead() {
        for text in ["235960", "2400", "1260", "101530.", "101530.1234567", "10:1", "1015301", "noon"] {
            XCTAssertEqual(DjangoValues.time(text), .invalid(text), text)
        }
    }

    func testLengthCountsUnicodeScalarsAsPythonLen() {
        XCTAssertEqual(DjangoValues.length("山田^太郎"), 5)
        XCTAssertEqual(DjangoValues.length("Jürgen"), 6)
        XCTAssertEqual(DjangoValues.length("Ju\u{308}rgen"), 7, "decomposed ü is two code points")
        XCTAssertEqual(DjangoValues.length("😀"), 1)
    }
}
