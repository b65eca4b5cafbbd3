import DICOMCore

/// What went wrong while reading a file.
public enum ReadErrorKind: Equatable, Sendable {
    /// The file cannot be opened or read.
    case io(RawFileError)
    /// Neither a Part 10 file nor a data set that looks like DICOM.
    case notDICOM(reason: String)
    /// An element's header or value needs bytes past the end of the data.
    case truncated(needed: Int, available: Int)
    /// A length field claims more bytes than the file (or enclosing item) holds.
    case lengthExceedsAvailable(length: UInt32, available: Int)
    /// Sequences nest deeper than `ParseOptions.maxSequenceDepth`.
    case nestingTooDeep(limit: Int)
    /// A tag other than an item or delimiter where one was required.
    case unexpectedTag(expected: String)
    /// An item or fragment with undefined length where a defined one is required.
    case undefinedLengthNotAllowed
    /// zlib reported an error while inflating a deflated data set.
    case inflateFailed(String)
    /// A deflated data set inflates to more than `ParseOptions.maxInflatedSize`.
    case inflatedTooLarge(limit: Int)
    /// The two bytes after a tag in explicit VR are not a VR and the element cannot be read
    /// as implicit VR either.
    case invalidVR(UInt8, UInt8)

    /// The reason as a sentence fragment.
    public var reason: String {
        switch self {
        case .io(let error): return error.reason
        case .notDICOM(let why): return "not a DICOM file: \(why)"
        case .truncated(let needed, let available):
            return "truncated: needs \(needed) bytes, only \(available) present"
        case .lengthExceedsAvailable(let length, let available):
            return "length \(length) exceeds the \(available) bytes left"
        case .nestingTooDeep(let limit): return "sequences nested deeper than \(limit) levels"
        case .unexpectedTag(let expected): return "expected \(expected)"
        case .undefinedLengthNotAllowed: return "undefined length where a defined length is required"
        case .inflateFailed(let message): return "deflated data set cannot be inflated: \(message)"
        case .inflatedTooLarge(let limit): return "deflated data set inflates past \(limit) bytes"
        case .invalidVR(let b0, let b1):
            return "invalid VR bytes 0x\(hex(b0)) 0x\(hex(b1))"
        }
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}

/// An error that names the file, the byte offset, the element (when known) and what was wrong.
///
/// Offsets count from the start of the file; inside a deflated data set they count in the
/// inflated stream, placed after the file meta, and `inInflatedData` says so.
public struct ReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path, when the data came from a file.
    public var path: String?
    /// Byte offset of the element or structure at fault.
    public var offset: Int
    /// The element at fault, when known.
    public var tag: Tag?
    /// Its VR, when known.
    public var vr: VR?
    /// What went wrong.
    public var kind: ReadErrorKind
    /// True when `offset` counts in the inflated data of a deflated file.
    public var inInflatedData: Bool = false

    /// Creates an error.
    public init(path: String? = nil, offset: Int, tag: Tag? = nil, vr: VR? = nil, kind: ReadErrorKind,
                inInflatedData: Bool = false) {
        self.path = path
        self.offset = offset
        self.tag = tag
        self.vr = vr
        self.kind = kind
        self.inInflatedData = inInflatedData
    }

    /// "CT1.dcm: offset 1284, (0008,0020) DA: length 4294967290 exceeds the 9012 bytes left".
    public var description: String {
        var text = path.map { "\($0): " } ?? ""
        text += inInflatedData ? "inflated offset \(offset)" : "offset \(offset)"
        if let tag { text += ", \(tag)" + (vr.map { " \($0)" } ?? "") }
        return text + ": " + kind.reason
    }
}

/// Something the reader tolerated: the file was read, but it does not follow the standard here.
public struct ReadWarning: Equatable, Sendable, CustomStringConvertible {
    /// Byte offset where the problem was seen.
    public var offset: Int
    /// The element concerned, when known.
    public var tag: Tag?
    /// What was tolerated.
    public var message: String

    /// Creates a warning.
    public init(offset: Int, tag: Tag? = nil, message: String) {
        self.offset = offset
        self.tag = tag
        self.message = message
    }

    /// "offset 1284, (0008,0005): ...".
    public var description: String {
        "offset \(offset)" + (tag.map { ", \($0)" } ?? "") + ": " + message
    }
}
