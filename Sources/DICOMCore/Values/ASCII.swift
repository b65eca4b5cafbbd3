/// Byte-level helpers shared by the value parsers in this folder.
///
/// Every parser here works on the UTF-8 (or default repertoire) bytes of a value. The
/// characters they care about (digits, signs, separators, space, NUL) are all ASCII, so a
/// multi-byte UTF-8 character can never be mistaken for one of them.
enum ASCII {
    static let space: UInt8 = 0x20
    static let nul: UInt8 = 0x00
    static let plus: UInt8 = 0x2B
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let backslash: UInt8 = 0x5C
    static let zero: UInt8 = 0x30

    /// The value of an ASCII decimal digit, or nil for any other byte.
    @inline(__always)
    static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte &- 0x30) : nil
    }

    /// The number written by exactly `count` digits starting at `start`; nil when the bytes
    /// run out or any of them is not a digit.
    static func number(_ bytes: ArraySlice<UInt8>, at start: Int, count: Int) -> Int? {
        guard start >= bytes.startIndex, count >= 0, start + count <= bytes.endIndex else { return nil }
        var value = 0
        for i in start..<(start + count) {
            guard let d = digit(bytes[i]) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// True when every byte of `bytes` is a digit (and there is at least one).
    static func allDigits(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { digit($0) != nil }
    }

    /// `bytes` without leading spaces and without trailing spaces or NULs: the padding the
    /// date, time and number VRs may carry (PS3.5 6.2).
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, bytes[lower] == space { lower += 1 }
        while upper > lower, bytes[upper - 1] == space || bytes[upper - 1] == nul { upper -= 1 }
        return bytes[lower..<upper]
    }

    /// The UTF-8 bytes of `text` as a slice indexed from zero.
    static func bytes<S: StringProtocol>(_ text: S) -> ArraySlice<UInt8> {
        ArraySlice(text.utf8)
    }

    /// `value` as decimal text, left-padded with zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
