import DICOMCore
import DICOMStudies

/// Values as a reader of the page wants to see them: dates as 2024-03-12, times as 10:30,
/// names as "Family, Given". The result is plain text, still to be escaped.
enum DisplayText {
    /// "Müller, Jürgen" and, when the name has an ideographic or phonetic group, that group
    /// ("山田 太郎") as the second value.
    static func personName(_ raw: String) -> (main: String, other: String?) {
        let name = PersonName(raw)
        let alphabetic = western(name.alphabetic)
        let ideographic = spaced(name.ideographic)
        let phonetic = spaced(name.phonetic)
        if alphabetic.isEmpty {
            if !ideographic.isEmpty { return (ideographic, phonetic.isEmpty ? nil : phonetic) }
            return (phonetic.isEmpty ? raw : phonetic, nil)
        }
        let other = [ideographic, phonetic].filter { !$0.isEmpty }.joined(separator: " · ")
        return (alphabetic, other.isEmpty ? nil : other)
    }

    /// "Family, Given Middle" with prefix and suffix ("Dr. Family, Given, Jr.").
    private static func western(_ group: PersonName.ComponentGroup) -> String {
        let given = [group.givenName, group.middleName].filter { !$0.isEmpty }.joined(separator: " ")
        var text = [group.familyName, given].filter { !$0.isEmpty }.joined(separator: ", ")
        if !group.namePrefix.isEmpty { text = group.namePrefix + " " + text }
        if !group.nameSuffix.isEmpty { text += ", " + group.nameSuffix }
        return text
    }

    /// The components in written order, separated by spaces (ideographic and phonetic names).
    private static func spaced(_ group: PersonName.ComponentGroup) -> String {
        [group.namePrefix, group.familyName, group.givenName, group.middleName, group.nameSuffix]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A DA value as 2024-03-12 (2024-03, 2024 when partial); the raw text when it does not parse.
    static func date(_ raw: String) -> String {
        DICOMDate(raw)?.iso8601 ?? raw
    }

    /// A TM value as 10:30 (10:30:15 when it has seconds other than 0); the raw text when it
    /// does not parse.
    static func time(_ raw: String) -> String {
        guard let time = DICOMTime(raw) else { return raw }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = two(time.hour) + ":" + two(time.minute ?? 0)
        if let second = time.second, second != 0 { text += ":" + two(second) }
        return text
    }

    /// "1 series", "1,234 instances".
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        grouped(n) + " " + (n == 1 ? singular : plural)
    }

    /// Patient's Sex as a word.
    static func sex(_ raw: String) -> String {
        switch raw.uppercased() {
        case "M": return "male"
        case "F": return "female"
        case "O": return "other"
        default: return raw
        }
    }
}
