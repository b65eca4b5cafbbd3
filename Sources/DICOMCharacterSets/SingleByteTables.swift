/// Decoding tables for the G1 half (0xA0-0xFF) of the single-byte sets.
///
/// Each table is built once, on first use, by asking iconv for the 96 characters; a static
/// `let` makes that thread-safe. Latin-1 needs no table (byte value = code point).
enum SingleByteTables {
    /// 96 scalars for bytes 0xA0...0xFF; U+FFFD where the set has no character.
    typealias Table = [Unicode.Scalar]

    /// The table for `set`.
    static func table(for set: SingleByteSet) -> Table {
        switch set {
        case .latin1: return latin1
        case .latin2: return latin2
        case .latin3: return latin3
        case .latin4: return latin4
        case .cyrillic: return cyrillic
        case .arabic: return arabic
        case .greek: return greek
        case .hebrew: return hebrew
        case .latin5: return latin5
        case .latin9: return latin9
        case .thai: return thai
        }
    }

    private static let latin1: Table = (0xA0...0xFF).map { Unicode.Scalar(UInt8($0)) }
    private static let latin2 = build(.latin2)
    private static let latin3 = build(.latin3)
    private static let latin4 = build(.latin4)
    private static let cyrillic = build(.cyrillic)
    private static let arabic = build(.arabic)
    private static let greek = build(.greek)
    private static let hebrew = build(.hebrew)
    private static let latin5 = build(.latin5)
    private static let latin9 = build(.latin9)
    private static let thai = build(.thai)

    /// Asks iconv for each byte 0xA0...0xFF; a byte iconv rejects maps to U+FFFD. When iconv
    /// does not know the set at all, every entry is U+FFFD.
    private static func build(_ set: SingleByteSet) -> Table {
        let unknown = Table(repeating: "\u{FFFD}", count: 96)
        guard let decoder = IconvDecoder(from: set.iconvName) else { return unknown }
        var table = unknown
        var utf8: [UInt8] = []
        for byte in 0xA0...0xFF {
            utf8.removeAll(keepingCapacity: true)
            let input: [UInt8] = [UInt8(byte)]
            guard decoder.convert(input[...], unitWidth: 1, into: &utf8).count == 0 else { continue }
            let scalars = String(decoding: utf8, as: UTF8.self).unicodeScalars
            if scalars.count == 1, let scalar = scalars.first { table[byte - 0xA0] = scalar }
        }
        return table
    }
}
