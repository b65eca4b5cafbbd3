/// Why one value cannot be read; the clause parser turns it into `SearchError.invalidValue`.
struct ValueProblem: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// FHIR search value syntax: `,` separates alternatives, `|` the parts of a token, and `\`
/// escapes `\`, `,`, `|` and `$` inside a value. Arguments are taken as the shell gives them:
/// no percent-decoding.
enum SearchValueText {
    /// `text` split at every `separator` that no backslash escapes; the parts keep their escapes.
    static func split(_ text: Substring, on separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == separator {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        parts.append(text[start..<text.endIndex])
        return parts
    }

    /// `text` with its escapes resolved: `\,` `\|` `\$` `\\` give the character; a backslash
    /// before anything else stays as it is.
    static func unescape(_ text: Substring) -> String {
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\\", next < text.endIndex, "\\,|$".contains(text[next]) {
                out.append(text[next])
                index = text.index(after: next)
            } else {
                out.append(character)
                index = next
            }
        }
        return out
    }
}
