/// The lines of a generated string literal, addressed by their UTF-8 offsets.
///
/// The generated tables keep keywords, names and UIDs as one multi-line literal each plus an
/// array of line offsets, which compiles fast and costs nothing at startup: no `String` exists
/// until a lookup returns one.
struct PackedLines {
    /// The lines, separated by `\n`; the last line has no newline after it.
    let text: StaticString
    /// `starts[i]` is the UTF-8 offset of line i; the last element is one past the text's end
    /// plus one, as if the last line ended with a newline.
    let starts: [UInt32]

    /// Byte range of line `i`, without its newline.
    @inline(__always)
    func range(_ i: Int) -> Range<Int> {
        Int(starts[i])..<(Int(starts[i + 1]) - 1)
    }

    /// True when line `i` is empty.
    func isEmpty(_ i: Int) -> Bool { range(i).isEmpty }

    /// Line `i` as a `String`.
    func string(_ i: Int) -> String {
        let bytes = range(i)
        return text.withUTF8Buffer { String(decoding: $0[bytes], as: UTF8.self) }
    }

    /// Line `i`, or nil when it is empty.
    func nonEmptyString(_ i: Int) -> String? {
        isEmpty(i) ? nil : string(i)
    }

    /// Binary search for `key` among `count` lines sorted by their bytes, where `line(k)` is the
    /// line index of the k-th line in that order. Returns the line index, or nil.
    func search(_ key: String, count: Int, line: (Int) -> Int) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            text.withUTF8Buffer { all in
                var low = 0
                var high = count
                while low < high {
                    let middle = (low + high) / 2
                    let index = line(middle)
                    let order = PackedLines.compare(all[range(index)], wanted)
                    if order == 0 { return index }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    /// Lexicographic comparison of two byte sequences: negative, zero or positive.
    static func compare<A: Sequence, B: Sequence>(_ a: A, _ b: B) -> Int
    where A.Element == UInt8, B.Element == UInt8 {
        var left = a.makeIterator()
        var right = b.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?) where x != y: return x < y ? -1 : 1
            default: continue
            }
        }
    }
}
