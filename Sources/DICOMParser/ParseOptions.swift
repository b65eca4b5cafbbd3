import DICOMCore

/// Every limit and choice of the reader in one value, with defaults that suit an archive scan.
public struct ParseOptions: Sendable {
    /// Stop before the first top-level element whose tag is at or after this tag; nil reads the
    /// whole file. `Tag.pixelData` reads the header only; a scan that needs tags up to T passes
    /// the tag after T, so nothing past it is read from disk.
    public var stopBefore: Tag?
    /// Bytes read from disk at first; the buffer grows (doubling) only when an element needs more.
    public var initialReadSize: Int = 4096
    /// Deepest sequence nesting accepted; deeper data is an error, not unbounded recursion.
    public var maxSequenceDepth: Int = 64
    /// Largest number of bytes a deflated data set may inflate to (a guard against zip bombs).
    public var maxInflatedSize: Int = 1 << 30
    /// The most warnings one file records; past it, one last warning says that more were
    /// dropped. A file of a million stray delimiters would otherwise hold a million warnings.
    public var maxWarnings: Int = 1000
    /// Accept raw data sets without preamble and file meta when they look like DICOM.
    public var allowRawDataSets: Bool = true

    /// The defaults: read the whole file.
    public init() {}

    /// Options that stop before `tag`.
    public init(stopBefore tag: Tag?) { stopBefore = tag }

    /// Read everything but the pixel data.
    public static var headerOnly: ParseOptions { ParseOptions(stopBefore: .pixelData) }
}
