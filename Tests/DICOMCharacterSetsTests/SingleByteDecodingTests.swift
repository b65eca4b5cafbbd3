import XCTest
import DICOMCharacterSets

/// Single-byte character sets, alone and as ISO 2022 code extensions.
///
/// Byte strings marked "chrXxx.dcm" are the Patient's Name (0010,0010) of David Clunie's
/// charset examples as shipped in pydicom 3.0.2 (pydicom/data/charset_files, listed in its
/// FileInfo.txt); those marked "ENCODED_NAMES" come from pydicom's tests/test_charset.py.
/// Trailing spaces are the files' padding, which decoding keeps.
final class SingleByteDecodingTests: XCTestCase {
    private func decode(_ bytes: [UInt8], _ terms: [String], personName: Bool = true) -> String {
        SpecificCharacterSet(terms: terms).decode(bytes, isPersonName: personName)
    }

    /// Decodes and returns the warnings as well.
    private func decodeWithWarnings(
        _ bytes: [UInt8], _ terms: [String], kind: StringValueKind = .personName
    ) -> (String, [CharacterSetWarning]) {
        var warnings: [CharacterSetWarning] = []
        let text = SpecificCharacterSet(terms: terms).decode(bytes[...], kind: kind, warnings: &warnings)
        return (text, warnings)
    }

    func testLatin1French() {
        // chrFren.dcm, ISO_IR 100: "Buc^J\xe9r\xf4me"
        XCTAssertEqual(decode([0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], ["ISO_IR 100"]),
                       "Buc^Jérôme")
    }

    func testLatin1GermanKeepsPadding() {
        // chrGerm.dcm, ISO_IR 100: "\xc4neas^R\xfcdiger "
        let bytes: [UInt8] = [0xC4, 0x6E, 0x65, 0x61, 0x73, 0x5E, 0x52, 0xFC, 0x64, 0x69, 0x67, 0x65, 0x72, 0x20]
        XCTAssertEqual(decode(bytes, ["ISO_IR 100"]), "Äneas^Rüdiger ")
    }

    func testGreek() {
        // chrGreek.dcm, ISO_IR 126
        let bytes: [UInt8] = [0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2, 0x20]
        XCTAssertEqual(decode(bytes, ["ISO_IR 126"]), "Διονυσιος ")
    }

    func testCyrillic() {
        // chrRuss.dcm, ISO_IR 144: "\xbb\xee\xdace\xdc\xd1yp\xd3" (c, e, y, p are Latin letters)
        let bytes: [UInt8] = [0xBB, 0xEE, 0xDA, 0x63, 0x65, 0xDC, 0xD1, 0x79, 0x70, 0xD3]
        XCTAssertEqual(decode(bytes, ["ISO_IR 144"]), "Люкceмбypг")
    }

    func testArabic() {
        // chrArab.dcm, ISO_IR 127
        let bytes: [UInt8] = [0xE2, 0xC8, 0xC7, 0xE6, 0xEA, 0x5E, 0xE4, 0xE6, 0xD2, 0xC7, 0xD1, 0x20]
        XCTAssertEqual(decode(bytes, ["ISO_IR 127"]), "قباني^لنزار ")
    }

    func testHebrew() {
        // chrHbrw.dcm, ISO_IR 138
        let bytes: [UInt8] = [0xF9, 0xF8, 0xE5, 0xEF, 0x5E, 0xE3, 0xE1, 0xE5, 0xF8, 0xE4]
        XCTAssertEqual(decode(bytes, ["ISO_IR 138"]), "שרון^דבורה")
    }

    func testLatin2Latin3Latin4Latin5Thai() {
        // ENCODED_NAMES, without their escape sequences, under the plain ISO_IR terms.
        XCTAssertEqual(decode([0x57, 0x61, 0xB3, 0xEA, 0x73, 0x61], ["ISO_IR 101"]), "Wałęsa")
        XCTAssertEqual(decode([0x61, 0x6E, 0x74, 0x61, 0xFD, 0x6E, 0x6F, 0x6D, 0x6F], ["ISO_IR 109"]), "antaŭnomo")
        XCTAssertEqual(decode([0x76, 0xE0, 0x72, 0x64, 0x73], ["ISO_IR 110"]), "vārds")
        XCTAssertEqual(decode([0xC7, 0x61, 0x76, 0x75, 0xFE, 0x6F, 0xF0, 0x6C, 0x75], ["ISO_IR 148"]), "Çavuşoğlu")
        XCTAssertEqual(decode([0xB9, 0xD2, 0xC1, 0xCA, 0xA1, 0xD8, 0xC5], ["ISO_IR 166"]), "นามสกุล")
    }

