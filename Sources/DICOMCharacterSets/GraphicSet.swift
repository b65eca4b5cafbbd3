/// The ISO 8859 parts (and TIS 620) that DICOM uses as single-byte 96-character sets in G1
/// (PS3.3 Tables C.12-2 and C.12-3).
enum SingleByteSet: CaseIterable, Sendable {
    case latin1, latin2, latin3, latin4, cyrillic, arabic, greek, hebrew, latin5, latin9, thai

    /// The ISO-IR registration number that DICOM's defined terms use ("ISO_IR 100" ...).
    var registration: Int {
        switch self {
        case .latin1: return 100
        case .latin2: return 101
        case .latin3: return 109
        case .latin4: return 110
        case .cyrillic: return 144
        case .arabic: return 127
        case .greek: return 126
        case .hebrew: return 138
        case .latin5: return 148
        case .latin9: return 203
        case .thai: return 166
        }
    }

    /// The glibc iconv name used to build the decoding table.
    var iconvName: String {
        switch self {
        case .latin1: return "ISO-8859-1"
        case .latin2: return "ISO-8859-2"
        case .latin3: return "ISO-8859-3"
        case .latin4: return "ISO-8859-4"
        case .cyrillic: return "ISO-8859-5"
        case .arabic: return "ISO-8859-6"
        case .greek: return "ISO-8859-7"
        case .hebrew: return "ISO-8859-8"
        case .latin5: return "ISO-8859-9"
        case .latin9: return "ISO-8859-15"
        case .thai: return "TIS-620"
        }
    }

    /// The ISO 8859 part number, for aliases such as "ISO-8859-5"; nil for TIS 620.
    var iso8859Part: Int? {
        switch self {
        case .latin1: return 1
        case .latin2: return 2
        case .latin3: return 3
        case .latin4: return 4
        case .cyrillic: return 5
        case .arabic: return 6
        case .greek: return 7
        case .hebrew: return 8
        case .latin5: return 9
        case .latin9: return 15
        case .thai: return nil
        }
    }

    /// Final byte F of the G1 designation `ESC 02/13 F` (PS3.3 Table C.12-3).
    var escapeFinal: UInt8 {
        switch self {
        case .latin1: return 0x41  // A
        case .latin2: return 0x42  // B
        case .latin3: return 0x43  // C
        case .latin4: return 0x44  // D
        case .greek: return 0x46  // F
        case .arabic: return 0x47  // G
        case .hebrew: return 0x48  // H
        case .cyrillic: return 0x4C  // L
        case .latin5: return 0x4D  // M
        case .thai: return 0x54  // T
        case .latin9: return 0x62  // b
        }
    }
}

/// A coded graphic character set that an escape sequence can designate to G0 or G1.
///
/// 94-character sets (ASCII, the two JIS X 0201 halves) work in either element: in G1 their
/// bytes carry the high bit. 96-character sets only go to G1. The 94x94 sets use two bytes per
/// character, 0x21-0x7E each in G0 or 0xA1-0xFE each in G1.
enum GraphicSet: Hashable, Sendable {
    /// ISO-IR 6, ISO 646 US (ASCII).
    case ascii
    /// ISO-IR 14, JIS X 0201 romaji: ASCII except 0x5C is YEN SIGN and 0x7E is OVERLINE.
    case jisRomaji
    /// ISO-IR 13, JIS X 0201 katakana: 0x21-0x5F are the half-width katakana.
    case jisKatakana
    /// An ISO 8859 part or TIS 620, in G1.
    case singleByte(SingleByteSet)
    /// ISO-IR 87, JIS X 0208 (two bytes).
    case jisX0208
    /// ISO-IR 159, JIS X 0212 (two bytes).
    case jisX0212
    /// ISO-IR 149, KS X 1001 (two bytes).
    case ksX1001
    /// ISO-IR 58, GB 2312 (two bytes).
    case gb2312

    /// True for the 94x94 sets that use two bytes per character.
    var isMultiByte: Bool {
        switch self {
        case .jisX0208, .jisX0212, .ksX1001, .gb2312: return true
        default: return false
        }
    }

    /// The DICOM defined term that declares this set as a code extension, for messages.
    var codeExtensionTerm: String {
        switch self {
        case .ascii: return "ISO 2022 IR 6"
        case .jisRomaji, .jisKatakana: return "ISO 2022 IR 13"
        case .singleByte(let set): return "ISO 2022 IR \(set.registration)"
        case .jisX0208: return "ISO 2022 IR 87"
        case .jisX0212: return "ISO 2022 IR 159"
        case .ksX1001: return "ISO 2022 IR 149"
        case .gb2312: return "ISO 2022 IR 58"
        }
    }

    /// The glibc iconv name of the EUC form of a two-byte set; nil for single-byte sets.
    var eucIconvName: String? {
        switch self {
        case .jisX0208, .jisX0212: return "EUC-JP"
        case .ksX1001: return "EUC-KR"
        case .gb2312: return "EUC-CN"
        default: return nil
        }
    }

    /// Decodes one character of a 94-character set from its 7-bit code `code` (0x21-0x7E);
    /// nil when the set has no character there. Not for 96-character or two-byte sets.
    func decode94(_ code: UInt8) -> Unicode.Scalar? {
        switch self {
        case .ascii:
            return Unicode.Scalar(code)
        case .jisRomaji:
            if code == 0x5C { return "\u{00A5}" }  // YEN SIGN
            if code == 0x7E { return "\u{203E}" }  // OVERLINE
            return Unicode.Scalar(code)
        case .jisKatakana:
            guard code >= 0x21, code <= 0x5F else { return nil }
            return Unicode.Scalar(0xFF61 + UInt32(code - 0x21))  // HALFWIDTH IDEOGRAPHIC FULL STOP...
        default:
            return nil
        }
    }
}

/// The sets designated to G0 (bytes 0x21-0x7E) and G1 (bytes 0xA0-0xFF); G1 may be empty.
struct Designations: Hashable, Sendable {
    var g0: GraphicSet
    var g1: GraphicSet?
}
