/// What is wrong with a JPEG codestream that our own decoders (lossless, 12-bit sequential)
/// read. Every malformed case has its own case; `offset` is the byte offset in the codestream.
enum JPEGStreamError: Error, Equatable, CustomStringConvertible {
    /// The data does not start with SOI (FFD8).
    case noStartOfImage
    /// A marker segment's length runs past the end of the data, or is below its minimum.
    case badSegmentLength(marker: UInt8, offset: Int, length: Int)
    /// A marker segment's content contradicts itself (e.g. SOF with more components than bytes).
    case invalidSegment(marker: UInt8, offset: Int, reason: String)
    /// A marker where it cannot be (e.g. SOS before SOF, a second SOF).
    case unexpectedMarker(marker: UInt8, offset: Int)
    /// No SOF, or no SOS, before the end of the data.
    case missingSegment(String)
    /// A frame type this decoder does not handle (e.g. arithmetic coding, hierarchical).
    case unsupportedProcess(String)
    /// A frame or scan header value out of range for its process.
    case invalidHeader(String)
    /// A scan names a Huffman or quantization table that was never defined.
    case missingTable(kind: String, id: Int)
    /// A bit pattern in the entropy-coded data that no Huffman code matches.
    case invalidHuffmanCode(offset: Int)
    /// The entropy-coded data ended (or hit a marker) before every sample was decoded.
    case entropyDataEnded(offset: Int)
    /// A restart marker was expected and none follows.
    case missingRestartMarker(offset: Int)
    /// The image is larger than the caller allows, or than the data can possibly encode.
    case tooLarge(String)
    /// A component of the frame is never decoded by any scan.
    case componentNotInAnyScan(id: Int)

    /// A one-line message naming the cause.
    public var description: String {
        func hex(_ marker: UInt8) -> String {
            let digits = String(marker, radix: 16, uppercase: true)
            return "FF" + (digits.count < 2 ? "0" + digits : digits)
        }
        switch self {
        case .noStartOfImage: return "no start of image (FFD8)"
        case .badSegmentLength(let marker, let offset, let length):
            return "segment \(hex(marker)) at offset \(offset): length \(length) does not fit the data"
        case .invalidSegment(let marker, let offset, let reason): return "segment \(hex(marker)) at offset \(offset): \(reason)"
        case .unexpectedMarker(let marker, let offset): return "unexpected marker \(hex(marker)) at offset \(offset)"
        case .missingSegment(let what): return "no \(what)"
        case .unsupportedProcess(let what): return "not decoded: \(what)"
        case .invalidHeader(let reason): return reason
        case .missingTable(let kind, let id): return "scan uses \(kind) table \(id), which is not defined"
        case .invalidHuffmanCode(let offset): return "invalid Huffman code in the entropy-coded data near offset \(offset)"
        case .entropyDataEnded(let offset): return "entropy-coded data ends at offset \(offset) before the image is complete"
        case .missingRestartMarker(let offset): return "no restart marker at offset \(offset)"
        case .tooLarge(let reason): return reason
        case .componentNotInAnyScan(let id): return "component \(id) is in no scan"
        }
    }
}