    func testLatin9HasEuroAndOE() {
        // ISO 8859-15 differs from Latin-1 at 0xA4 (EURO SIGN) and 0xBC (Œ).
        XCTAssertEqual(decode([0xBC, 0x75, 0x76, 0x72, 0x65, 0x20, 0x35, 0xA4], ["ISO_IR 203"]), "Œuvre 5€")
        XCTAssertEqual(decode([0xBC, 0xA4], ["ISO_IR 100"]), "¼¤")
    }

    func testJISX0201KatakanaWithoutCodeExtensions() {
        // chrH32.dcm's first component group, under the single value ISO_IR 13.
        XCTAssertEqual(decode([0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3], ["ISO_IR 13"]), "ﾔﾏﾀﾞ^ﾀﾛｳ")
    }

    func testEverySingleByteCodeExtension() {
        // pydicom test_single_byte_code_extensions: "ASCII+" then ENCODED_NAMES' bytes, under
        // ["", encoding]. Each component starts with its own escape sequence.
        let cases: [(String, String, [UInt8])] = [
            ("ISO 2022 IR 13", "ﾔﾏﾀﾞ^ﾀﾛｳ",
             [0x1B, 0x29, 0x49, 0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0x1B, 0x29, 0x49, 0xC0, 0xDB, 0xB3]),
            ("ISO 2022 IR 100", "Buc^Jérôme",
             [0x1B, 0x2D, 0x41, 0x42, 0x75, 0x63, 0x5E, 0x1B, 0x2D, 0x41, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65]),
            ("ISO 2022 IR 101", "Wałęsa", [0x1B, 0x2D, 0x42, 0x57, 0x61, 0xB3, 0xEA, 0x73, 0x61]),
            ("ISO 2022 IR 109", "antaŭnomo",
             [0x1B, 0x2D, 0x43, 0x61, 0x6E, 0x74, 0x61, 0xFD, 0x6E, 0x6F, 0x6D, 0x6F]),
            ("ISO 2022 IR 110", "vārds", [0x1B, 0x2D, 0x44, 0x76, 0xE0, 0x72, 0x64, 0x73]),
            ("ISO 2022 IR 127", "قباني^لنزار",
             [0x1B, 0x2D, 0x47, 0xE2, 0xC8, 0xC7, 0xE6, 0xEA, 0x5E, 0x1B, 0x2D, 0x47, 0xE4, 0xE6, 0xD2, 0xC7, 0xD1]),
            ("ISO 2022 IR 126", "Διονυσιος",
             [0x1B, 0x2D, 0x46, 0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2]),
            ("ISO 2022 IR 138", "שרון^דבורה",
             [0x1B, 0x2D, 0x48, 0xF9, 0xF8, 0xE5, 0xEF, 0x5E, 0x1B, 0x2D, 0x48, 0xE3, 0xE1, 0xE5, 0xF8, 0xE4]),
            ("ISO 2022 IR 144", "Люкceмбypг",
             [0x1B, 0x2D, 0x4C, 0xBB, 0xEE, 0xDA, 0x63, 0x65, 0xDC, 0xD1, 0x79, 0x70, 0xD3]),
            ("ISO 2022 IR 148", "Çavuşoğlu",
             [0x1B, 0x2D, 0x4D, 0xC7, 0x61, 0x76, 0x75, 0xFE, 0x6F, 0xF0, 0x6C, 0x75]),
            ("ISO 2022 IR 166", "นามสกุล", [0x1B, 0x2D, 0x54, 0xB9, 0xD2, 0xC1, 0xCA, 0xA1, 0xD8, 0xC5]),
        ]
        let prefix: [UInt8] = Array("ASCII+".utf8)
        for (term, expected, bytes) in cases {
            let (text, warnings) = decodeWithWarnings(prefix + bytes, ["", term])
            XCTAssertEqual(text, "ASCII+" + expected, term)
            XCTAssertEqual(warnings, [], term)
        }
    }

    func testComponentDelimiterResetsG1() {
        // pydicom test_missing_escape_for_single_byte_code_extensions: after "^" no set is in
        // G1 any more, so the katakana bytes fall back to Latin-1 (not valid UTF-8).
        let bytes = Array("ASCII+".utf8) + [0x1B, 0x29, 0x49, 0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3]
        let (text, warnings) = decodeWithWarnings(bytes, ["", "ISO 2022 IR 13"])
        XCTAssertEqual(text, "ASCII+ﾔﾏﾀﾞ^ÀÛ³")
        XCTAssertEqual(warnings, [.bytesOutsideRepertoire(offset: 14, decodedAs: .latin1)])
    }

