/// How a data set is encoded, as named by its Transfer Syntax UID (PS3.5 section 10).
public struct TransferSyntax: Hashable, Sendable {
    /// The Transfer Syntax UID.
    public let uid: String
    /// True when the data set uses explicit VR.
    public let isExplicitVR: Bool
    /// Byte order of the data set.
    public let byteOrder: ByteOrder
    /// True when the data set after the file meta is deflated (RFC 1951).
    public let isDeflated: Bool
    /// True when Pixel Data is encapsulated (compressed fragments).
    public let isEncapsulated: Bool

    /// Creates a transfer syntax description.
    public init(uid: String, isExplicitVR: Bool, byteOrder: ByteOrder, isDeflated: Bool = false,
                isEncapsulated: Bool = false) {
        self.uid = uid
        self.isExplicitVR = isExplicitVR
        self.byteOrder = byteOrder
        self.isDeflated = isDeflated
        self.isEncapsulated = isEncapsulated
    }

    /// Implicit VR Little Endian, the default (1.2.840.10008.1.2).
    public static let implicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2", isExplicitVR: false, byteOrder: .littleEndian)
    /// Explicit VR Little Endian (1.2.840.10008.1.2.1).
    public static let explicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1", isExplicitVR: true, byteOrder: .littleEndian)
    /// Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99).
    public static let deflatedExplicitVRLittleEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.99", isExplicitVR: true, byteOrder: .littleEndian, isDeflated: true)
    /// Explicit VR Big Endian, retired (1.2.840.10008.1.2.2).
    public static let explicitVRBigEndian = TransferSyntax(
        uid: "1.2.840.10008.1.2.2", isExplicitVR: true, byteOrder: .bigEndian)
    /// Encapsulated Uncompressed Explicit VR Little Endian (1.2.840.10008.1.2.1.98).
    public static let encapsulatedUncompressed = TransferSyntax(
        uid: "1.2.840.10008.1.2.1.98", isExplicitVR: true, byteOrder: .littleEndian, isEncapsulated: true)

    /// The encoding for `uid`. Every UID other than the four native syntaxes is read as
    /// explicit VR little endian with encapsulated pixel data, which is what PS3.5 A.4 requires
    /// of every compressed syntax (JPEG, JPEG-LS, JPEG 2000, RLE, MPEG, HEVC, HTJ2K, JPEG XL...).
    public static func forUID(_ uid: String) -> TransferSyntax {
        switch uid {
        case implicitVRLittleEndian.uid: return .implicitVRLittleEndian
        case explicitVRLittleEndian.uid: return .explicitVRLittleEndian
        case deflatedExplicitVRLittleEndian.uid: return .deflatedExplicitVRLittleEndian
        case explicitVRBigEndian.uid: return .explicitVRBigEndian
        case "1.2.840.10008.1.2.1.98": return .encapsulatedUncompressed
        // JPIP referenced syntaxes carry no pixel data; Deflated JPIP is deflated.
        case "1.2.840.10008.1.2.4.95": return .deflatedExplicitVRLittleEndian.renamed(uid)
        default:
            return TransferSyntax(uid: uid, isExplicitVR: true, byteOrder: .littleEndian, isEncapsulated: true)
        }
    }

    private func renamed(_ newUID: String) -> TransferSyntax {
        TransferSyntax(uid: newUID, isExplicitVR: isExplicitVR, byteOrder: byteOrder,
                       isDeflated: isDeflated, isEncapsulated: isEncapsulated)
    }
}
