/// A DICOM attribute tag: a (group, element) pair packed into 32 bits as `group << 16 | element`.
///
/// Tags compare in the order PS3.5 requires data elements to appear in a data set.
public struct Tag: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The packed value, `group << 16 | element`.
    public let rawValue: UInt32

    /// Creates a tag from its packed value.
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// Creates a tag from its group and element numbers.
    @inlinable public init(group: UInt16, element: UInt16) {
        rawValue = UInt32(group) << 16 | UInt32(element)
    }

    /// The group number.
    @inlinable public var group: UInt16 { UInt16(truncatingIfNeeded: rawValue >> 16) }
    /// The element number.
    @inlinable public var element: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    /// True for tags in odd groups other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 7.8).
    @inlinable public var isPrivate: Bool { group & 1 == 1 && group > 0x0007 && group != 0xFFFF }

    /// True for a Private Creator element, (gggg,0010) to (gggg,00FF) in a private group.
    @inlinable public var isPrivateCreator: Bool { isPrivate && element >= 0x0010 && element <= 0x00FF }

    /// For a private data element (gggg,xxyy), the tag of its Private Creator (gggg,00xx).
    @inlinable public var privateCreatorTag: Tag? {
        guard isPrivate, element >= 0x1000 else { return nil }
        return Tag(group: group, element: element >> 8)
    }

    /// True for a group length element (gggg,0000).
    @inlinable public var isGroupLength: Bool { element == 0 }

    /// `(GGGG,EEEE)` with upper-case hexadecimal digits, as dcmdump prints tags.
    public var description: String { "(\(Tag.hex4(group)),\(Tag.hex4(element)))" }

    /// `GGGGEEEE`, the form the DICOM JSON model uses as a key.
    public var jsonKey: String { Tag.hex4(group) + Tag.hex4(element) }

    @inlinable public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.rawValue < rhs.rawValue }

    static func hex4(_ value: UInt16) -> String {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        var out = [UInt8](repeating: 0, count: 4)
        for i in 0..<4 { out[i] = digits[Int(value >> UInt16(12 - 4 * i)) & 0xF] }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `GGGGEEEE`, `(GGGG,EEEE)` or `GGGG,EEEE`; nil when the text is not a tag.
    public init?(parsing text: String) {
        let hex = text.filter { $0.isHexDigit }
        let stripped = text.filter { !"(), ".contains($0) }
        guard hex.count == 8, stripped.count == 8, let value = UInt32(hex, radix: 16) else { return nil }
        self.init(value)
    }
}

extension Tag {
    /// (0002,0000) File Meta Information Group Length.
    public static let fileMetaInformationGroupLength = Tag(0x0002_0000)
    /// (0002,0001) File Meta Information Version.
    public static let fileMetaInformationVersion = Tag(0x0002_0001)
    /// (0002,0002) Media Storage SOP Class UID.
    public static let mediaStorageSOPClassUID = Tag(0x0002_0002)
    /// (0002,0003) Media Storage SOP Instance UID.
    public static let mediaStorageSOPInstanceUID = Tag(0x0002_0003)
    /// (0002,0010) Transfer Syntax UID.
    public static let transferSyntaxUID = Tag(0x0002_0010)
    /// (0002,0012) Implementation Class UID.
    public static let implementationClassUID = Tag(0x0002_0012)
    /// (0002,0013) Implementation Version Name.
    public static let implementationVersionName = Tag(0x0002_0013)
    /// (0002,0016) Source Application Entity Title.
    public static let sourceApplicationEntityTitle = Tag(0x0002_0016)
    /// (0004,1220) Directory Record Sequence: present in DICOMDIR files.
    public static let directoryRecordSequence = Tag(0x0004_1220)
    /// (0008,0005) Specific Character Set.
    public static let specificCharacterSet = Tag(0x0008_0005)
    /// (0008,0016) SOP Class UID.
    public static let sopClassUID = Tag(0x0008_0016)
    /// (0008,0018) SOP Instance UID.
    public static let sopInstanceUID = Tag(0x0008_0018)
    /// (0008,0020) Study Date.
    public static let studyDate = Tag(0x0008_0020)
    /// (0008,0021) Series Date.
    public static let seriesDate = Tag(0x0008_0021)
    /// (0008,0030) Study Time.
    public static let studyTime = Tag(0x0008_0030)
    /// (0008,0050) Accession Number.
    public static let accessionNumber = Tag(0x0008_0050)
    /// (0008,0060) Modality.
    public static let modality = Tag(0x0008_0060)
    /// (0008,0070) Manufacturer.
    public static let manufacturer = Tag(0x0008_0070)
    /// (0008,1030) Study Description.
    public static let studyDescription = Tag(0x0008_1030)
    /// (0008,103E) Series Description.
    public static let seriesDescription = Tag(0x0008_103E)
    /// (0010,0010) Patient's Name.
    public static let patientName = Tag(0x0010_0010)
    /// (0010,0020) Patient ID.
    public static let patientID = Tag(0x0010_0020)
    /// (0010,0030) Patient's Birth Date.
    public static let patientBirthDate = Tag(0x0010_0030)
    /// (0010,0040) Patient's Sex.
    public static let patientSex = Tag(0x0010_0040)
    /// (0020,000D) Study Instance UID.
    public static let studyInstanceUID = Tag(0x0020_000D)
    /// (0020,000E) Series Instance UID.
    public static let seriesInstanceUID = Tag(0x0020_000E)
    /// (0020,0010) Study ID.
    public static let studyID = Tag(0x0020_0010)
    /// (0020,0011) Series Number.
    public static let seriesNumber = Tag(0x0020_0011)
    /// (0020,0013) Instance Number.
    public static let instanceNumber = Tag(0x0020_0013)
    /// (0028,0008) Number of Frames.
    public static let numberOfFrames = Tag(0x0028_0008)
    /// (0028,0010) Rows.
    public static let rows = Tag(0x0028_0010)
    /// (0028,0011) Columns.
    public static let columns = Tag(0x0028_0011)
    /// (7FE0,0010) Pixel Data.
    public static let pixelData = Tag(0x7FE0_0010)
    /// (FFFE,E000) Item.
    public static let item = Tag(0xFFFE_E000)
    /// (FFFE,E00D) Item Delimitation Item.
    public static let itemDelimitationItem = Tag(0xFFFE_E00D)
    /// (FFFE,E0DD) Sequence Delimitation Item.
    public static let sequenceDelimitationItem = Tag(0xFFFE_E0DD)
}
