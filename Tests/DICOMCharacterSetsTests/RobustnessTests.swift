import XCTest
import DICOMCharacterSets

/// Bad input never stops decoding: invalid bytes become U+FFFD, bad escape sequences are
/// reported and skipped, and bytes outside the declared repertoire are read by a documented
/// fallback. Each test pins the decoded text and the warnings.
final class RobustnessTests: XCTestCase {
    private func decode(
        _ bytes: [UInt8], _ terms: [String], kind: StringValueKind = .personName
    ) -> (String, [CharacterSetWarning]) {
        var warnings: [CharacterSetWarning] = []
        let text = SpecificCharacterSet(terms: terms).decode(bytes[...], kind: kind, warnings: &warnings)
        return (text, warnings)
    }

    func testInvalidUTF8BecomesOneReplacementPerBadSequence() {
        // test_charset.py test_bad_encoded_single_encoding: Greek ISO 8859-7 bytes declared
        // as ISO_IR 192; none of them starts a valid UTF-8 sequence.
        let bytes: [UInt8] = [0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2]
        let (text, warnings) = decode(bytes, ["ISO_IR 192"])
        XCTAssertEqual(text, String(repeating: "\u{FFFD}", count: 9))
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 0, replacements: 9)])
    }

    func testTruncatedUTF8AtTheEnd() {
        let (text, warnings) = decode([0x41, 0xE4, 0xB8], ["ISO_IR 192"])
        XCTAssertEqual(text, "A\u{FFFD}")
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 1, replacements: 1)])
    }

    func testUTF8ValueWithEscapeKeepsTheEscape() {
        // ISO_IR 192 allows no code extensions: ESC is just a control character.
        XCTAssertEqual(decode([0x1B, 0x2D, 0x46, 0xC3, 0xA9], ["ISO_IR 192"]).0, "\u{1B}-Fé")
    }

    func testUndeclaredEscapeSequenceIsFollowedWithAWarning() {
        // test_charset.py test_unknown_escape_sequence: ESC - F (Greek) under ISO_IR 100.
        // pydicom keeps the raw bytes; this decoder follows the designation.
        let bytes: [UInt8] = [0x1B, 0x2D, 0x46, 0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2]
        let (text, warnings) = decode(bytes, ["ISO_IR 100"])
        XCTAssertEqual(text, "Διονυσιος")
        XCTAssertEqual(warnings, [.undeclaredEscapeSequence(offset: 0, term: "ISO 2022 IR 126")])
    }

    func testUnknownEscapeSequenceIsSkipped() {
        // ESC - Z is well formed but designates no set DICOM uses; G1 stays Latin-1.
        let (text, warnings) = decode([0x41, 0x1B, 0x2D, 0x5A, 0xE9], ["ISO 2022 IR 100"])
        XCTAssertEqual(text, "Aé")
        XCTAssertEqual(warnings, [.unknownEscapeSequence(offset: 1, bytes: [0x1B, 0x2D, 0x5A])])
    }

    func testMalformedEscapeBecomesReplacementAndDecodingGoesOn() {
        // ESC at the very end, and ESC followed by a control character.
        let (atEnd, endWarnings) = decode([0x41, 0x1B], ["", "ISO 2022 IR 87"])
        XCTAssertEqual(atEnd, "A\u{FFFD}")
        XCTAssertEqual(endWarnings, [
            .malformedEscapeSequence(offset: 1), .undecodableBytes(offset: 1, replacements: 1),
        ])
        let (beforeLF, _) = decode([0x1B, 0x24, 0x0A, 0x41], ["", "ISO 2022 IR 87"], kind: .text)
        XCTAssertEqual(beforeLF, "\u{FFFD}$\nA")
    }

    func testAMillionStrayEscapesGiveSixteenWarnings() {
        // Found by HostileInputTests (a 1 MB UT of ESC bytes held a million warnings, 90 MB):
        // a value records at most 16 warnings; the replacements still mark every ESC.
        let (text, warnings) = decode([UInt8](repeating: 0x1B, count: 1 << 20), [], kind: .text)
        XCTAssertEqual(text.unicodeScalars.count, 1 << 20)
        XCTAssertEqual(warnings.count, 17)
        XCTAssertEqual(warnings.first, .malformedEscapeSequence(offset: 0))
        XCTAssertEqual(warnings.last, .undecodableBytes(offset: 0, replacements: 1 << 20))
    }

    func testDefaultRepertoireReadsValidUTF8AsUTF8() {
        // No or unknown (0008,0005) but UTF-8 bytes: read as UTF-8 (pydicom's "ISOIR 192"
        // example value).
        let bytes: [UInt8] = [0x42, 0x75, 0x63, 0x5E, 0x4A, 0xC3, 0xA9, 0x72, 0xC3, 0xB4, 0x6D, 0x65]
        for terms in [[], ["UNSUPPORTED"]] as [[String]] {
            let (text, warnings) = decode(bytes, terms)
            XCTAssertEqual(text, "Buc^Jérôme", "\(terms)")
            XCTAssertEqual(warnings, [.bytesOutsideRepertoire(offset: 5, decodedAs: .utf8)], "\(terms)")
        }
    }

    func testDefaultRepertoireReadsOtherBytesAsLatin1() {
        let (text, warnings) = decode([0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65], [])
        XCTAssertEqual(text, "Buc^Jérôme")
        XCTAssertEqual(warnings, [.bytesOutsideRepertoire(offset: 5, decodedAs: .latin1)])
    }

    func testHighBytesWhileJISX0212IsInG0() {
        // test_charset.py test_bad_decoded_multi_byte_encoding: Greek bytes after ESC $ ( D.
        // They are G1 bytes, G1 is empty, and they are not UTF-8: read as Latin-1.
        let bytes: [UInt8] = [0x1B, 0x24, 0x28, 0x44, 0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2]
        let (text, warnings) = decode(bytes, ["ISO 2022 IR 159"])
        XCTAssertEqual(text, "Äéïíõóéïò")
        XCTAssertEqual(warnings, [.bytesOutsideRepertoire(offset: 4, decodedAs: .latin1)])
    }

    func testInvalidBytesInTwoByteG1() {
        // 0x80-0xA0 and 0xFF cannot be KS X 1001 bytes.
        let (text, warnings) = decode([0x1B, 0x24, 0x29, 0x43, 0x90, 0xC8, 0xAB, 0xFF], ["", "ISO 2022 IR 149"])
        XCTAssertEqual(text, "\u{FFFD}홍\u{FFFD}")
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 4, replacements: 2)])
    }

    func testKatakanaG1OutsideItsRange() {
        // JIS X 0201 katakana has nothing at 0xE0-0xFF.
        let (text, warnings) = decode([0xB1, 0xE0], ["ISO_IR 13"])
        XCTAssertEqual(text, "ｱ\u{FFFD}")
        XCTAssertEqual(warnings, [.undecodableBytes(offset: 1, replacements: 1)])
    }

    func testEveryLatin1ByteIsOneCharacter() {
        // Without ESC, Latin-1 maps each byte to exactly the scalar of the same value.
        let bytes = (0...255).map(UInt8.init).filter { $0 != 0x1B }
        let text = SpecificCharacterSet(terms: ["ISO_IR 100"]).decode(bytes[...], kind: .text, warnings: &ignored)
        XCTAssertEqual(text.unicodeScalars.map(\.value), bytes.map(UInt32.init))
    }

    func testRandomBytesNeverTrapNorInventDelimiters() {
        // Pseudo-random input under every kind of set. Decoding is deterministic, and no
        // delimiter appears in the text that was not a delimiter byte in the input (a caller
        // splitting on them must never see more values or components than were encoded).
        var generator = SplitMix64(seed: 0x00D1_C011)
        let termSets: [[String]] = [
            [], ["ISO_IR 100"], ["ISO_IR 127"], ["ISO_IR 166"], ["ISO_IR 13"], ["ISO_IR 192"], ["GB18030"],
            ["GBK"], ["", "ISO 2022 IR 87", "ISO 2022 IR 159"], ["ISO 2022 IR 13", "ISO 2022 IR 87"],
            ["", "ISO 2022 IR 149"], ["", "ISO 2022 IR 58"], ["ISO 2022 IR 100", "ISO 2022 IR 126"],
        ]
        for terms in termSets {
            let set = SpecificCharacterSet(terms: terms)
            for _ in 0..<300 {
                let count = Int(generator.next() % 64)
                // One byte in seven is ESC, so that escape sequences (valid or not) occur.
                let bytes = (0..<count).map { _ -> UInt8 in
                    generator.next() % 7 == 0 ? 0x1B : UInt8(truncatingIfNeeded: generator.next())
                }
                var warnings: [CharacterSetWarning] = []
                let text = set.decode(bytes[...], kind: .personName, warnings: &warnings)
                XCTAssertEqual(text, set.decode(bytes, isPersonName: true))
                for delimiter in ["\\", "^", "="] as [Unicode.Scalar] {
                    let inText = text.unicodeScalars.filter { $0 == delimiter }.count
                    let inBytes = bytes.filter { $0 == UInt8(delimiter.value) }.count
                    XCTAssertLessThanOrEqual(inText, inBytes, "\(terms) \(bytes)")
                }
            }
        }
    }

    private var ignored: [CharacterSetWarning] = []
}

/// A small deterministic generator, so the random test is the same on every run.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
