/// Compact JSON written straight into a byte array: what `JSONValue.write(to:)` is made of,
/// and what a writer uses for the parts of a large output that are not worth a `JSONValue`
/// (the instances of an ImagingStudy).
public enum JSONBytes {
    /// Appends ASCII text as it is (punctuation, keys known not to need escapes).
    @inline(__always)
    public static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends `value` in decimal.
    public static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var power: UInt = 1
        while power <= magnitude / 10 { power *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: (magnitude / power) % 10))
            power /= 10
        } while power > 0
    }

    /// Appends `value` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, and U+2028 and U+2029 too (JavaScript reads them as line ends); every other
    /// character as its UTF-8.
    public static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendStringContents(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends what goes between the quotes of `value`'s string literal (see `appendString`).
    @inline(__always)
    public static func appendStringContents(_ value: String, to out: inout [UInt8]) {
        switch appendIfPlain(value, to: &out) {
        case true?: return
        case false?: appendEscaped(value.utf8, to: &out)
        case nil:
            // Not contiguous UTF-8 (a bridged string): byte by byte.
            if needsEscaping(value) { appendEscaped(value.utf8, to: &out) } else { out.append(contentsOf: value.utf8) }
        }
    }

    /// Appends what goes between the quotes of the string literal of a text given as UTF-8
    /// bytes (see `appendString`).
    public static func appendStringContents(utf8 value: ArraySlice<UInt8>, to out: inout [UInt8]) {
        if !appendIfPlain(value, to: &out) { appendEscaped(value, to: &out) }
    }

    /// Appends `"key":value` for each member, separated by commas.
    static func appendMembers(_ members: [(String, JSONValue)], to out: inout [UInt8]) {
        var first = true
        for (key, value) in members {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            value.write(to: &out)
        }
    }

    private static func appendEscaped<Bytes: Sequence>(_ value: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
        let hex = Array("0123456789abcdef".utf8)
        var utf8 = value.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"", to: &out)
            case UInt8(ascii: "\\"): append("\\\\", to: &out)
            case UInt8(ascii: "\n"): append("\\n", to: &out)
            case UInt8(ascii: "\r"): append("\\r", to: &out)
            case UInt8(ascii: "\t"): append("\\t", to: &out)
            case 0..<0x20:
                append("\\u00", to: &out)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; any other E2 sequence as it is.
                guard let second = utf8.next() else { out.append(byte); continue }
                guard second == 0x80, let third = utf8.next() else {
                    out.append(byte)
                    out.append(second)
                    continue
                }
                if third == 0xA8 || third == 0xA9 {
                    append(third == 0xA8 ? "\\u2028" : "\\u2029", to: &out)
                } else {
                    out.append(contentsOf: [byte, second, third])
                }
            default: out.append(byte)
            }
        }
    }

    /// True when `value` holds a quote, a backslash, a control character, or a byte 0xE2 that
    /// may start U+2028 or U+2029 (checked on the UTF-8 bytes, not on scalars).
    @inline(__always)
    static func needsEscaping(_ value: String) -> Bool {
        func check<C: Sequence>(_ bytes: C) -> Bool where C.Element == UInt8 {
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return true }
            return false
        }
        return value.utf8.withContiguousStorageIfAvailable { check($0) } ?? check(value.utf8)
    }
}
