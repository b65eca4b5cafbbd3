import DICOMCore

/// Every limit and choice of the reader in one value, with defaults that suit an archive scan.
public struct ParseOptions: Sendable {
    /// Stop before the first top-level element whose tag is at or after this tag; nil reads the
    /// whole file. `Tag.pixelData` reads the header only; a scan that needs tags up to T passes
    /// the tag after T, so nothing past it is read from disk.
    public var stopBefore: Tag?
    /// The elements to record: nil records every element. With a set, only elements with these
    /// tags are recorded, at every level (in the file's data set, and in the items of the
    /// sequences recorded); Pixel Representation (0028,0103), which the VR of some implicit VR
    /// elements depends on, is always recorded. Every element up to `stopBefore` is still read
    /// and checked as without a set, with the same errors, warnings and Specific Character Set:
    /// the others are only not recorded, and a sequence not recorded builds no items.
    /// A scan that decodes a few attributes passes them here.
    public var keptTags: TagSet?
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

    /// Options that stop before `tag` and record only `keptTags` (all when nil).
    public init(stopBefore tag: Tag?, keptTags: TagSet? = nil) {
        stopBefore = tag
        self.keptTags = keptTags
    }

    /// Read everything but the pixel data.
    public static var headerOnly: ParseOptions { ParseOptions(stopBefore: .pixelData) }
}
