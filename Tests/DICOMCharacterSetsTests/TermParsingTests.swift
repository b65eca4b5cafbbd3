import XCTest
@testable import DICOMCharacterSets

/// How the values of (0008,0005) are read: defined terms, padding, misspellings, unknown
/// terms and the rules for stand-alone encodings (PS3.3 C.12.1.1.2, pydicom's charset.py).
final class TermParsingTests: XCTestCase {
    func testAbsentOrEmptyMeansDefaultRepertoire() {
        for given in [[], [""], ["  "]] as [[String]] {
            let set = SpecificCharacterSet(terms: given)
            XCTAssertEqual(set.terms, [""], "\(given)")
            XCTAssertEqual(set.warnings, [])
            XCTAssertFalse(set.isISO2022)
            XCTAssertEqual(set, .defaultRepertoire)
        }
    }

    func testEveryDefinedTermIsAcceptedAsIs() {
        let defined = [
            "ISO_IR 6", "ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144",
            "ISO_IR 127", "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 166",
            "ISO_IR 13", "ISO_IR 192", "GB18030", "GBK",
            "ISO 2022 IR 6", "ISO 2022 IR 100", "ISO 2022 IR 101", "ISO 2022 IR 109",
            "ISO 2022 IR 110", "ISO 2022 IR 144", "ISO 2022 IR 127", "ISO 2022 IR 126",
            "ISO 2022 IR 138", "ISO 2022 IR 148", "ISO 2022 IR 203", "ISO 2022 IR 166",
            "ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159", "ISO 2022 IR 149",
            "ISO 2022 IR 58",
        ]
        for term in defined {
            let set = SpecificCharacterSet(terms: [term])
            XCTAssertEqual(set.terms, [term])
            XCTAssertEqual(set.warnings, [], term)
            XCTAssertEqual(set.isISO2022, term.hasPrefix("ISO 2022"), term)
        }
    }

    func testPaddingIsNotAMisspelling() {
        // CS values are padded with a space to even length ("GB18030 "); some writers use NUL.
        let set = SpecificCharacterSet(terms: ["GB18030 ", " ISO_IR 100\0"])
        XCTAssertEqual(set.terms, ["GB18030"])
        XCTAssertEqual(set.warnings, [.codeExtensionsNotAllowed(term: "GB18030", ignored: ["ISO_IR 100"])])
        XCTAssertEqual(SpecificCharacterSet(terms: ["ISO 2022 IR 87 "]).warnings, [])
    }

    func testMisspellingsAreCorrectedWithAWarning() {
        // The first four are pydicom's test_patched_charset / test_patched_code_extension_charset.
        let cases: [(String, String)] = [
            ("ISO IR 192", "ISO_IR 192"), ("ISO-IR 144", "ISO_IR 144"),
            ("ISO_2022-IR 100", "ISO 2022 IR 100"), ("ISO_2022_IR+126", "ISO 2022 IR 126"),
            ("ISO_IR100", "ISO_IR 100"), ("iso_ir 100", "ISO_IR 100"), ("ISOIR 192", "ISO_IR 192"),
            ("ISO_IR  100", "ISO_IR 100"), ("ISO 2022 IR 192", "ISO_IR 192"), ("ISO_IR 87", "ISO 2022 IR 87"),
            ("ISO 2022 58", "ISO 2022 IR 58"), ("ISO 2022 GBK", "GBK"), ("gb18030", "GB18030"),
            ("utf8", "ISO_IR 192"), ("UTF-8", "ISO_IR 192"), ("latin_1", "ISO_IR 100"),
            ("ISO_8859_1", "ISO_IR 100"), ("ISO-8859-5", "ISO_IR 144"), ("iso8859_2", "ISO_IR 101"),
            ("ISO-8859-15", "ISO_IR 203"), ("iso_ir_126", "ISO_IR 126"), ("TIS-620", "ISO_IR 166"),
            ("EUC-KR", "ISO 2022 IR 149"), ("GB2312", "ISO 2022 IR 58"), ("ISO IR 6", "ISO_IR 6"),
        ]
        for (given, expected) in cases {
            let set = SpecificCharacterSet(terms: [given])
            XCTAssertEqual(set.terms, [expected], given)
            XCTAssertEqual(set.warnings, [.misspelledTerm(given: given, using: expected)], given)
        }
    }

