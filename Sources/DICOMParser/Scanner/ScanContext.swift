import DICOMCore

/// Thrown by the scanner when an element needs bytes that the source has not delivered yet.
/// The driver reads more and scans the current top-level element again.
struct NeedMoreBytes: Error {
    let upTo: Int
}

/// How a data set is encoded.
struct Encoding: Equatable {
    var isExplicitVR: Bool
    var byteOrder: ByteOrder

    static let implicitLittle = Encoding(isExplicitVR: false, byteOrder: .littleEndian)
    static let explicitLittle = Encoding(isExplicitVR: true, byteOrder: .littleEndian)
}

/// What one scanning attempt sees: the bytes read so far, and whether more can come.
struct ScanContext {
    let reader: ByteReader
    /// Total size of the stream when known (a file's size); nil while a deflated stream inflates.
    let knownTotal: Int?
    /// True when `reader` holds every byte of the stream.
    let isComplete: Bool

    /// The number of bytes the stream holds as far as we know now.
    var visibleEnd: Int { knownTotal ?? reader.count }

    /// True when bytes up to `end` are readable; false when the stream ends before `end`.
    /// Throws `NeedMoreBytes` when they may come from the source.
    @inline(__always)
    func has(_ end: Int) throws -> Bool {
        if end <= reader.count { return true }
        if let total = knownTotal, end > total { return false }
        if isComplete { return false }
        throw NeedMoreBytes(upTo: end)
    }
}
