import XCTest
import DICOMCore

/// Padding rules by VR (`trimmedRange`, `trimmed`) and value splitting (`splitValues`).
final class TrimmingTests: XCTestCase {
    /// The text of `bytes[range]`, to compare ranges by what they select.
    private func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func trim(_ value: String, _ vr: VR) -> String {
        let bytes = Array(value.utf8)
        return text(bytes, trimmedRange(of: bytes[...], vr: vr))
    }

    private func split(_ value: String, _ vr: VR) -> [String] {
        let bytes = Array(value.utf8)
        return splitValues(of: bytes[...], vr: vr).map { text(bytes, $0) }
    }

    func testLeadingAndTrailingSpacesTrimmedForCodeAndNumberVRs() {
        for vr: VR in [.AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .SH, .TM] {
            XCTAssertEqual(trim("  A B  ", vr), "A B", "\(vr)")
            XCTAssertEqual(trim("A B\0", vr), "A B", "\(vr)")
            XCTAssertEqual(trim("A B \0", vr), "A B", "\(vr)")
            XCTAssertEqual(trim("    ", vr), "", "\(vr)")
            XCTAssertEqual(trim("\0A", vr), "\0A", "\(vr): a leading NUL is not padding")
        }
    }

    func testTextVRsKeepLeadingSpaces() {
        for vr: VR in [.LT, .ST, .UT, .UC, .PN, .UR] {
            XCTAssertEqual(trim("  text  ", vr), "  text", "\(vr)")
            XCTAssertEqual(trim("text \0", vr), "text", "\(vr)")
            XCTAssertEqual(trim("   ", vr), "", "\(vr)")
        }
    }

    func testUIDTrimsTrailingNULAndSpaces() {
        XCTAssertEqual(trim("1.2.840.10008.1.2\0", .UI), "1.2.840.10008.1.2")
        XCTAssertEqual(trim("1.2.3 ", .UI), "1.2.3")
        XCTAssertEqual(trim("1.2.3\0\0", .UI), "1.2.3")
        XCTAssertEqual(trim(" 1.2.3", .UI), " 1.2.3")
    }

    func testNonStringVRsAreNotTrimmed() {
        for vr: VR in [.OB, .UN, .US, .FD, .SQ, .AT] {
            XCTAssertEqual(trim(" AB\0 ", vr), " AB\0 ", "\(vr)")
        }
    }

    func testRangesUseTheSliceIndices() {
        let bytes: [UInt8] = Array("xx  AB  yy".utf8)
        XCTAssertEqual(trimmedRange(of: bytes[2..<8], vr: .CS), 4..<6)
        XCTAssertEqual(trimmedRange(of: bytes[2..<8], vr: .LT), 2..<6)
        XCTAssertEqual(trimmedRange(of: bytes[3..<3], vr: .CS), 3..<3)
        XCTAssertEqual(splitValues(of: bytes[2..<8], vr: .CS), [4..<6])
    }

    func testMultiValuedVRsSplitOnBackslashAndTrimEachValue() {
        XCTAssertEqual(split("ORIGINAL\\PRIMARY\\AXIAL ", .CS), ["ORIGINAL", "PRIMARY", "AXIAL"])
        XCTAssertEqual(split(" 1.5\\ -2 \\3E1", .DS), ["1.5", "-2", "3E1"])
        XCTAssertEqual(split("1.2.3\\1.2.4\0", .UI), ["1.2.3", "1.2.4"])
        XCTAssertEqual(split("Smith^J \\Doe^A ", .PN), ["Smith^J", "Doe^A"])
        XCTAssertEqual(split(" a \\ b ", .UC), [" a", " b"])
    }

    func testEmptyValuesAreKept() {
        XCTAssertEqual(split("A\\\\B", .CS), ["A", "", "B"])
        XCTAssertEqual(split("A\\", .CS), ["A", ""])
        XCTAssertEqual(split("\\", .CS), ["", ""])
        XCTAssertEqual(split(" ", .CS), [""])
        XCTAssertEqual(split("", .CS), [])
    }

    func testSingleValuedTextVRsAreNotSplit() {
        XCTAssertEqual(split(" C:\\dir\\file  ", .LT), [" C:\\dir\\file"])
        XCTAssertEqual(split("a\\b ", .ST), ["a\\b"])
        XCTAssertEqual(split("a\\b ", .UT), ["a\\b"])
        XCTAssertEqual(split("http://x/a\\b ", .UR), ["http://x/a\\b"])
        XCTAssertEqual(split("\u{1}\\\u{2}", .OB), ["\u{1}\\\u{2}"])
    }

    func testDecodedTextCounterparts() {
        XCTAssertEqual(trimmed("  ＡＢ  "[...], vr: .LO), "ＡＢ")
        XCTAssertEqual(trimmed("  山田^太郎  "[...], vr: .PN), "  山田^太郎")
        XCTAssertEqual(splitValues(of: "山田^太郎 \\やまだ "[...], vr: .PN), ["山田^太郎", "やまだ"])
        XCTAssertEqual(splitValues(of: " a\\b "[...], vr: .LT), [" a\\b"])
        XCTAssertEqual(splitValues(of: ""[...], vr: .CS), [])
        XCTAssertEqual(ValuePadding(.UI), .trailingNUL)
        XCTAssertEqual(ValuePadding(.OW), ValuePadding.none)
    }
}
