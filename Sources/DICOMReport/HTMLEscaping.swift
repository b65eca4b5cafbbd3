/// Text from files made safe for HTML: every value taken from a DICOM file or a path goes
/// through `escape(_:)` before it reaches the page, in text and in attribute values alike.
///
/// - `& < > " '` become `&amp; &lt; &gt; &quot; &#39;`, so a value can neither open a tag nor
///   leave a quoted attribute.
/// - Control characters (C0, DEL, C1) and noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) are
///   shown as `\xNN` or `\uNNNN`: a browser would hide them or a parser reject them (XML 1.0
///   forbids most of them even as references), and a newline in a file name should be seen.
///
/// The page is also well-formed XML (polyglot markup), which the tests parse it as.
public enum HTMLEscaping {
    /// `text` escaped for an HTML text node or a quoted attribute value.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isSpecial(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if isHidden(scalar) {
                    result += visible(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    @inline(__always)
    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": return true
        default: return isHidden(scalar)
        }
    }

    /// Controls and noncharacters.
    @inline(__always)
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if value < 0xFDD0 { return false }
        return (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// `\xNN` for ASCII controls, `\uNNNN` (or more digits) for the others.
    private static func visible(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        if scalar.value < 0x80 { return "\\x" + String(repeating: "0", count: 2 - digits.count) + digits }
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
