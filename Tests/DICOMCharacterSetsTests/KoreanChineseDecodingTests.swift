import XCTest
import DICOMCharacterSets

/// Korean (KS X 1001, PS3.5 Annex I) and Chinese (UTF-8, GB18030, GBK: Annex J; GB 2312:
/// Annex K). Byte strings marked "chrXxx.dcm" are values from pydicom 3.0.2's charset files;
/// "Example ..." ones are copied from the named example of PS3.5.
final class KoreanChineseDecodingTests: XCTestCase {
    private let toKSX1001: [UInt8] = [0x1B, 0x24, 0x29, 0x43]  // ESC $ ) C -> G1
    private let toGB2312: [UInt8] = [0x1B, 0x24, 0x29, 0x41]  // ESC $ ) A -> G1
    private let toASCII: [UInt8] = [0x1B, 0x28, 0x42]  // ESC ( B -> G0

    private func decode(
        _ bytes: [UInt8], _ terms: [String], kind: StringValueKind = .personName
    ) -> (String, [CharacterSetWarning]) {
        var warnings: [CharacterSetWarning] = []
        let text = SpecificCharacterSet(terms: terms).decode(bytes[...], kind: kind, warnings: &warnings)
        return (text, warnings)
    }

    // MARK: Korean

    func testAnnexIPersonName() {
        // chrI2.dcm (PS3.5 Example I.2-1), (0008,0005) "\ISO 2022 IR 149"; every component
        // that uses Hangul or Hanja designates KS X 1001 to G1 again.
        let bytes: [UInt8] = Array("Hong^Gildong=".utf8)
            + toKSX1001 + [0xFB, 0xF3, 0x5E]  // 洪 ^
            + toKSX1001 + [0xD1, 0xCE, 0xD4, 0xD7, 0x3D]  // 吉洞 =
            + toKSX1001 + [0xC8, 0xAB, 0x5E]  // 홍 ^
            + toKSX1001 + [0xB1, 0xE6, 0xB5, 0xBF]  // 길동
        let (text, warnings) = decode(bytes, ["", "ISO 2022 IR 149"])
        XCTAssertEqual(text, "Hong^Gildong=洪^吉洞=홍^길동")
        XCTAssertEqual(warnings, [])
    }

    func testKoreanMultiValuedPersonName() {
        // chrKoreanMulti.dcm (0010,1001): two values, each ending in ESC ( B, then padding.
        let name: [UInt8] = toKSX1001 + [0xB1, 0xE8, 0xC8, 0xF1, 0xC1, 0xDF] + toASCII
        let (text, _) = decode(name + [0x5C] + name + [0x20], ["", "ISO 2022 IR 149"])
        XCTAssertEqual(text, "김희중\\김희중 ")
    }

    func testAnnexILongTextMixesASCIIAndHangulAfterOneEscape() {
        // Built from PS3.5 Example I.3-1's encoded string: one ESC $ ) C per line, ASCII and
        // Hangul (한글 = C7 D1 B1 DB) intermixed after it.
        let hangul: [UInt8] = [0xC7, 0xD1, 0xB1, 0xDB]
        let bytes: [UInt8] = toKSX1001 + Array("The first line includes ".utf8) + hangul + Array(".\r\n".utf8)
            + toKSX1001 + Array("The second line includes ".utf8) + hangul + Array(", too.\r\n".utf8)
            + Array("The third line".utf8)
        let (text, warnings) = decode(bytes, ["", "ISO 2022 IR 149"], kind: .text)
        XCTAssertEqual(text, "The first line includes 한글.\r\nThe second line includes 한글, too.\r\nThe third line")
        XCTAssertEqual(warnings, [])
    }

    func testKoreanAsValue1NeedsNoEscape() {
        // Value 1 "ISO 2022 IR 149" designates KS X 1001 to G1 from the start, so EUC-KR
        // bytes without escape sequences decode (as written by many Korean systems).
        let (text, warnings) = decode([0xC8, 0xAB, 0x5E, 0xB1, 0xE6, 0xB5, 0xBF], ["ISO 2022 IR 149"])
        XCTAssertEqual(text, "홍^길동")
        XCTAssertEqual(warnings, [])
    }

