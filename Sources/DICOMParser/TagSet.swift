import DICOMCore

/// An immutable set of tags with a membership test cheap enough to run on every element read:
/// an open-addressing table at most a quarter full, so that a lookup reads one or two slots.
/// Copying it costs one reference count.
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
        /// The tags at their hash slots (then the next free ones); `free` elsewhere.
        let table: [UInt32]
        let mask: Int
        /// Whether (FFFF,FFFF), which marks free slots, is in the set.
        let holdsFree: Bool

        init(sorted: [UInt32]) {
            self.sorted = sorted
            tags = sorted.map(Tag.init)
            var size = 64
            while size < 4 * sorted.count { size <<= 1 }
            var table = [UInt32](repeating: TagSet.free, count: size)
            for value in sorted where value != TagSet.free {
                var slot = TagSet.slot(value, size - 1)
                while table[slot] != TagSet.free { slot = (slot + 1) & (size - 1) }
                table[slot] = value
            }
            self.table = table
            mask = size - 1
            holdsFree = sorted.contains(TagSet.free)
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
        let table = storage.table
        guard tag.rawValue != Self.free else { return storage.holdsFree }
        var slot = Self.slot(tag.rawValue, storage.mask)
        while true {
            let value = table[slot]
            if value == tag.rawValue { return true }
            if value == Self.free { return false }
            slot = (slot + 1) & storage.mask
        }
    }

    public static func == (lhs: TagSet, rhs: TagSet) -> Bool { lhs.storage.sorted == rhs.storage.sorted }

    /// Marks a free slot of the table.
    private static let free: UInt32 = 0xFFFF_FFFF

    /// Fibonacci hashing: the top bits of the tag times 2^32 / golden ratio, which spreads the
    /// element numbers of one group (consecutive values) over the table.
    @inline(__always)
    private static func slot(_ value: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B1) >> 16) & mask
    }
}
