/// FHIR search parameter values for conditional requests (`ifNoneExist`, conditional `PUT`).
enum SearchQuery {
    /// A token `system|value` (or `|value` when there is no system, which matches only
    /// identifiers without a system), escaped and percent-encoded for a query string.
    ///
    /// FHIR search escapes `\`, `|`, `,` and `$` inside a value with a backslash; then every
    /// byte other than letters, digits, `-._~:/` is percent-encoded (so `+`, `&`, `#`, spaces
    /// and non-ASCII text survive `application/x-www-form-urlencoded` decoding). The `|`
    /// between system and value stays as it is.
    static func token(system: String?, value: String) -> String {
        (system.map(encode) ?? "") + "|" + encode(value)
    }

    /// One escaped and percent-encoded part of a token.
    static func encode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: "$"):
                out += "%5C"
                appendPercent(byte, to: &out)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                appendPercent(byte, to: &out)
            }
        }
        return out
    }

    private static func appendPercent(_ byte: UInt8, to out: inout String) {
        let digits: [Character] = Array("0123456789ABCDEF")
        out.append("%")
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
}
