import DICOMCore

/// The Transfer Syntax UIDs most files name, each made once: a file that names one of these
/// gets this string as its `declaredTransferSyntaxUID`, not a new one.
enum TransferSyntaxUIDs {
    private static let common: [String] = [
        TransferSyntax.implicitVRLittleEndian.uid, TransferSyntax.explicitVRLittleEndian.uid,
        TransferSyntax.deflatedExplicitVRLittleEndian.uid, TransferSyntax.explicitVRBigEndian.uid,
        "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
        "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
        "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203",
    ]

    /// The UID in `bytes`, as `asciiTrimmed` reads it (NUL and space padding removed), and the
    /// common string when it is one of those.
    static func uid(_ bytes: ArraySlice<UInt8>) -> String {
        var trimmed = bytes
        while let last = trimmed.last, last == 0 || last == 0x20 { trimmed = trimmed.dropLast() }
        while let first = trimmed.first, first == 0x20 { trimmed = trimmed.dropFirst() }
        // Most differ in their last bytes: those are compared first.
        for uid in common where uid.utf8.count == trimmed.count && uid.utf8.last == trimmed.last
            && uid.utf8.elementsEqual(trimmed) { return uid }
        return String(decoding: trimmed, as: UTF8.self)
    }
}
