import XCTest
import DICOMCore

/// IS and DS values (`parseIS`, `parseDS`).
final class NumberStringTests: XCTestCase {
    func testISAcceptsSignsAndPadding() {
        XCTAssertEqual(parseIS("42"), 42)
        XCTAssertEqual(parseIS("+42"), 42)
        XCTAssertEqual(parseIS("-42"), -42)
        XCTAssertEqual(parseIS("  42 "), 42)
        XCTAssertEqual(parseIS("42\0"), 42)
        XCTAssertEqual(parseIS("007"), 7)
        XCTAssertEqual(parseIS("-0"), 0)
        XCTAssertEqual(parseIS(Substring(" 12\\13").prefix(3)), 12)
    }

    func testISRangeIsThirtyTwoBits() {
        XCTAssertEqual(parseIS("2147483647"), 2_147_483_647)
        XCTAssertEqual(parseIS("-2147483648"), -2_147_483_648)
        XCTAssertEqual(parseIS("+0002147483647"), 2_147_483_647)
        XCTAssertNil(parseIS("2147483648"))
        XCTAssertNil(parseIS("-2147483649"))
        XCTAssertNil(parseIS("99999999999999999999999"))
    }

    func testISRejectsNonIntegers() {
        for text in ["", " ", "+", "-", "1.0", "1e3", "1 2", "+-1", "--1", "0x10", "١٢", "12a", "\01"] {
            XCTAssertNil(parseIS(text), text)
        }
    }

    func testISFromBytes() {
        let bytes: [UInt8] = Array("1\\ 22 \\-3".utf8)
        let values = splitValues(of: bytes[...], vr: .IS).map { parseIS(bytes: bytes[$0]) }
        XCTAssertEqual(values, [1, 22, -3])
    }

    func testDSAcceptsFixedAndFloatingPoint() {
        XCTAssertEqual(parseDS("1.5"), 1.5)
        XCTAssertEqual(parseDS("-1.5"), -1.5)
        XCTAssertEqual(parseDS("+1.5"), 1.5)
        XCTAssertEqual(parseDS("  1.5E-3 "), 0.0015)
        XCTAssertEqual(parseDS("1.5e3"), 1500)
        XCTAssertEqual(parseDS("2E+2"), 200)
        XCTAssertEqual(parseDS(".5"), 0.5)
        XCTAssertEqual(parseDS("5."), 5)
        XCTAssertEqual(parseDS("-.5"), -0.5)
        XCTAssertEqual(parseDS("42"), 42)
        XCTAssertEqual(parseDS("0.0\0"), 0)
        XCTAssertEqual(parseDS("-0.3125"), -0.3125)
        XCTAssertEqual(parseDS("1e-400"), 0)
    }

    func testDSRejectsNonNumbers() {
        for text in ["", " ", ".", "+", "-", "E5", ".E5", "1E", "1E+", "1.5.2", "1 .5", "1,5", "0x1p3",
                     "NaN", "nan", "inf", "-inf", "Infinity", "1e999", "-1e999", "1.5f", "1.5 E3", "1e3.5"] {
            XCTAssertNil(parseDS(text), text)
        }
    }

    func testDSFromBytes() {
        let bytes: [UInt8] = Array("0.5\\-1.25E1 ".utf8)
        let values = splitValues(of: bytes[...], vr: .DS).map { parseDS(bytes: bytes[$0]) }
        XCTAssertEqual(values, [0.5, -12.5])
    }
}
