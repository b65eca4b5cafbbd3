/// A fixed block of bytes owned by the instance, that short values are copied into and
/// compared with: the memory of a cache of values (`ValueStringCache`).
///
/// Its memory is allocated once, zeroed, and freed with it; every access checks its bounds
/// and does nothing (or answers false) outside them. Not thread-safe.
public final class ByteArena {
    @usableFromInline let base: UnsafeMutableRawPointer
    /// Number of bytes.
    public let size: Int

    /// An arena of `size` zero bytes.
    public init(size: Int) {
        self.size = max(0, size)
        base = UnsafeMutableRawPointer.allocate(byteCount: max(1, size), alignment: 8)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: max(1, size))
    }

    deinit { base.deallocate() }

    /// Copies the bytes in `range` of `reader` to `offset`; false, having copied nothing, when
    /// either range is outside its buffer.
    @discardableResult
    public func store(_ reader: ByteReader, _ range: Range<Int>, at offset: Int) -> Bool {
        guard offset >= 0, range.count <= size - offset, reader.contains(range.lowerBound, length: range.count),
              let source = reader.base.baseAddress else { return false }
        (base + offset).copyMemory(from: source + range.lowerBound, byteCount: range.count)
        return true
    }

    /// True when the bytes at `offset` equal those in `range` of `reader`; false when either
    /// range is outside its buffer.
    @inlinable @inline(__always)
    public func matches(_ reader: ByteReader, _ range: Range<Int>, at offset: Int) -> Bool {
        reader.bytes(in: range, equal: self.reader, at: offset)
    }

    /// The arena's bytes, valid while the arena lives (the caller keeps it alive).
    @inlinable var reader: ByteReader { ByteReader(UnsafeRawBufferPointer(start: base, count: size)) }
}