    func testFirstValueIsTheInitialSetWithoutEscapes() {
        // pydicom test_multi_charset_default_value.
        let terms = ["ISO 2022 IR 100", "ISO 2022 IR 144"]
        XCTAssertEqual(decode([0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], terms), "Buc^Jérôme")
        let lo: [UInt8] = [0x52, 0xF6, 0x6E, 0x74, 0x67, 0x65, 0x6E, 0x61, 0x75, 0x66, 0x6E, 0x61, 0x68, 0x6D, 0x65]
        XCTAssertEqual(decode(lo, terms, personName: false), "Röntgenaufnahme")
    }

    func testEscapeInsideTextAndGroupDelimiter() {
        // pydicom test_single_byte_multi_charset_text / _personname.
        let greek: [UInt8] = [0x1B, 0x2D, 0x46, 0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2]
        let terms = ["ISO 2022 IR 100", "ISO 2022 IR 126"]
        XCTAssertEqual(decode(Array("Dionysios is ".utf8) + greek, terms, personName: false), "Dionysios is Διονυσιος")
        XCTAssertEqual(decode(Array("Dionysios=".utf8) + greek, terms), "Dionysios=Διονυσιος")
    }

    func testBackslashResetsToTheInitialSetForEachValue() {
        // pydicom test_single_byte_multi_charset_personname: three values, each after a
        // backslash starts again in Latin-1 before its own escape sequence.
        let bytes: [UInt8] = [0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65, 0x5C,
                              0x1B, 0x2D, 0x46, 0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2, 0x5C,
                              0x1B, 0x2D, 0x4C, 0xBB, 0xEE, 0xDA, 0x63, 0x65, 0xDC, 0xD1, 0x79, 0x70, 0xD3]
        let terms = ["ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126"]
        let text = decode(bytes, terms)
        XCTAssertEqual(text.split(separator: "\\"), ["Buc^Jérôme", "Διονυσιος", "Люкceмбypг"])
        // A byte after the backslash is Latin-1 again, not Greek.
        XCTAssertEqual(decode([0x1B, 0x2D, 0x46, 0xE1, 0x5C, 0xE1], terms), "α\\á")
    }

    func testControlCharactersResetDesignations() {
        // PS3.5 6.1.2.5.3: CR, LF, FF and TAB return to the initial set in any VR.
        let terms = ["ISO 2022 IR 100", "ISO 2022 IR 126"]
        for control: UInt8 in [0x0D, 0x0A, 0x0C, 0x09] {
            let bytes: [UInt8] = [0x1B, 0x2D, 0x46, 0xE1, control, 0xE1]
            let (text, _) = decodeWithWarnings(bytes, terms, kind: .text)
            XCTAssertEqual(text, "α" + String(UnicodeScalar(control)) + "á", "control \(control)")
        }
    }

    func testCaretAndEqualsResetOnlyInPersonNames() {
        let terms = ["ISO 2022 IR 100", "ISO 2022 IR 126"]
        let bytes: [UInt8] = [0x1B, 0x2D, 0x46, 0xE1, 0x5E, 0xE1, 0x3D, 0xE1]
        XCTAssertEqual(decode(bytes, terms, personName: true), "α^á=á")
        XCTAssertEqual(decode(bytes, terms, personName: false), "α^α=α")
    }

    func testC1ControlsPassThrough() {
        XCTAssertEqual(decode([0x41, 0x85, 0x42], ["ISO_IR 100"]).unicodeScalars.map(\.value), [0x41, 0x85, 0x42])
    }

    func testUnassignedByteBecomesReplacementCharacter() {
        // ISO 8859-6 has no character at 0xA1.
        let (text, warnings) = decodeWithWarnings([0x41, 0xA1, 0xC8], ["ISO_IR 127"])
        XCTAssertEqual(text, "A\u{FFFD}ب")
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 1, replacements: 1)])
    }

    func testASCIIFastPathKeepsBytesAsIs() {
        let bytes = Array("Doe^John\\Roe^Jane  ".utf8)
        for terms in [[], ["ISO_IR 100"], ["ISO_IR 192"], ["GB18030"], ["", "ISO 2022 IR 87"]] as [[String]] {
            XCTAssertEqual(decode(bytes, terms), "Doe^John\\Roe^Jane  ", "\(terms)")
        }
    }

    func testSliceOverloadDecodesOnlyTheSlice() {
        let buffer: [UInt8] = [0xFF, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65, 0xFF]
        XCTAssertEqual(SpecificCharacterSet(terms: ["ISO_IR 100"]).decode(buffer[1..<7]), "Jérôme")
        XCTAssertEqual(SpecificCharacterSet(terms: ["ISO_IR 100"]).decode([]), "")
    }
}
