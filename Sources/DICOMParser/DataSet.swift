import DICOMCharacterSets
import DICOMCore

/// The bytes a file's data sets point into. Shared by the top-level data set and its items.
final class ByteStorage: @unchecked Sendable {
    // Written only while the reader builds the file, read-only once a DICOMFile is returned.
    var bytes: [UInt8]
    init(_ bytes: [UInt8] = []) { self.bytes = bytes }
}

/// Which elements of a data set being read are recorded in it.
enum Recording: UInt8 {
    /// Every element.
    case all
    /// The elements whose tags are in `ParseOptions.keptTags` (all of them when it is nil).
    case kept
    /// None: the data set is read and checked only (the items of a sequence not kept).
    case none
}

/// A data set: the elements of a file, or of one sequence item, in the order read.
///
/// Elements are located, not decoded; use the value accessors (`string(_:)`, `int(_:)`,
/// `items(_:)`, ...) to decode a value when it is needed.
public struct DataSet: Sendable {
    /// The elements, in file order.
    public internal(set) var elements: [Element] = []
    /// Byte order of binary values in this data set.
    public let byteOrder: ByteOrder
    /// True when this data set was encoded with explicit VR.
    public let isExplicitVR: Bool
    /// The character set that decodes text values: this data set's (0008,0005), else the
    /// enclosing data set's.
    public internal(set) var characterSet: SpecificCharacterSet
    /// True when tags ascend, so lookups can use binary search.
    public internal(set) var isSorted = true

    var sequences: [[DataSet]] = []
    var fragmentLists: [[Fragment]] = []
    let storage: ByteStorage
    /// Which elements the scanner records here (`ParseOptions.keptTags`).
    let recording: Recording
    /// The tag of the last element read, recorded or not: elements out of order are told by it.
    var lastTag: Tag?

    init(storage: ByteStorage, byteOrder: ByteOrder, isExplicitVR: Bool, characterSet: SpecificCharacterSet,
         recording: Recording = .all) {
        self.storage = storage
        self.byteOrder = byteOrder
        self.isExplicitVR = isExplicitVR
        self.characterSet = characterSet
        self.recording = recording
    }

    /// Number of elements.
    public var count: Int { elements.count }

    /// The element with `tag`, or nil. Binary search when tags ascend.
    public func element(_ tag: Tag) -> Element? {
        if isSorted {
            var low = 0
            var high = elements.count
            while low < high {
                let mid = (low + high) >> 1
                let found = elements[mid].tag
                if found == tag { return elements[mid] }
                if found < tag { low = mid + 1 } else { high = mid }
            }
            return nil
        }
        return elements.first { $0.tag == tag }
    }

    /// True when the data set has an element with `tag`.
    public func contains(_ tag: Tag) -> Bool { element(tag) != nil }

    /// The items of a sequence element (SQ, or UN of undefined length read per CP-246).
    public func items(of element: Element) -> [DataSet] {
        guard element.childIndex >= 0, element.vr != .OB, element.vr != .OW,
              Int(element.childIndex) < sequences.count else { return [] }
        return sequences[Int(element.childIndex)]
    }

    /// The items of the sequence with `tag`; empty when absent or not a sequence.
    public func items(_ tag: Tag) -> [DataSet] {
        element(tag).map { items(of: $0) } ?? []
    }

    /// The fragments of encapsulated pixel data (the first is the Basic Offset Table).
    public func fragments(of element: Element) -> [Fragment] {
        guard element.childIndex >= 0, element.vr == .OB || element.vr == .OW,
              Int(element.childIndex) < fragmentLists.count else { return [] }
        return fragmentLists[Int(element.childIndex)]
    }

    /// A copy of an element's value bytes (clipped to the data read).
    public func valueBytes(of element: Element) -> [UInt8] {
        let bytes = storage.bytes
        let start = min(element.valueOffset, bytes.count)
        let end = min(element.valueOffset + element.valueLength, bytes.count)
        return Array(bytes[start..<end])
    }

    /// A copy of bytes `range` of the data, clipped to what was read (fragment contents).
    public func bytes(in range: Range<Int>) -> [UInt8] {
        let bytes = storage.bytes
        let clipped = range.clamped(to: 0..<bytes.count)
        return Array(bytes[clipped])
    }
}
