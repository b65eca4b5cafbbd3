import JSONWriting

/// RFC 4180 text for the CSV files, made safe to open in a spreadsheet.
enum CSVText {
    /// Characters that make a spreadsheet read a cell as a formula when they start it: the
    /// OWASP list (= + - @, tab, carriage return) and the fullwidth forms of the first four,
    /// which some spreadsheets in East Asian locales also treat as formula starts.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// One row: the fields separated by commas, ended by CRLF.
    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// The cell text of a value: integers in decimal, null as an empty cell, text neutralized.
    /// Integers are written by us and never neutralized (`-3` stays a number).
    static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .int(let number): return String(number)
        case .string(let text): return neutralized(text)
        default: return value.serialized()
        }
    }

    /// `text` with a `'` before it when it starts like a formula (`=1+1` is `'=1+1`), as OWASP
    /// recommends; a spreadsheet then shows it as text. Readers that want the value back drop a
    /// leading `'` that is followed by one of `formulaStarts`.
    static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// The field quoted as RFC 4180 requires: in double quotes, with quotes doubled, when it
    /// holds a comma, a double quote, CR or LF (and, for readers that trim, leading or trailing space).
    static func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || field.unicodeScalars.first == " " || field.unicodeScalars.last == " "
        guard needsQuotes else { return field }
        var text = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { text.unicodeScalars.append(scalar) }
            text.unicodeScalars.append(scalar)
        }
        return text + "\""
    }
}
