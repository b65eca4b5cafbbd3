import DICOMCore

// Builders for the bytes of elements, items and delimiters, so that a test reads as an
// annotated byte listing: one call per element, with a comment giving tag, VR, length, value.
//
// Nothing here pads or checks: a value is written exactly as given and the length field says
// its byte count unless `length:` overrides it (to write undefined or lying lengths).

/// The length field value for undefined length.
let undefined: UInt32 = 0xFFFF_FFFF

/// `text`'s UTF-8 bytes.
func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

// MARK: Binary values

func u16(_ value: UInt16, _ order: ByteOrder = .littleEndian) -> [UInt8] {
    let v = order == .littleEndian ? value.littleEndian : value.bigEndian
    return withUnsafeBytes(of: v) { Array($0) }
}

func u32(_ value: UInt32, _ order: ByteOrder = .littleEndian) -> [UInt8] {
    let v = order == .littleEndian ? value.littleEndian : value.bigEndian
    return withUnsafeBytes(of: v) { Array($0) }
}

func u64(_ value: UInt64, _ order: ByteOrder = .littleEndian) -> [UInt8] {
    let v = order == .littleEndian ? value.littleEndian : value.bigEndian
    return withUnsafeBytes(of: v) { Array($0) }
}

func f32(_ value: Float, _ order: ByteOrder = .littleEndian) -> [UInt8] { u32(value.bitPattern, order) }
func f64(_ value: Double, _ order: ByteOrder = .littleEndian) -> [UInt8] { u64(value.bitPattern, order) }

/// A tag as written: group then element, each in `order`.
func tagBytes(_ tag: Tag, _ order: ByteOrder = .littleEndian) -> [UInt8] {
    u16(tag.group, order) + u16(tag.element, order)
}

// MARK: Elements

/// An explicit VR element. `vr` is the two letters as written (any two bytes, so invalid VRs
/// can be written too); 32-bit lengths are used for the VRs PS3.5 7.1.2 lists.
func explicitElement(_ tag: Tag, _ vr: String, _ value: [UInt8], length: UInt32? = nil,
                     order: ByteOrder) -> [UInt8] {
    let vrBytes = ascii(vr)
    let long = VR(byte0: vrBytes[0], byte1: vrBytes[1])?.hasLongLength ?? false
    let count = length ?? UInt32(value.count)
    let lengthBytes = long ? [0, 0] + u32(count, order) : u16(UInt16(truncatingIfNeeded: count), order)
    return tagBytes(tag, order) + vrBytes + lengthBytes + value
}

/// An explicit VR little endian element.
func explicitLE(_ tag: Tag, _ vr: String, _ value: [UInt8], length: UInt32? = nil) -> [UInt8] {
    explicitElement(tag, vr, value, length: length, order: .littleEndian)
}

/// An explicit VR little endian element with a text value.
func explicitLE(_ tag: Tag, _ vr: String, _ text: String, length: UInt32? = nil) -> [UInt8] {
    explicitLE(tag, vr, ascii(text), length: length)
}

/// An explicit VR big endian element.
func explicitBE(_ tag: Tag, _ vr: String, _ value: [UInt8], length: UInt32? = nil) -> [UInt8] {
    explicitElement(tag, vr, value, length: length, order: .bigEndian)
}

/// An explicit VR big endian element with a text value.
func explicitBE(_ tag: Tag, _ vr: String, _ text: String, length: UInt32? = nil) -> [UInt8] {
    explicitBE(tag, vr, ascii(text), length: length)
}

/// An implicit VR little endian element: tag, 32-bit length, value.
func implicitLE(_ tag: Tag, _ value: [UInt8], length: UInt32? = nil) -> [UInt8] {
    tagBytes(tag) + u32(length ?? UInt32(value.count)) + value
}

/// An implicit VR little endian element with a text value.
func implicitLE(_ tag: Tag, _ text: String, length: UInt32? = nil) -> [UInt8] {
    implicitLE(tag, ascii(text), length: length)
}

// MARK: Items and delimiters

