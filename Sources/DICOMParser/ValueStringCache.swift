import DICOMCharacterSets
import DICOMCore

/// The last value decoded for each tag, handed out again when the next value of that tag has
/// the same bytes, VR and Specific Character Set: nothing is scanned, decoded or allocated,
/// and the records of one series share the storage of the study and series attributes they
/// repeat.
///
/// A scan reads the files of a series one after another, and all but a few of the attributes
/// it extracts (SOP Instance UID, Instance Number) repeat from one file to the next. Give
/// each thread its own cache (`DataSet.withTextValues(cache:_:)`); it is not thread-safe.
public final class ValueStringCache {
    /// What a slot holds: the first value of an element, or all its values.
    private enum Kind: UInt8 {
        case first
        case list
    }

    private var tags: [UInt32]
    private var kinds: [Kind]
    private var vrs: [VR]
    private var setIDs: [Int]
    private var lengths: [Int]
    private var strings: [String]
    private var lists: [[String]]
    /// The value bytes of each slot: `maxBytes` a slot, `lengths` of them used.
    private let raw: ByteArena
    private var used = 0
    private let mask: Int
    /// The character sets met lately, with their numbers. A number is never given twice, so
    /// that one held by a caller across a `clear()` still stands for its set.
    private var knownSets: [(set: SpecificCharacterSet, id: Int)] = []
    private var nextSetID = 0

    /// Marks a free slot; a value of this tag is never cached.
    private static let free: UInt32 = 0xFFFF_FFFF
    /// Longer values are decoded every time (UIDs, codes, names and descriptions are shorter).
    static let maxBytes = 64
    /// Sets remembered at most; a new one past these empties the cache.
    private static let maxSets = 8

    /// The cache of `TextValues` made without one; never used.
    static let unused = ValueStringCache(capacity: 16)

    /// A cache for up to `capacity` / 2 tags (`capacity` rounded up to a power of two, at
    /// least 16); when more come, it starts again empty.
    public init(capacity: Int = 256) {
        var size = 16
        while size < capacity { size <<= 1 }
        mask = size - 1
        tags = [UInt32](repeating: Self.free, count: size)
        kinds = [Kind](repeating: .first, count: size)
        vrs = [VR](repeating: .UN, count: size)
        setIDs = [Int](repeating: -1, count: size)
        lengths = [Int](repeating: -1, count: size)
        strings = [String](repeating: "", count: size)
        lists = [[String]](repeating: [], count: size)
        raw = ByteArena(size: size * Self.maxBytes)
    }

    /// The number that stands for `set` in this cache (one comparison of sets per data set,
    /// not per value).
    func setID(for set: SpecificCharacterSet) -> Int {
        if let known = knownSets.first(where: { $0.set == set }) { return known.id }
        if knownSets.count >= Self.maxSets { clear() }
        nextSetID += 1
        knownSets.append((set, nextSetID))
        return nextSetID
    }

    // MARK: Lookups

    /// The first value last decoded from the bytes in `range` of an element with `tag` and
    /// `vr` in a data set whose character set is number `setID`.
    func firstValue(_ tag: Tag, _ vr: VR, _ setID: Int, _ reader: ByteReader, _ range: Range<Int>) -> String? {
        guard let slot = find(tag, .first, vr, setID, reader, range) else { return nil }
        return strings[slot]
    }

    /// The values last decoded from the bytes in `range` (see `firstValue`).
    func values(_ tag: Tag, _ vr: VR, _ setID: Int, _ reader: ByteReader, _ range: Range<Int>) -> [String]? {
        guard let slot = find(tag, .list, vr, setID, reader, range) else { return nil }
        return lists[slot]
    }

    // MARK: Storing

    /// Caches `value`, the first value decoded from the bytes in `range` (see `firstValue`).
    func store(firstValue value: String, _ tag: Tag, _ vr: VR, _ setID: Int, _ reader: ByteReader, _ range: Range<Int>) {
        guard let slot = claim(tag, .first, vr, setID, reader, range) else { return }
        strings[slot] = value
        lists[slot] = []
    }

    /// Caches `values`, decoded from the bytes in `range` (see `firstValue`).
    func store(values: [String], _ tag: Tag, _ vr: VR, _ setID: Int, _ reader: ByteReader, _ range: Range<Int>) {
        guard let slot = claim(tag, .list, vr, setID, reader, range) else { return }
        strings[slot] = ""
        lists[slot] = values
    }

    // MARK: Slots

    /// The slot of `tag` when it holds a value of `kind` made from exactly the bytes in
    /// `range` with `vr` and set `setID`.
    @inline(__always)
    private func find(_ tag: Tag, _ kind: Kind, _ vr: VR, _ setID: Int, _ reader: ByteReader,
                      _ range: Range<Int>) -> Int? {
        var slot = home(tag)
        while true {
            let stored = tags[slot]
            if stored == tag.rawValue {
                guard stored != Self.free, lengths[slot] == range.count, kinds[slot] == kind, vrs[slot] == vr,
                      setIDs[slot] == setID, raw.matches(reader, range, at: slot * Self.maxBytes) else { return nil }
                return slot
            }
            if stored == Self.free { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The slot for `tag` (claimed if it has none, the cache emptied first when full), its
    /// key set to the other arguments; nil when the value is not cached (too long, or the tag
    /// that marks free slots).
    private func claim(_ tag: Tag, _ kind: Kind, _ vr: VR, _ setID: Int, _ reader: ByteReader,
                       _ range: Range<Int>) -> Int? {
        guard range.count <= Self.maxBytes, tag.rawValue != Self.free else { return nil }
        if used >= (mask + 1) / 2 { clearSlots() }
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
        vrs[slot] = vr
        setIDs[slot] = setID
        lengths[slot] = range.count
        return slot
    }

    @inline(__always)
    private func home(_ tag: Tag) -> Int { Int(truncatingIfNeeded: (tag.rawValue &* 0x9E37_79B1) >> 16) & mask }

    /// Empties the slots and forgets the sets (their numbers are not given again).
    private func clear() {
        clearSlots()
        knownSets.removeAll()
    }

    private func clearSlots() {
        for slot in tags.indices {
            tags[slot] = Self.free
            lengths[slot] = -1
            setIDs[slot] = -1
            strings[slot] = ""
            lists[slot] = []
        }
        used = 0
    }
}
