import DICOMCore

/// An immutable set of tags with a membership test cheap enough to run on every element read:
/// a 1,024-bit filter answers "no" for most tags in a few instructions; only a tag that
/// passes it is looked up in the sorted list. Copying it costs one reference count.
///
/// ```swift
/// let wanted = TagSet([.patientName, .studyInstanceUID])
/// wanted.contains(.patientName)   // true
/// ```
public struct TagSet: Sendable, Equatable {
    /// The arrays, behind one reference.
    private final class Storage: Sendable {
        let tags: [Tag]
        let sorted: [UInt32]
        let filter: [UInt64]

        init(sorted: [UInt32]) {
            self.sorted = sorted
            tags = sorted.map(Tag.init)
            var filter = [UInt64](repeating: 0, count: TagSet.filterWords)
            for value in sorted {
                let bit = TagSet.filterBit(value)
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            self.filter = filter
        }
    }

    private let storage: Storage

    /// A set holding `tags` (in any order, repeats allowed).
    public init<S: Sequence>(_ tags: S) where S.Element == Tag {
        storage = Storage(sorted: Array(Set(tags.map(\.rawValue))).sorted())
    }

    /// The tags, ascending, without repeats.
    public var tags: [Tag] { storage.tags }

    /// True when `tag` is in the set.
    @inline(__always)
    public func contains(_ tag: Tag) -> Bool {
        let bit = Self.filterBit(tag.rawValue)
        guard storage.filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        let sorted = storage.sorted
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) >> 1
            let value = sorted[mid]
            if value == tag.rawValue { return true }
            if value < tag.rawValue { low = mid + 1 } else { high = mid }
        }
        return false
    }

    public static func == (lhs: TagSet, rhs: TagSet) -> Bool { lhs.storage.sorted == rhs.storage.sorted }

    private static let filterWords = 16

    /// Fibonacci hashing: the top 10 bits of the tag times 2^32 / golden ratio, which spreads
    /// the element numbers of one group (consecutive values) over the whole filter.
    @inline(__always)
    private static func filterBit(_ value: UInt32) -> Int {
        Int((value &* 0x9E37_79B1) >> 22)
    }
}
