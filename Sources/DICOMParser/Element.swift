import DICOMCore

/// One data element as the scanner found it: where it is, not what it means.
///
/// The value stays in the file's bytes until someone asks for it (see `DataSet`'s value
/// accessors); nothing is decoded while scanning.
public struct Element: Sendable {
    /// The element's tag.
    public let tag: Tag
    /// Its VR: explicit from the file, or from the dictionary in implicit VR.
    public let vr: VR
    /// Offset of the element's first byte (its tag) in the data.
    public let headerOffset: Int
    /// Offset of the value's first byte.
    public let valueOffset: Int
    /// Number of value bytes: the length field, or for undefined length the bytes up to
    /// (not including) the delimiter.
    public let valueLength: Int
    /// True when the length field was 0xFFFFFFFF (sequences, encapsulated pixel data).
    public let hasUndefinedLength: Bool
    /// Index of this element's items (`DataSet.items(of:)`) or fragments; -1 when none.
    let childIndex: Int32

    init(tag: Tag, vr: VR, headerOffset: Int, valueOffset: Int, valueLength: Int,
         hasUndefinedLength: Bool, childIndex: Int32 = -1) {
        self.tag = tag
        self.vr = vr
        self.headerOffset = headerOffset
        self.valueOffset = valueOffset
        self.valueLength = valueLength
        self.hasUndefinedLength = hasUndefinedLength
        self.childIndex = childIndex
    }

    /// The value's byte range in the data.
    public var valueRange: Range<Int> { valueOffset..<(valueOffset + valueLength) }

    /// The length as the file wrote it: nil for undefined length.
    public var length: UInt32? { hasUndefinedLength ? nil : UInt32(truncatingIfNeeded: valueLength) }
}

/// A fragment of encapsulated pixel data: an item's value in the Pixel Data element.
public struct Fragment: Equatable, Sendable {
    /// Offset of the fragment's item tag.
    public let itemOffset: Int
    /// Offset of the fragment's first byte.
    public let offset: Int
    /// Its length in bytes.
    public let length: Int
}