/// An item header (FFFE,E000) with `length` (`undefined` for undefined length).
func itemHeader(length: UInt32, _ order: ByteOrder = .littleEndian) -> [UInt8] {
    tagBytes(.item, order) + u32(length, order)
}

/// An item of defined length holding `content`.
func item(_ content: [UInt8], _ order: ByteOrder = .littleEndian) -> [UInt8] {
    itemHeader(length: UInt32(content.count), order) + content
}

/// An item of undefined length holding `content`, closed by an Item Delimitation Item.
func undefinedItem(_ content: [UInt8], _ order: ByteOrder = .littleEndian) -> [UInt8] {
    itemHeader(length: undefined, order) + content + itemDelimiter(order)
}

/// (FFFE,E00D) Item Delimitation Item, length 0.
func itemDelimiter(_ order: ByteOrder = .littleEndian) -> [UInt8] {
    tagBytes(.itemDelimitationItem, order) + u32(0, order)
}

/// (FFFE,E0DD) Sequence Delimitation Item, length 0.
func sequenceDelimiter(_ order: ByteOrder = .littleEndian) -> [UInt8] {
    tagBytes(.sequenceDelimitationItem, order) + u32(0, order)
}

// MARK: Part 10

/// The 128-byte preamble (zeros) and `DICM`.
let preambleAndMagic: [UInt8] = [UInt8](repeating: 0, count: 128) + ascii("DICM")

/// Transfer Syntax UIDs used by the tests. In `part10(transferSyntax:dataSet:)` the data set
/// starts at 132 + 12 + 64 + 8 + the padded UID length: 234 for implicit LE, 236 for explicit
/// LE and BE, 238 for deflated and JPEG baseline.
enum UID {
    static let implicitLE = "1.2.840.10008.1.2"
    static let explicitLE = "1.2.840.10008.1.2.1"
    static let deflated = "1.2.840.10008.1.2.1.99"
    static let explicitBE = "1.2.840.10008.1.2.2"
    static let jpegBaseline = "1.2.840.10008.1.2.4.50"
    static let ctImage = "1.2.840.10008.5.1.4.1.1.2"
}

/// Pads a UI value to even length with a NUL, as writers do.
func uidValue(_ uid: String) -> String { uid.utf8.count % 2 == 0 ? uid : uid + "\0" }

/// File meta elements after the group length: version, SOP class and instance, and the
/// Transfer Syntax UID when `transferSyntax` is not nil, all explicit VR little endian.
func metaElements(transferSyntax: String?) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes += explicitLE(Tag(0x0002_0001), "OB", [0x00, 0x01])                   // (0002,0001) OB 2  00 01    (14 bytes)
    bytes += explicitLE(.mediaStorageSOPClassUID, "UI", uidValue(UID.ctImage))  // (0002,0002) UI 26 CT Image (34 bytes)
    bytes += explicitLE(.mediaStorageSOPInstanceUID, "UI", uidValue("1.2.3.4")) // (0002,0003) UI 8  1.2.3.4  (16 bytes)
    if let transferSyntax {
        bytes += explicitLE(.transferSyntaxUID, "UI", uidValue(transferSyntax)) // (0002,0010) UI the syntax  (8 + even length)
    }
    return bytes
}

/// `elements` preceded by (0002,0000) UL, the File Meta Information Group Length, counting them.
func metaGroup(_ elements: [UInt8]) -> [UInt8] {
    explicitLE(.fileMetaInformationGroupLength, "UL", u32(UInt32(elements.count))) + elements
}

/// A Part 10 file: preamble, `DICM`, file meta with group length, then `dataSet`.
func part10(meta: [UInt8], dataSet: [UInt8]) -> [UInt8] {
    preambleAndMagic + metaGroup(meta) + dataSet
}

/// A Part 10 file whose meta names `transferSyntax`.
func part10(transferSyntax: String, dataSet: [UInt8]) -> [UInt8] {
    part10(meta: metaElements(transferSyntax: transferSyntax), dataSet: dataSet)
}

/// Where the data set starts in `part10(transferSyntax:dataSet:)`.
func dataSetStart(transferSyntax: String) -> Int {
    preambleAndMagic.count + metaGroup(metaElements(transferSyntax: transferSyntax)).count
}
