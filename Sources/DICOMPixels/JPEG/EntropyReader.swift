/// Reads the bits of a scan's entropy-coded data (ITU T.81 F.2.2.5): FF00 is a stuffed FF,
/// RSTn markers end each restart interval, and any other marker ends the data. Past the end
/// it supplies zero bits, as libjpeg does, but only a few bytes' worth: a decoder that needs
/// more has found the data cut short and gets `entropyDataEnded`.
struct EntropyReader {
    /// Most zero bytes supplied past the end of the data before decoding gives up: enough for
    /// the lookahead of the last codes of a complete interval.
    static let maxPaddingBytes = 16

    private let bytes: [UInt8]
    private let end: Int
    private var position: Int
    /// Bits not yet consumed, in the low `count` bits.
    private var buffer: UInt64 = 0
    private var count = 0
    private var padding = 0
    private var atMarker = false

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        end = range.upperBound
        position = range.lowerBound
    }

    /// Where the next unread byte is (for error messages).
    var offset: Int { position }

    @inline(__always)
    private mutating func fill() throws {
        while count <= 56 {
            var byte: UInt8 = 0
            if !atMarker, position < end {
                byte = bytes[position]
                if byte == 0xFF {
                    let next = position + 1 < end ? bytes[position + 1] : 0xD9
                    if next == 0x00 {
                        position += 2
                    } else {
                        atMarker = true
                        byte = 0
                    }
                } else {
                    position += 1
                }
            } else {
                atMarker = true
            }
            if atMarker {
                padding += 1
                if padding > Self.maxPaddingBytes { throw JPEGStreamError.entropyDataEnded(offset: position) }
            }
            buffer = buffer << 8 | UInt64(byte)
            count += 8
        }
    }

    /// The next `n` (0...16) bits as an unsigned value.
    @inline(__always)
    mutating func bits(_ n: Int) throws -> Int {
        guard n > 0 else { return 0 }
        if count < n { try fill() }
        count -= n
        return Int(truncatingIfNeeded: buffer >> UInt64(count)) & ((1 << n) - 1)
    }

    /// The next Huffman-coded value of `table`.
    @inline(__always)
    mutating func decode(_ table: HuffmanTable) throws -> Int {
        if count < 16 { try fill() }
        let peek = Int(truncatingIfNeeded: buffer >> UInt64(count - 16)) & 0xFFFF
        let entry = table.lookahead[peek >> (16 - HuffmanTable.lookaheadBits)]
        if entry != 0 {
            count -= Int(entry >> 8)
            return Int(entry & 0xFF)
        }
        for length in (HuffmanTable.lookaheadBits + 1)...16 {
            let code = Int32(peek >> (16 - length))
            if code <= table.maxCode[length] {
                count -= length
                let index = Int(table.valueOffset[length] + code)
                guard index >= 0, index < table.values.count else { break }
                return Int(table.values[index])
            }
        }
        throw JPEGStreamError.invalidHuffmanCode(offset: position)
    }

    /// A Huffman category's extra bits, sign-extended (T.81 F.2.2.1 EXTEND).
    @inline(__always)
    mutating func receiveExtend(_ category: Int) throws -> Int {
        guard category > 0 else { return 0 }
        let value = try bits(category)
        return value < 1 << (category - 1) ? value - (1 << category) + 1 : value
    }

    /// Ends a restart interval: drops the buffered bits and moves past the RSTn marker.
    /// A marker that is not where the data ran out is looked for further on (libjpeg resyncs
    /// the same way); throws when there is none.
    mutating func restart() throws {
        buffer = 0
        count = 0
        padding = 0
        atMarker = false
        var at = position
        while at + 1 < end {
            if bytes[at] == 0xFF, (0xD0...0xD7).contains(bytes[at + 1]) {
                position = at + 2
                return
            }
            at += 1
        }
        throw JPEGStreamError.missingRestartMarker(offset: position)
    }
}
