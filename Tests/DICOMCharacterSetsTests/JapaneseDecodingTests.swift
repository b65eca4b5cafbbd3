import XCTest
import DICOMCharacterSets

/// Japanese: JIS X 0201 (ISO 2022 IR 13), JIS X 0208 (IR 87) and JIS X 0212 (IR 159), PS3.5
/// Annex H. Byte strings marked "chrXxx.dcm" are values from pydicom 3.0.2's charset files
/// (the Annex H examples as encoded by David Clunie); "test_charset.py" ones are from
/// pydicom's tests.
final class JapaneseDecodingTests: XCTestCase {
    // Escape sequences.
    private let toJISX0208: [UInt8] = [0x1B, 0x24, 0x42]  // ESC $ B  -> G0
    private let toJISX0212: [UInt8] = [0x1B, 0x24, 0x28, 0x44]  // ESC $ ( D -> G0
    private let toASCII: [UInt8] = [0x1B, 0x28, 0x42]  // ESC ( B  -> G0
    private let toRomaji: [UInt8] = [0x1B, 0x28, 0x4A]  // ESC ( J  -> G0
    private let toKatakana: [UInt8] = [0x1B, 0x29, 0x49]  // ESC ) I  -> G1

    private func decode(
        _ bytes: [UInt8], _ terms: [String], kind: StringValueKind = .personName
    ) -> (String, [CharacterSetWarning]) {
        var warnings: [CharacterSetWarning] = []
        let text = SpecificCharacterSet(terms: terms).decode(bytes[...], kind: kind, warnings: &warnings)
        return (text, warnings)
    }

    func testAnnexH31PersonNameWithJISX0208() {
        // chrH31.dcm (PS3.5 Example H.3-1), (0008,0005) "\ISO 2022 IR 87".
        let bytes: [UInt8] = Array("Yamada^Tarou=".utf8)
            + toJISX0208 + [0x3B, 0x33, 0x45, 0x44] + toASCII + [0x5E]  // 山田 ^
            + toJISX0208 + [0x42, 0x40, 0x4F, 0x3A] + toASCII + [0x3D]  // 太郎 =
            + toJISX0208 + [0x24, 0x64, 0x24, 0x5E, 0x24, 0x40] + toASCII + [0x5E]  // やまだ ^ ("ま" is 24 5E)
            + toJISX0208 + [0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26] + toASCII  // たろう
        let (text, warnings) = decode(bytes, ["", "ISO 2022 IR 87"])
        XCTAssertEqual(text, "Yamada^Tarou=山田^太郎=やまだ^たろう")
        XCTAssertEqual(warnings, [])
    }

