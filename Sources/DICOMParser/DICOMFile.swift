import DICOMCore

/// A DICOM file as read: its file meta, its data set (up to where reading stopped) and what
/// the reader tolerated along the way.
public struct DICOMFile: Sendable {
    /// The path the file was read from, if any.
    public let path: String?
    /// True for a Part 10 file: 128-byte preamble followed by `DICM`.
    public let hasPreamble: Bool
    /// The file meta information (group 0002); nil for a raw data set without one.
    public let fileMeta: DataSet?
    /// The data set after the file meta.
    public let dataSet: DataSet
    /// The Transfer Syntax UID the file meta names, trimmed; nil when absent.
    public let declaredTransferSyntaxUID: String?
    /// The encoding the data set was actually read with: the declared syntax, or what the
    /// reader detected where the declared one was missing or wrong.
    public let transferSyntax: TransferSyntax
    /// Offset of the data set's first byte (after the file meta).
    public let dataSetOffset: Int
    /// Everything the reader tolerated (misspelled character sets, missing delimiters...).
    public let warnings: [ReadWarning]
    /// Set when the data set was cut short by damage: the elements before it are in `dataSet`.
    public let damage: ReadError?
    /// The tag at which reading stopped because of `ParseOptions.stopBefore`, if it did.
    public let stoppedBefore: Tag?
    /// Bytes read from disk (or used from memory) to produce this result.
    public let bytesRead: Int

    /// True when the whole file was read without damage.
    public var isComplete: Bool { damage == nil && stoppedBefore == nil }

    /// True for a DICOMDIR (Media Storage Directory), which indexes files rather than holding an image.
    public var isDICOMDIR: Bool {
        fileMeta?.firstValue(.mediaStorageSOPClassUID, is: "1.2.840.10008.1.3.10") == true
            || dataSet.contains(.directoryRecordSequence)
    }
}
