/// The SOP Instance UIDs a catalog has seen, as 128-bit keyed hashes: 16 bytes an instance
/// (about 24 with the free slots) instead of the UID's text, so that a million instances cost
/// about 24 MB.
///
/// A key is two 64-bit SipHash values of the UID (Swift's `Hasher`, keyed at random per
/// process, with two different prefixes), so two different UIDs are taken for one only when
/// both 64-bit halves collide: with a billion instances the chance of that anywhere is below
/// 10⁻²⁰, far below the rate of memory errors. The key is random per process, so no file can
/// be crafted to collide with another. Equal strings (`==`, which is what the catalog has
/// always grouped by) have equal keys.
///
/// The set is split into 256 shards, each an open-addressing table with linear probing that
/// doubles alone, so growing never copies more than 1/256 of the set at once.
struct InstanceKeySet: Sendable {
    /// A UID's key. `high` is never 0 (its low bit is set), so an empty slot is all zero.
    struct Key: Hashable, Sendable {
        var low: UInt64
        var high: UInt64

        /// The key of `uid`.
        init(_ uid: String) {
            var first = Hasher()
            first.combine(0x5A as UInt8)
            first.combine(uid)
            var second = Hasher()
            second.combine(0xA5 as UInt8)
            second.combine(uid)
            low = UInt64(UInt(bitPattern: first.finalize()))
            high = UInt64(UInt(bitPattern: second.finalize())) | 1
        }

        private init(low: UInt64, high: UInt64) {
            self.low = low
            self.high = high
        }

        /// The empty slot.
        static let empty = Key(low: 0, high: 0)
    }

    private struct Shard: Sendable {
        var slots: [Key] = []
        var count = 0
    }

    private static let shardBits = 8
    /// Slots of a shard's first table.
    private static let initialCapacity = 16
    private var shards = [Shard](repeating: Shard(), count: 1 << shardBits)

    /// Keys in the set.
    private(set) var count = 0

    /// An empty set.
    init() {}

    /// Adds `key`; false when it was already there.
    mutating func insert(_ key: Key) -> Bool {
        let shard = Int(truncatingIfNeeded: key.low >> UInt64(64 - Self.shardBits))
        // Grow at 3/4 full, so that a probe rarely goes far.
        if (shards[shard].count + 1) * 4 > shards[shard].slots.count * 3 { grow(shard) }
        let inserted = Self.insert(key, into: &shards[shard].slots)
        if inserted {
            shards[shard].count += 1
            count += 1
        }
        return inserted
    }

    /// True when `key` is in the set.
    func contains(_ key: Key) -> Bool {
        let slots = shards[Int(truncatingIfNeeded: key.low >> UInt64(64 - Self.shardBits))].slots
        guard !slots.isEmpty else { return false }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.low) & mask
        while slots[index].high != 0 {
            if slots[index] == key { return true }
            index = (index + 1) & mask
        }
        return false
    }

    /// Inserts into a table with at least one free slot; false when the key was there.
    private static func insert(_ key: Key, into slots: inout [Key]) -> Bool {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.low) & mask
        while slots[index].high != 0 {
            if slots[index] == key { return false }
            index = (index + 1) & mask
        }
        slots[index] = key
        return true
    }

    private mutating func grow(_ shard: Int) {
        let old = shards[shard].slots
        var slots = [Key](repeating: .empty, count: max(Self.initialCapacity, old.count * 2))
        for key in old where key.high != 0 { _ = Self.insert(key, into: &slots) }
        shards[shard].slots = slots
    }
}
