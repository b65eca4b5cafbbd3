/// Walks the marker segments of a codestream: each marker with the byte range of its body.
struct SegmentWalker {
    struct Segment {
        let marker: UInt8
        /// Offset of the marker's FF byte.
        let offset: Int
        let body: Range<Int>
    }

    let bytes: [UInt8]
    private(set) var position = 0
    private var stopped = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Checks SOI at the start.
    mutating func start() throws {
        guard bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 else { throw JPEGStreamError.noStartOfImage }
        position = 2
    }

    mutating func stop() { stopped = true }

    /// The next segment, nil at the end of the data. Bytes that are not a marker are skipped
    /// (libjpeg's "extraneous bytes before marker").
    mutating func next() throws -> Segment? {
        guard !stopped else { return nil }
        while position < bytes.count, bytes[position] != 0xFF { position += 1 }
        while position + 1 < bytes.count, bytes[position + 1] == 0xFF { position += 1 }  // fill bytes
        guard position + 1 < bytes.count else { return nil }
        let offset = position
        let marker = bytes[position + 1]
        position += 2
        // Markers without a length: SOI, EOI, RSTn, TEM, and FF00 met outside entropy data.
        if marker == 0xD8 || marker == 0xD9 || (0xD0...0xD7).contains(marker) || marker == 0x01 || marker == 0x00 {
            return Segment(marker: marker, offset: offset, body: position..<position)
        }
        guard position + 2 <= bytes.count else {
            throw JPEGStreamError.badSegmentLength(marker: marker, offset: offset, length: bytes.count - position)
        }
        let length = Int(bytes[position]) << 8 | Int(bytes[position + 1])
        guard length >= 2, position + length <= bytes.count else {
            throw JPEGStreamError.badSegmentLength(marker: marker, offset: offset, length: length)
        }
        let body = (position + 2)..<(position + length)
        position += length
        return Segment(marker: marker, offset: offset, body: body)
    }

    /// Moves past entropy-coded data (with its stuffed FF00 and RSTn markers) to the next
    /// other marker; returns where the data ends.
    mutating func skipEntropyData() -> Int {
        var at = position
        while at + 1 < bytes.count {
            if bytes[at] == 0xFF {
                let next = bytes[at + 1]
                if next != 0x00 && next != 0xFF && !(0xD0...0xD7).contains(next) { break }
                at += next == 0xFF ? 1 : 2
            } else {
                at += 1
            }
        }
        if at + 1 >= bytes.count { at = bytes.count }
        position = at
        return at
    }
}
