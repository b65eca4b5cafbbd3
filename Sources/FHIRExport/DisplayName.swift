import DICOMCore

/// The display text of a PN value (`Elements.displayName`) worked out on the bytes: the text
/// `PersonName` gives, at a tenth of the cost (a study writes one for its patient, referrer and
/// readers, a series one per performer).
///
/// `PersonName` splits on the characters `=` and `^` and trims the character " ". A Swift
/// character is a grapheme cluster: a delimiter or space followed by a combining mark (or
/// preceded by a prepended concatenation mark) is part of a larger character and does not
/// count as one. With ASCII on both sides of every delimiter and space, each of them is a
/// character of its own (CR LF is one character, but neither a delimiter nor a space), so
/// splitting and trimming bytes gives the same parts; otherwise `PersonName` decides.
enum DisplayName {
    /// The text, or `.some(nil)` for an empty name; nil when a delimiter or space touches a
    /// non-ASCII byte (then ask `PersonName`).
    static func ascii(_ value: String) -> String?? {
        var bytes = Array(value.utf8)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80, previous == space || previous == equals || previous == caret { return nil }
            if previous >= 0x80, byte == space || byte == equals || byte == caret { return nil }
            previous = byte
        }
        while bytes.last == space { bytes.removeLast() }
        // Up to three groups (alphabetic, ideographic, phonetic); the first with a word wins.
        let groups = split(bytes[...], on: equals, pieces: 4)
        for (index, group) in groups.prefix(3).enumerated() {
            let parts = split(group, on: caret, pieces: 6).map(trimmed)
            func part(_ i: Int) -> ArraySlice<UInt8> { i < parts.count ? parts[i] : [] }
            // family, given, middle, prefix, suffix; read as prefix given middle family suffix,
            // or, for the ideographic and phonetic groups, prefix family given middle suffix.
            let order = index == 0 ? [3, 1, 2, 0, 4] : [3, 0, 1, 2, 4]
            var text: [UInt8] = []
            for i in order where !part(i).isEmpty {
                if !text.isEmpty { text.append(space) }
                text.append(contentsOf: part(i))
            }
            if !text.isEmpty { return .some(String(decoding: text, as: UTF8.self)) }
        }
        return .some(nil)
    }

    private static let space = UInt8(ascii: " ")
    private static let equals = UInt8(ascii: "=")
    private static let caret = UInt8(ascii: "^")

    /// At most `pieces` pieces: the last holds the rest, delimiters and all.
    private static func split(_ bytes: ArraySlice<UInt8>, on delimiter: UInt8, pieces: Int) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex, result.count < pieces - 1 {
            if bytes[index] == delimiter {
                result.append(bytes[start..<index])
                start = index + 1
            }
            index += 1
        }
        result.append(bytes[start...])
        return result
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while slice.first == space { slice.removeFirst() }
        while slice.last == space { slice.removeLast() }
        return slice
    }
}
