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
    @inlinable public static var fileMetaInformationGroupLength: Tag { Tag(0x0002_0000) }
    /// (0002,0001) File Meta Information Version.
    @inlinable public static var fileMetaInformationVersion: Tag { Tag(0x0002_0001) }
    /// (0002,0002) Media Storage SOP Class UID.
    @inlinable public static var mediaStorageSOPClassUID: Tag { Tag(0x0002_0002) }
    /// (0002,0003) Media Storage SOP Instance UID.
    @inlinable public static var mediaStorageSOPInstanceUID: Tag { Tag(0x0002_0003) }
    /// (0002,0010) Transfer Syntax UID.
    @inlinable public static var transferSyntaxUID: Tag { Tag(0x0002_0010) }
    /// (0002,0012) Implementation Class UID.
    @inlinable public static var implementationClassUID: Tag { Tag(0x0002_0012) }
    /// (0002,0013) Implementation Version Name.
    @inlinable public static var implementationVersionName: Tag { Tag(0x0002_0013) }
    /// (0002,0016) Source Application Entity Title.
    @inlinable public static var sourceApplicationEntityTitle: Tag { Tag(0x0002_0016) }
    /// (0004,1220) Directory Record Sequence: present in DICOMDIR files.
    @inlinable public static var directoryRecordSequence: Tag { Tag(0x0004_1220) }
    /// (0008,0005) Specific Character Set.
    @inlinable public static var specificCharacterSet: Tag { Tag(0x0008_0005) }
    /// (0008,0016) SOP Class UID.
    @inlinable public static var sopClassUID: Tag { Tag(0x0008_0016) }
    /// (0008,0018) SOP Instance UID.
    @inlinable public static var sopInstanceUID: Tag { Tag(0x0008_0018) }
    /// (0008,0020) Study Date.
    @inlinable public static var studyDate: Tag { Tag(0x0008_0020) }
    /// (0008,0021) Series Date.
    @inlinable public static var seriesDate: Tag { Tag(0x0008_0021) }
    /// (0008,0030) Study Time.
    @inlinable public static var studyTime: Tag { Tag(0x0008_0030) }
    /// (0008,0050) Accession Number.
    @inlinable public static var accessionNumber: Tag { Tag(0x0008_0050) }
    /// (0008,0060) Modality.
    @inlinable public static var modality: Tag { Tag(0x0008_0060) }
    /// (0008,0070) Manufacturer.
    @inlinable public static var manufacturer: Tag { Tag(0x0008_0070) }
    /// (0008,1030) Study Description.
    @inlinable public static var studyDescription: Tag { Tag(0x0008_1030) }
    /// (0008,103E) Series Description.
    @inlinable public static var seriesDescription: Tag { Tag(0x0008_103E) }
    /// (0010,0010) Patient's Name.
    @inlinable public static var patientName: Tag { Tag(0x0010_0010) }
    /// (0010,0020) Patient ID.
    @inlinable public static var patientID: Tag { Tag(0x0010_0020) }
    /// (0010,0030) Patient's Birth Date.
    @inlinable public static var patientBirthDate: Tag { Tag(0x0010_0030) }
    /// (0010,0040) Patient's Sex.
    @inlinable public static var patientSex: Tag { Tag(0x0010_0040) }
    /// (0020,000D) Study Instance UID.
    @inlinable public static var studyInstanceUID: Tag { Tag(0x0020_000D) }
    /// (0020,000E) Series Instance UID.
    @inlinable public static var seriesInstanceUID: Tag { Tag(0x0020_000E) }
    /// (0020,0010) Study ID.
    @inlinable public static var studyID: Tag { Tag(0x0020_0010) }
    /// (0020,0011) Series Number.
    @inlinable public static var seriesNumber: Tag { Tag(0x0020_0011) }
    /// (0020,0013) Instance Number.
    @inlinable public static var instanceNumber: Tag { Tag(0x0020_0013) }
    /// (0028,0008) Number of Frames.
    @inlinable public static var numberOfFrames: Tag { Tag(0x0028_0008) }
    /// (0028,0010) Rows.
    @inlinable public static var rows: Tag { Tag(0x0028_0010) }
    /// (0028,0011) Columns.
    @inlinable public static var columns: Tag { Tag(0x0028_0011) }
    /// (7FE0,0010) Pixel Data.
    @inlinable public static var pixelData: Tag { Tag(0x7FE0_0010) }
    /// (FFFE,E000) Item.
    @inlinable public static var item: Tag { Tag(0xFFFE_E000) }
    /// (FFFE,E00D) Item Delimitation Item.
    @inlinable public static var itemDelimitationItem: Tag { Tag(0xFFFE_E00D) }
    /// (FFFE,E0DD) Sequence Delimitation Item.
    @inlinable public static var sequenceDelimitationItem: Tag { Tag(0xFFFE_E0DD) }
}
