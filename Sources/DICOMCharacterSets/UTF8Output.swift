/// The UTF-8 bytes of a string being decoded, plus a record of the bytes that had to be
/// replaced by U+FFFD. Turned into a `String` once, at the end.
struct UTF8Output {
    var bytes: [UInt8]
    /// Offset of the first replaced input byte, if any.
    private(set) var firstReplacementOffset: Int?
    /// Number of U+FFFD written for undecodable input.
    private(set) var replacements = 0

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends an ASCII byte (0x00-0x7F) unchanged.
    @inline(__always) mutating func appendASCII(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends one scalar in UTF-8.
    mutating func append(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Appends `count` U+FFFD standing for undecodable input at `offset`.
    mutating func appendReplacement(at offset: Int, count: Int = 1) {
        guard count > 0 else { return }
        for _ in 0..<count { bytes.append(contentsOf: replacementCharacterUTF8) }
        noteReplacements(at: offset, count: count)
    }

    /// Records U+FFFD that iconv already wrote for input that starts at `offset`.
    mutating func note(_ written: Replacements, inputOffset offset: Int) {
        noteReplacements(at: offset + (written.firstOffset ?? 0), count: written.count)
    }

    private mutating func noteReplacements(at offset: Int, count: Int) {
        guard count > 0 else { return }
        if firstReplacementOffset == nil { firstReplacementOffset = offset }
        replacements += count
    }

    /// Appends UTF-8 input, replacing each ill-formed sequence by U+FFFD (the standard
    /// library's maximal-subpart rule). `offset` is where `input` starts in the value.
    mutating func appendUTF8(_ input: ArraySlice<UInt8>, offset: Int) {
        var iterator = input.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var position = offset
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                bytes.append(contentsOf: encoded)
                position += encoded.count
            case .emptyInput:
                break loop
            case .error(let length):
                appendReplacement(at: position)
                position += length
            }
        }
    }

    /// The warning for the replaced bytes, if there were any.
    var undecodableWarning: CharacterSetWarning? {
        guard let firstReplacementOffset else { return nil }
        return .undecodableBytes(offset: firstReplacementOffset, replacements: replacements)
    }

    /// The decoded text.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// True when `bytes` is well-formed UTF-8.
func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = Unicode.UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}
