/// The instances of one series as UTF-8 bytes in one array, for a writer that copies their
/// values out as they are: no string, and no allocation, per instance.
///
/// `StudySequence.forEachStudy(_:)` hands these out in output order (instance number, then
/// SOP Instance UID, as `StudyEntry` orders them); `entries` gives the same instances as
/// `InstanceEntry` values.
public struct InstanceList: Sendable {
    /// One instance: its numbers, and its texts as ranges of `bytes`.
    public struct Instance: Sendable {
        public var number: Int?
        public var numberOfFrames: Int?
        public var sopInstanceUID: Range<Int>
        public var sopClassUID: Range<Int>?
        public var title: Range<Int>?
        public var path: Range<Int>
    }

    /// The texts of every instance, one after the other.
    public private(set) var bytes: [UInt8] = []
    /// The instances, in order.
    public private(set) var instances: [Instance] = []

    /// An empty list.
    public init() {}

    /// The instances of `entries`, in the order given.
    public init(_ entries: [InstanceEntry]) {
        instances.reserveCapacity(entries.count)
        for entry in entries {
            append(number: entry.number, numberOfFrames: entry.numberOfFrames,
                   uid: entry.sopInstanceUID.utf8, sopClassUID: entry.sopClassUID?.utf8, title: entry.title?.utf8,
                   path: entry.path.utf8)
        }
    }

    /// Number of instances.
    public var count: Int { instances.count }

    /// The instances as values.
    public var entries: [InstanceEntry] {
        instances.map { instance in
            InstanceEntry(sopInstanceUID: text(instance.sopInstanceUID), sopClassUID: instance.sopClassUID.map(text),
                          number: instance.number, title: instance.title.map(text),
                          numberOfFrames: instance.numberOfFrames, path: text(instance.path))
        }
    }

    /// The bytes of `range`.
    public subscript(range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    /// The text of `range`.
    public func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Appends an instance, its texts given as UTF-8.
    mutating func append<UID: Collection, Class: Collection, Title: Collection, Path: Collection>(
        number: Int?, numberOfFrames: Int?, uid: UID, sopClassUID: Class?, title: Title?, path: Path)
    where UID.Element == UInt8, Class.Element == UInt8, Title.Element == UInt8, Path.Element == UInt8 {
        func add<C: Collection>(_ text: C) -> Range<Int> where C.Element == UInt8 {
            let start = bytes.count
            bytes.append(contentsOf: text)
            return start..<bytes.count
        }
        instances.append(Instance(number: number, numberOfFrames: numberOfFrames, sopInstanceUID: add(uid),
                                  sopClassUID: sopClassUID.map(add), title: title.map(add), path: add(path)))
    }

    /// Sorts by instance number (absent last), then SOP Instance UID: the order of `StudyEntry`.
    ///
    /// UIDs compare as strings do: by their bytes when both are ASCII (the rule for UIDs),
    /// else as `String`s, which compare canonically equivalent texts as equal.
    mutating func sortByNumberThenUID() {
        let bytes = self.bytes
        // Only for instances with the same number, which are few.
        func uidPrecedes(_ a: Instance, _ b: Instance) -> Bool {
            let left = bytes[a.sopInstanceUID], right = bytes[b.sopInstanceUID]
            if left.allSatisfy({ $0 < 0x80 }) && right.allSatisfy({ $0 < 0x80 }) {
                return left.lexicographicallyPrecedes(right)
            }
            return String(decoding: left, as: UTF8.self) < String(decoding: right, as: UTF8.self)
        }
        instances.sort { a, b in
            let left = a.number ?? Int.max, right = b.number ?? Int.max
            if left != right { return left < right }
            return uidPrecedes(a, b)
        }
    }
}