    func testUnknownFirstValueFallsBackToDefaultRepertoire() {
        let set = SpecificCharacterSet(terms: ["UNSUPPORTED"])
        XCTAssertEqual(set.terms, [""])
        XCTAssertEqual(set.warnings, [.unknownTerm("UNSUPPORTED")])
        XCTAssertEqual(set.warnings.first?.description,
                       "unknown Specific Character Set 'UNSUPPORTED' - using the default repertoire")
    }

    func testUnknownLaterValueIsDropped() {
        // pydicom test_invalid_second_encoding: ISO 2022 IR 146 does not exist.
        let set = SpecificCharacterSet(terms: ["ISO 2022 IR 100", "ISO 2022 IR 146"])
        XCTAssertEqual(set.terms, ["ISO 2022 IR 100"])
        XCTAssertEqual(set.warnings, [.unknownTerm("ISO 2022 IR 146")])
    }

    func testStandAloneFirstValueIgnoresTheRest() {
        // pydicom test_code_extensions_not_allowed.
        let set = SpecificCharacterSet(terms: ["ISO_IR 192", "ISO 2022 IR 100", "ISO 2022 IR 144"])
        XCTAssertEqual(set.terms, ["ISO_IR 192"])
        XCTAssertEqual(set.warnings, [
            .codeExtensionsNotAllowed(term: "ISO_IR 192", ignored: ["ISO 2022 IR 100", "ISO 2022 IR 144"]),
        ])
        XCTAssertEqual(set.decode([0x42, 0x75, 0x63, 0x5E, 0x4A, 0xC3, 0xA9, 0x72, 0xC3, 0xB4, 0x6D, 0x65]),
                       "Buc^Jérôme")
    }

    func testStandAloneLaterValuesAreIgnored() {
        // pydicom test_convert_encodings_warnings; ISO_IR 126 and 144 become their 2022 form.
        let set = SpecificCharacterSet(terms: ["ISO_IR 126", "GBK", "ISO 2022 IR 144", "ISO_IR 192"])
        XCTAssertEqual(set.terms, ["ISO 2022 IR 126", "ISO 2022 IR 144"])
        XCTAssertEqual(set.warnings, [
            .misspelledTerm(given: "ISO_IR 126", using: "ISO 2022 IR 126"),
            .standAloneTermIgnored("GBK"), .standAloneTermIgnored("ISO_IR 192"),
        ])
        XCTAssertTrue(set.isISO2022)
    }

    func testEmptyFirstValueWithExtensionsIsDefaultRepertoire() {
        let set = SpecificCharacterSet(terms: ["", "ISO 2022 IR 87"])
        XCTAssertEqual(set.terms, ["", "ISO 2022 IR 87"])
        XCTAssertEqual(set.warnings, [])
        XCTAssertTrue(set.isISO2022)
    }

    func testEqualityComparesNormalizedTerms() {
        XCTAssertEqual(SpecificCharacterSet(terms: ["ISO_IR 100 "]), SpecificCharacterSet(terms: ["ISO_IR 100"]))
        XCTAssertEqual(SpecificCharacterSet(terms: ["ISO IR 100"]), SpecificCharacterSet(terms: ["ISO_IR 100"]))
        XCTAssertNotEqual(SpecificCharacterSet(terms: ["ISO_IR 100"]), SpecificCharacterSet(terms: ["ISO_IR 101"]))
    }

    func testWarningDescriptionsNameTheProblem() {
        XCTAssertEqual(CharacterSetWarning.misspelledTerm(given: "ISO IR 100", using: "ISO_IR 100").description,
                       "Specific Character Set 'ISO IR 100' is not a defined term - assuming 'ISO_IR 100'")
        XCTAssertEqual(CharacterSetWarning.unknownEscapeSequence(offset: 3, bytes: [0x1B, 0x2D, 0x5A]).description,
                       "offset 3: unknown escape sequence 0x1B 0x2D 0x5A skipped")
    }
}