    func testOddKoreanByteBeforeDelimiter() {
        let (text, warnings) = decode(toKSX1001 + [0xC8, 0xAB, 0xC8, 0x5E, 0x41], ["", "ISO 2022 IR 149"])
        XCTAssertEqual(text, "홍\u{FFFD}^A")
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 6, replacements: 1)])
    }

    // MARK: UTF-8, GB18030, GBK

    func testAnnexJUTF8PersonName() {
        // chrX1.dcm (PS3.5 Example J.1-1), ISO_IR 192, traditional 東.
        let bytes: [UInt8] = Array("Wang^XiaoDong=".utf8)
            + [0xE7, 0x8E, 0x8B, 0x5E, 0xE5, 0xB0, 0x8F, 0xE6, 0x9D, 0xB1, 0x3D, 0x20]  // 王^小東= (pad)
        let (text, warnings) = decode(bytes, ["ISO_IR 192"])
        XCTAssertEqual(text, "Wang^XiaoDong=王^小東= ")
        XCTAssertEqual(warnings, [])
    }

    func testAnnexJUTF8LongText() {
        // PS3.5 Example J.2-1.
        let zhongwen: [UInt8] = [0xE4, 0xB8, 0xAD, 0xE6, 0x96, 0x87]  // 中文
        let bytes: [UInt8] = Array("The first line includes".utf8) + zhongwen + Array(".\r\n".utf8)
            + Array("The second line includes".utf8) + zhongwen + Array(", too.\r\nThe third line.\r\n".utf8)
        XCTAssertEqual(decode(bytes, ["ISO_IR 192"], kind: .text).0,
                       "The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n")
    }

    func testAnnexJGB18030PersonName() {
        // chrX2.dcm (PS3.5 Example J.3-1), GB18030: 王 CDF5, 小 D0A1, 东 B6AB.
        let bytes: [UInt8] = Array("Wang^XiaoDong=".utf8) + [0xCD, 0xF5, 0x5E, 0xD0, 0xA1, 0xB6, 0xAB, 0x3D]
        for term in ["GB18030", "GBK"] {  // Annex J: the example is in the area GBK shares
            let (text, warnings) = decode(bytes, [term])
            XCTAssertEqual(text, "Wang^XiaoDong=王^小东=", term)
            XCTAssertEqual(warnings, [], term)
        }
    }

    func testAnnexJGB18030LongText() {
        // PS3.5 Example J.4-1: 中 D6D0, 文 CEC4.
        let zhongwen: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]
        let bytes: [UInt8] = Array("The first line includes".utf8) + zhongwen + Array(".\r\n".utf8)
            + Array("The second line includes".utf8) + zhongwen + Array(", too.\r\nThe third line.\r\n".utf8)
        XCTAssertEqual(decode(bytes, ["GB18030"], kind: .text).0,
                       "The first line includes中文.\r\nThe second line includes中文, too.\r\nThe third line.\r\n")
    }

    func testGBKTrailByteBackslashIsNotAValueDelimiter() {
        // 乗 is 81 5C and 俓 is 82 5C in GBK: only the middle 5C separates the two values.
        let bytes: [UInt8] = [0x81, 0x5C, 0x5C, 0x82, 0x5C]
        for term in ["GBK", "GB18030"] {
            let (text, _) = decode(bytes, [term], kind: .multiValued)
            XCTAssertEqual(text.split(separator: "\\"), ["乗", "俓"], term)
        }
    }

    func testGB18030FourByteSequence() {
        // U+20000 is 95 32 82 36 in GB18030 (outside GBK).
        XCTAssertEqual(decode([0x41, 0x95, 0x32, 0x82, 0x36], ["GB18030"]).0, "A\u{20000}")
    }

    func testGB18030InvalidAndTruncatedBytes() {
        // 81 20 is no character: one U+FFFD, then the space. A lone lead byte at the end too.
        let (text, warnings) = decode([0x41, 0x81, 0x20, 0x42, 0xCD], ["GB18030"])
        XCTAssertEqual(text, "A\u{FFFD} B\u{FFFD}")
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 1, replacements: 2)])
    }

    // MARK: GB 2312 with code extensions

    func testAnnexKPersonName() {
        // PS3.5 Example K.2-1, (0008,0005) "\ISO 2022 IR 58".
        let bytes: [UInt8] = Array("Zhang^XiaoDong=".utf8)
            + toGB2312 + [0xD5, 0xC5, 0x5E]  // 张 ^
            + toGB2312 + [0xD0, 0xA1, 0xB6, 0xAB, 0x3D, 0x20]  // 小东 = (pad)
        let (text, warnings) = decode(bytes, ["", "ISO 2022 IR 58"])
        XCTAssertEqual(text, "Zhang^XiaoDong=张^小东= ")
        XCTAssertEqual(warnings, [])
    }

    func testAnnexKLongText() {
        // PS3.5 Example K.3-1 (2024 edition: no ESC ( B before CR LF).
        let bytes: [UInt8] = [
            0x31, 0x2E, 0x1B, 0x24, 0x29, 0x41, 0xB5, 0xDA, 0xD2, 0xBB, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3, 0x0D, 0x0A,
            0x32, 0x2E, 0x1B, 0x24, 0x29, 0x41, 0xB5, 0xDA, 0xB6, 0xFE, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3, 0x0D, 0x0A,
            0x33, 0x2E, 0x1B, 0x24, 0x29, 0x41, 0xB5, 0xDA, 0xC8, 0xFD, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3, 0x0D, 0x0A,
        ]
        let (text, warnings) = decode(bytes, ["", "ISO 2022 IR 58"], kind: .text)
        XCTAssertEqual(text, "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n")
        XCTAssertEqual(warnings, [])
    }
}
