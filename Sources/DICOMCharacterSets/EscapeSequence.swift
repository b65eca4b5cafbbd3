/// ISO 2022 escape sequences that designate graphic sets (PS3.3 Tables C.12-3 and C.12-4,
/// PS3.5 Tables H.1-1, H.1-2 and K.1-1).
///
/// An escape sequence is ESC, intermediate bytes 0x20-0x2F, and one final byte 0x30-0x7E.
/// Supported designations:
///
/// | bytes            | designates                                          |
/// |------------------|-----------------------------------------------------|
/// | ESC ( B / J / I  | G0: ASCII, JIS X 0201 romaji, JIS X 0201 katakana   |
/// | ESC ) B / J / I  | G1: the same 94-character sets                      |
/// | ESC - F          | G1: ISO 8859 part / TIS 620 with final F (A B C D F G H L M T b) |
/// | ESC $ B, ESC $ @ | G0: JIS X 0208 (ESC $ @ is its 1978 edition)        |
/// | ESC $ A          | G0: GB 2312                                         |
/// | ESC $ ( F        | G0: two-byte set F (@ B: JIS X 0208, A: GB 2312, C: KS X 1001, D: JIS X 0212) |
/// | ESC $ ) F        | G1: the same two-byte sets                          |
enum EscapeSequence {
    /// The result of reading an escape sequence at an ESC byte.
    enum Parsed: Equatable {
        /// A designation of `set` to G0 (`toG1` false) or G1; `length` bytes including ESC.
        case designation(GraphicSet, toG1: Bool, length: Int)
        /// A well-formed sequence that designates nothing known.
        case unknown(length: Int)
        /// ESC not followed by intermediate bytes and a final byte.
        case malformed
    }

    static let escape: UInt8 = 0x1B
    /// ISO 2022 allows any number of intermediates; DICOM's sequences have at most two.
    private static let maxIntermediates = 3

    /// Reads the escape sequence whose ESC is at `start` in `bytes`.
    static func parse(_ bytes: ArraySlice<UInt8>, at start: Int) -> Parsed {
        assert(bytes[start] == escape)
        var index = start + 1
        while index < bytes.endIndex, (0x20...0x2F).contains(bytes[index]) {
            guard index - start <= maxIntermediates else { return .malformed }
            index += 1
        }
        guard index < bytes.endIndex, (0x30...0x7E).contains(bytes[index]) else { return .malformed }
        let length = index - start + 1
        let intermediates = bytes[(start + 1)..<index]
        guard let (set, toG1) = designation(intermediates: intermediates, final: bytes[index]) else {
            return .unknown(length: length)
        }
        return .designation(set, toG1: toG1, length: length)
    }

    private static func designation(intermediates: ArraySlice<UInt8>, final: UInt8) -> (GraphicSet, Bool)? {
        let first = intermediates.first
        let second = intermediates.dropFirst().first
        switch (intermediates.count, first, second) {
        case (1, 0x28?, _): return set94(final).map { ($0, false) }  // (
        case (1, 0x29?, _): return set94(final).map { ($0, true) }  // )
        case (1, 0x2D?, _):  // -
            return SingleByteSet.allCases.first { $0.escapeFinal == final }.map { (.singleByte($0), true) }
        case (1, 0x24?, _):  // $ with the final alone: only @, A, B (ISO 2022 6.3.2)
            guard final <= 0x42 else { return nil }
            return set94x94(final).map { ($0, false) }
        case (2, 0x24?, 0x28?): return set94x94(final).map { ($0, false) }  // $ (
        case (2, 0x24?, 0x29?): return set94x94(final).map { ($0, true) }  // $ )
        default: return nil
        }
    }

    private static func set94(_ final: UInt8) -> GraphicSet? {
        switch final {
        case 0x42: return .ascii  // B
        case 0x4A: return .jisRomaji  // J
        case 0x49: return .jisKatakana  // I
        default: return nil
        }
    }

    private static func set94x94(_ final: UInt8) -> GraphicSet? {
        switch final {
        case 0x40, 0x42: return .jisX0208  // @ (1978), B
        case 0x41: return .gb2312  // A
        case 0x43: return .ksX1001  // C
        case 0x44: return .jisX0212  // D
        default: return nil
        }
    }
}