    func testAnnexH32PersonNameWithJISX0201AndJISX0208() {
        // chrH32.dcm (PS3.5 Example H.3-2), (0008,0005) "ISO 2022 IR 13\ISO 2022 IR 87":
        // katakana in G1 from the start, JIS X 0208 in G0 after ESC $ B, back with ESC ( J.
        let bytes: [UInt8] = [0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3, 0x3D]  // ﾔﾏﾀﾞ^ﾀﾛｳ=
            + toJISX0208 + [0x3B, 0x33, 0x45, 0x44] + toRomaji + [0x5E]
            + toJISX0208 + [0x42, 0x40, 0x4F, 0x3A] + toRomaji + [0x3D]
            + toJISX0208 + [0x24, 0x64, 0x24, 0x5E, 0x24, 0x40] + toRomaji + [0x5E]
            + toJISX0208 + [0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26] + toRomaji
        let (text, warnings) = decode(bytes, ["ISO 2022 IR 13", "ISO 2022 IR 87"])
        XCTAssertEqual(text, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう")
        XCTAssertEqual(warnings, [])
    }

    func testSequenceItemVariantReturnsWithASCII() {
        // chrSQEncoding.dcm's item: as chrH32 but returning to G0 with ESC ( B (ASCII).
        let bytes: [UInt8] = [0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3, 0x3D]
            + toJISX0208 + [0x3B, 0x33, 0x45, 0x44] + toASCII + [0x5E]
            + toJISX0208 + [0x42, 0x40, 0x4F, 0x3A] + toASCII + [0x3D]
            + toJISX0208 + [0x24, 0x64, 0x24, 0x5E, 0x24, 0x40] + toASCII + [0x5E]
            + toJISX0208 + [0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26] + toASCII
        let (text, warnings) = decode(bytes, ["ISO 2022 IR 13", "ISO 2022 IR 87"])
        XCTAssertEqual(text, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう")
        XCTAssertEqual(warnings, [])
    }

    func testMultiValuedPersonNameAndLongText() {
        // chrJapMulti.dcm: (0010,1001) PN with two values and padding, (0010,21B0) LT.
        let name: [UInt8] = toJISX0208 + [0x24, 0x64, 0x24, 0x5E, 0x24, 0x40] + toASCII + [0x5E]
            + toJISX0208 + [0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26] + toASCII
        for terms in [["", "ISO 2022 IR 87"], ["ISO 2022 IR 6", "ISO 2022 IR 87"]] {  // chrJapMultiExplicitIR6.dcm
            let (names, _) = decode(name + [0x5C] + name + [0x20], terms)
            XCTAssertEqual(names, "やまだ^たろう\\やまだ^たろう ")
            let lt: [UInt8] = toJISX0208 + [0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26] + toASCII
            XCTAssertEqual(decode(lt, terms, kind: .text).0, "たろう")
        }
    }

    func testJISX0212() {
        // test_charset.py test_japanese_multi_byte_personname: "Mori^Ogai=森^鷗外=もり^おうがい"
        // under ISO 2022 IR 6 \ IR 87 \ IR 159; 鷗 is only in JIS X 0212.
        let bytes: [UInt8] = Array("Mori^Ogai=".utf8)
            + toJISX0208 + [0x3F, 0x39] + toASCII + [0x5E]  // 森 ^
            + toJISX0212 + [0x6C, 0x3F] + toJISX0208 + [0x33, 0x30] + toASCII + [0x3D]  // 鷗 外 =
            + toJISX0208 + [0x24, 0x62, 0x24, 0x6A] + toASCII + [0x5E]  // もり ^
            + toJISX0208 + [0x24, 0x2A, 0x24, 0x26, 0x24, 0x2C, 0x24, 0x24] + toASCII  // おうがい
        let (text, warnings) = decode(bytes, ["ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159"])
        XCTAssertEqual(text, "Mori^Ogai=森^鷗外=もり^おうがい")
        XCTAssertEqual(warnings, [])
    }

    func testAllFourJapaneseSetsInOneValue() {
        // test_charset.py test_japanese_multi_byte_encoding: "あaｱア齩" encoded with
        // ISO 2022 IR 13 \ IR 87 \ IR 159.
        let bytes: [UInt8] = toJISX0208 + [0x24, 0x22]  // あ
            + toRomaji + [0x61]  // a
            + toKatakana + [0xB1]  // ｱ
            + toJISX0208 + [0x25, 0x22]  // ア
            + toJISX0212 + [0x6D, 0x4E]  // 齩
            + toRomaji
        let (text, warnings) = decode(bytes, ["ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"], kind: .text)
        XCTAssertEqual(text, "あaｱア齩")
        XCTAssertEqual(warnings, [])
    }

    func testRomajiYenSignAndOverline() {
        // PS3.5 H.1.1: in ISO-IR 14, 05/12 is YEN SIGN and 07/14 OVERLINE; but in SH, LO, UC
        // and PN 05/12 is the value delimiter (note 3), so it stays a backslash there.
        XCTAssertEqual(decode([0x31, 0x30, 0x5C, 0x7E], ["ISO_IR 13"], kind: .text).0, "10¥‾")
        XCTAssertEqual(decode([0x41, 0x5C, 0x42, 0x7E], ["ISO_IR 13"], kind: .multiValued).0, "A\\B‾")
        // Under ASCII in G0 (after ESC ( B) the same bytes are themselves.
        XCTAssertEqual(decode(toASCII + [0x5C, 0x7E], ["ISO 2022 IR 13"], kind: .text).0, "\\~")
    }

    func testKatakanaDesignatedToG0() {
        // ESC ( I puts JIS X 0201 katakana into G0 (PS3.5 Table H.1-1): 0x31 is ｱ.
        let (text, _) = decode([0x1B, 0x28, 0x49, 0x31, 0x32] + toRomaji + [0x31], ["ISO 2022 IR 13"], kind: .text)
        XCTAssertEqual(text, "ｱｲ1")
    }

    func testDelimiterBytesInsideKanjiAreNotDelimiters() {
        // "ま" is 24 5E and "=" (3D) can be a trail byte too: while JIS X 0208 is in G0 they
        // pair up into characters. 0x24 0x3D is そ.
        let bytes: [UInt8] = toJISX0208 + [0x24, 0x5E, 0x24, 0x3D] + toASCII + [0x5E, 0x41]
        XCTAssertEqual(decode(bytes, ["", "ISO 2022 IR 87"]).0, "まそ^A")
    }

    func testLineEndReturnsToASCII() {
        // An encoder that forgot ESC ( B before CR LF: the line end resets G0 anyway.
        let bytes: [UInt8] = toJISX0208 + [0x24, 0x22, 0x0D, 0x0A, 0x24, 0x22]
        XCTAssertEqual(decode(bytes, ["", "ISO 2022 IR 87"], kind: .text).0, "あ\r\n$\"")
    }

    func testOddByteInTwoByteRunBecomesReplacement() {
        let bytes: [UInt8] = toJISX0208 + [0x24, 0x22, 0x24] + toASCII + [0x41]
        let (text, warnings) = decode(bytes, ["", "ISO 2022 IR 87"])
        XCTAssertEqual(text, "あ\u{FFFD}A")
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 5, replacements: 1)])
    }

    func testUnassignedKanjiCodeBecomesReplacement() {
        // Row 0x29 of JIS X 0208 is empty.
        let bytes: [UInt8] = toJISX0208 + [0x29, 0x21, 0x24, 0x22] + toASCII
        let (text, warnings) = decode(bytes, ["", "ISO 2022 IR 87"])
        XCTAssertEqual(text, "\u{FFFD}あ")
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 3, replacements: 1)])
    }
}
