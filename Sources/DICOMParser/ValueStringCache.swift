import DICOMCharacterSets
import DICOMCore

/// The last value made for each tag, handed out again when the next value of that tag has the
/// same bytes (and, for a value that was decoded, the same Specific Character Set): no
/// decoding, no allocation, and the records of one series share the storage of the study and
/// series attributes they repeat.
///
/// A scan reads the files of a series one after another, and all but a few of the attributes
/// it extracts (SOP Instance UID, Instance Number) repeat from one file to the next. Give
/// each thread its own cache (`DataSet.withTextValues(cache:_:)`); it is not thread-safe.
public final class ValueStringCache {
    /// What a slot holds.
    private enum Kind: UInt8 {
        /// A first value: its bytes taken as ASCII.
        case plain
        /// A first value decoded with the slot's set.
        case decoded
        /// All the values of an element, decoded with the slot's set.
        case list
    }

    private var tags: [UInt32]
    private var kinds: [Kind]
    private var lengths: [Int]
    private var strings: [String]
    private var lists: [[String]]
    private var sets: [SpecificCharacterSet?]
    /// The value bytes of each slot: `maxBytes` a slot, `lengths` of them used.
    private let raw: ByteArena
    private var used = 0
    private let mask: Int

    /// Marks a free slot; a value of this tag is never cached.
    private static let free: UInt32 = 0xFFFF_FFFF
    /// Longer values are made every time (UIDs, codes, names and descriptions are shorter).
    static let maxBytes = 64

    /// A cache for up to `capacity` / 2 tags (`capacity` rounded up to a power of two, at
    /// least 16); when more come, it starts again empty.
    public init(capacity: Int = 256) {
        var size = 16
        while size < capacity { size <<= 1 }
        mask = size - 1
        tags = [UInt32](repeating: Self.free, count: size)
        kinds = [Kind](repeating: .plain, count: size)
        lengths = [Int](repeating: -1, count: size)
        strings = [String](repeating: "", count: size)
        lists = [[String]](repeating: [], count: size)
        sets = [SpecificCharacterSet?](repeating: nil, count: size)
        raw = ByteArena(size: size * Self.maxBytes)
    }

    // MARK: Lookups

    /// The first value of `tag` last made from the bytes in `range` taken as ASCII.
    func plainString(_ tag: Tag, _ reader: ByteReader, _ range: Range<Int>) -> String? {
        guard let slot = find(tag, .plain, reader, range) else { return nil }
        return strings[slot]
    }

    /// The first value of `tag` last decoded with `set` from the bytes in `range`.
    func decodedString(_ tag: Tag, _ reader: ByteReader, _ range: Range<Int>, _ set: SpecificCharacterSet) -> String? {
        guard let slot = find(tag, .decoded, reader, range), sets[slot] == set else { return nil }
        return strings[slot]
    }

    /// The values of `tag` last decoded with `set` from the bytes in `range`.
    func list(_ tag: Tag, _ reader: ByteReader, _ range: Range<Int>, _ set: SpecificCharacterSet) -> [String]? {
        guard let slot = find(tag, .list, reader, range), sets[slot] == set else { return nil }
        return lists[slot]
    }

    // MARK: Storing

    /// Caches `string`, the first value of `tag` made from the bytes in `range` as ASCII
    /// (`set` nil) or decoded with `set`.
    func store(_ string: String, _ tag: Tag, _ reader: ByteReader, _ range: Range<Int>, decodedWith set: SpecificCharacterSet?) {
        guard let slot = claim(tag, set == nil ? .plain : .decoded, reader, range) else { return }
        strings[slot] = string
        lists[slot] = []
        sets[slot] = set
    }

    /// Caches `list`, the values of `tag` decoded with `set` from the bytes in `range`.
    func store(_ list: [String], _ tag: Tag, _ reader: ByteReader, _ range: Range<Int>, decodedWith set: SpecificCharacterSet) {
        guard let slot = claim(tag, .list, reader, range) else { return }
        strings[slot] = ""
        lists[slot] = list
        sets[slot] = set
    }

    // MARK: Slots

    /// The slot of `tag` when it holds a value of `kind` made from exactly the bytes in `range`.
    @inline(__always)
    private func find(_ tag: Tag, _ kind: Kind, _ reader: ByteReader, _ range: Range<Int>) -> Int? {
        var slot = home(tag)
        while true {
            let stored = tags[slot]
            if stored == tag.rawValue {
                guard stored != Self.free, kinds[slot] == kind, lengths[slot] == range.count,
                      raw.matches(reader, range, at: slot * Self.maxBytes) else { return nil }
                return slot
            }
            if stored == Self.free { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The slot for `tag` (claimed if it has none, the cache emptied first when full), its
    /// bytes set to those in `range`; nil when the value is not cached (too long, or the tag
    /// that marks free slots).
    private func claim(_ tag: Tag, _ kind: Kind, _ reader: ByteReader, _ range: Range<Int>) -> Int? {
        guard range.count <= Self.maxBytes, tag.rawValue != Self.free else { return nil }
        if used >= (mask + 1) / 2 { clear() }
        var slot = home(tag)
        while tags[slot] != tag.rawValue && tags[slot] != Self.free { slot = (slot + 1) & mask }
        if tags[slot] == Self.free {
            tags[slot] = tag.rawValue
            used += 1
        }
        guard raw.store(reader, range, at: slot * Self.maxBytes) else {
            lengths[slot] = -1
            return nil
        }
        kinds[slot] = kind
        lengths[slot] = range.count
        return slot
    }

    @inline(__always)
    private func home(_ tag: Tag) -> Int { Int(truncatingIfNeeded: (tag.rawValue &* 0x9E37_79B1) >> 16) & mask }

    private func clear() {
        for slot in tags.indices {
            tags[slot] = Self.free
            lengths[slot] = -1
            strings[slot] = ""
            lists[slot] = []
            sets[slot] = nil
        }
        used = 0
    }
}
