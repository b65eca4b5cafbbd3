import CZlib
import DICOMCore

/// A deflated data set (RFC 1951 raw deflate, or with a zlib header, which some writers add)
/// inflated on demand and appended after the file meta bytes.
///
/// The compressed input comes from `readInput(offset, length, &into)`, which appends up to
/// `length` bytes and returns how many it appended (0 at the end).
final class InflatingByteSource: ByteSource {
    typealias InputReader = (_ offset: Int, _ length: Int, _ into: inout [UInt8]) throws -> Int

    private let readInput: InputReader
    private var inputOffset: Int
    private var input: [UInt8] = []
    private var inputConsumed = 0
    private var inputEnded = false
    private var stream = z_stream()
    private var started = false
    private var finished = false
    private let limit: Int
    private let outputStart: Int
    private let path: String?

    /// - Parameters:
    ///   - compressedOffset: where the compressed bytes start in the input.
    ///   - outputStart: offset in the buffer where inflated bytes begin (the end of the meta).
    init(compressedOffset: Int, outputStart: Int, limit: Int, path: String?, readInput: @escaping InputReader) {
        self.inputOffset = compressedOffset
        self.outputStart = outputStart
        self.limit = limit
        self.path = path
        self.readInput = readInput
    }

    deinit { if started { inflateEnd(&stream) } }

    /// The fewest bytes one `extend` inflates.
    private static let minimumStep = 2048
    /// From this many bytes inflated on, each `extend` doubles them.
    private static let doublingFrom = 65536
    /// Compressed bytes read at a time: a deflated header is usually a few KiB.
    private static let inputChunk = 16384

    var knownTotal: Int? { nil }
    var isExhausted: Bool { finished }

    func extend(_ buffer: inout [UInt8], to target: Int) throws {
        if finished { return }
        try startIfNeeded()
        // Inflating costs about 20 instructions a byte: inflate what was asked for and a little
        // more (a header is read element by element), and past 64 KiB as much again as
        // inflated so far (few rounds for a whole large data set).
        let produced = buffer.count - outputStart
        let goal = max(target, buffer.count + (produced < Self.doublingFrom ? Self.minimumStep : produced))
        while buffer.count < goal && !finished {
            if inputConsumed == input.count && !inputEnded { try refill() }
            let produced = buffer.count - outputStart
            guard produced <= limit else {
                // One byte past the limit was inflated to tell; the error names the first such byte.
                throw error(at: outputStart + limit, .inflatedTooLarge(limit: limit))
            }
            let room = min(goal - buffer.count, limit - produced + 1, 1 << 20)
            let start = buffer.count
            buffer += [UInt8](repeating: 0, count: room)  // memset, where repeatElement copies byte by byte
            var status: Int32 = Z_OK
            var written = 0
            let inputCount = input.count
            let consumedBefore = inputConsumed
            input.withUnsafeMutableBytes { inRaw in
                buffer.withUnsafeMutableBytes { outRaw in
                    stream.next_in = inRaw.baseAddress.map {
                        ($0 + consumedBefore).assumingMemoryBound(to: Bytef.self)
                    }
                    stream.avail_in = uInt(inputCount - consumedBefore)
                    stream.next_out = (outRaw.baseAddress! + start).assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(room)
                    status = inflate(&stream, Z_NO_FLUSH)
                    written = room - Int(stream.avail_out)
                    stream.next_in = nil
                    stream.next_out = nil
                }
            }
            inputConsumed = inputCount - Int(stream.avail_in)
            buffer.removeLast(room - written)
            switch status {
            case Z_STREAM_END:
                finished = true
            case Z_OK:
                break
            case Z_BUF_ERROR where inputEnded && inputConsumed == input.count:
                // The compressed stream ends without its final block: keep what inflated.
                finished = true
            case Z_BUF_ERROR:
                break
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw error(at: buffer.count, .inflateFailed(message))
            }
            if written == 0 && inputEnded && inputConsumed == input.count { finished = true }
        }
    }

    private func startIfNeeded() throws {
        guard !started else { return }
        try refill()
        // A zlib header (RFC 1950) is tolerated: CMF says deflate and the check bits hold.
        var windowBits: Int32 = -15
        if input.count >= 2 {
            let cmf = Int(input[0]), flg = Int(input[1])
            if cmf & 0x0F == 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 == 0 { windowBits = 15 }
        }
        let status = inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw error(at: outputStart, .inflateFailed("inflateInit2 status \(status)")) }
        started = true
    }

    private func refill() throws {
        if inputConsumed > 0 {
            input.removeFirst(inputConsumed)
            inputConsumed = 0
        }
        let got = try readInput(inputOffset, Self.inputChunk, &input)
        inputOffset += got
        if got == 0 { inputEnded = true }
    }

    private func error(at offset: Int, _ kind: ReadErrorKind) -> ReadError {
        ReadError(path: path, offset: offset, kind: kind, inInflatedData: true)
    }
}
