/// Why a frame could not be decoded or rendered. Every decoder reports through this type:
/// damaged pixel data is an error, never a crash.
public enum PixelError: Error, Equatable, CustomStringConvertible {
    /// The data set has no Pixel Data (7FE0,0010) element.
    case noPixelData
    /// A required attribute is missing or invalid, e.g. "(0028,0010) Rows is missing".
    case invalidAttribute(String)
    /// The transfer syntax names a compression this module does not decode.
    case unsupportedTransferSyntax(uid: String, name: String)
    /// A pixel layout this module does not decode (e.g. 12-bit JPEG with an 8-bit libjpeg).
    case unsupported(String)
    /// The requested frame does not exist.
    case frameOutOfRange(index: Int, count: Int)
    /// The pixel data is shorter than the attributes require.
    case truncated(expected: Int, actual: Int, context: String)
    /// The encapsulated fragments do not map onto frames (bad offset table, too few fragments).
    case badFragments(String)
    /// A compressed frame could not be decoded; `codec` names the decoder.
    case corruptCodestream(codec: String, reason: String)

    /// A one-line message naming the cause.
    public var description: String {
        switch self {
        case .noPixelData: return "no Pixel Data (7FE0,0010)"
        case .invalidAttribute(let text): return text
        case .unsupportedTransferSyntax(let uid, let name): return "cannot decode pixel data in \(name) (\(uid))"
        case .unsupported(let text): return "unsupported pixel data: \(text)"
        case .frameOutOfRange(let index, let count): return "frame \(index + 1) does not exist (the file has \(count))"
        case .truncated(let expected, let actual, let context):
            return "\(context): pixel data holds \(actual) bytes, \(expected) needed"
        case .badFragments(let text): return "encapsulated pixel data: \(text)"
        case .corruptCodestream(let codec, let reason): return "\(codec): \(reason)"
        }
    }
}
