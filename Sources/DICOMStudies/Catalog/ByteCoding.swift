/// Appends the compact integer and text codes of the catalog's instance lists to a byte array.
enum ByteCoding {
    /// `value` as a LEB128 varint: 7 bits a byte, low first, high bit set on all but the last.
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A signed value, zigzag-coded (0, -1, 1, -2... as 0, 1, 2, 3...), as a varint.
    static func appendSigned(_ value: Int, to bytes: inout [UInt8]) {
        let value = Int64(value)
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }

    /// A text: its UTF-8 length as a varint, then its bytes.
    static func appendText(_ text: String, to bytes: inout [UInt8]) {
        appendVarint(UInt64(text.utf8.count), to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }

    // appendFrontCoded(_:previous:to:) is in Unsafe/FrontCoding.swift.
}

/// Reads what `ByteCoding` wrote; every read returns nil past the end, so damaged bytes give
/// an error, never a trap.
struct ByteCursor {
    private let bytes: [UInt8]
    private(set) var offset: Int

    /// A cursor at the start of `bytes`.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 0
    }

    /// True when every byte has been read.
    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64, let byte = byte() {
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func signed() -> Int? {
        guard let raw = varint() else { return nil }
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A length that fits in what is left.
    mutating func length() -> Int? {
        guard let raw = varint(), raw <= UInt64(bytes.count - offset) else { return nil }
        return Int(raw)
    }

    /// A text's bytes (length, then bytes).
    mutating func text() -> ArraySlice<UInt8>? {
        guard let count = length() else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    /// A front-coded text (see `ByteCoding.appendFrontCoded`): `previous` becomes its bytes;
    /// false when the bytes are damaged.
    mutating func frontCoded(previous: inout [UInt8]) -> Bool {
        guard let shared = varint(), shared <= UInt64(previous.count), let count = length() else { return false }
        previous.removeSubrange(Int(shared)...)
        previous.append(contentsOf: bytes[offset..<offset + count])
        offset += count
        return true
    }
}
