/// Bounds-checked reads of integers, floats and bytes from borrowed memory.
///
/// This file and `RawFile.swift` are the only places in the reader that touch raw pointers.
/// A `ByteReader` is created inside a `withUnsafeBytes` closure and must not escape it: it
/// borrows the memory, it does not own it.
///
/// Every `public` read checks its bounds and returns nil when the bytes are not there. The
/// `unchecked` variants exist for the scanner's hot path, which checks a whole element header
/// once and then loads its fields; their precondition (the range is inside `count`) is stated
/// on each and asserted in debug builds.
public struct ByteReader {
    @usableFromInline let base: UnsafeRawBufferPointer

    /// Wraps memory that outlives the reader (the closure that lent it).
    @inlinable public init(_ base: UnsafeRawBufferPointer) { self.base = base }

    /// Number of readable bytes.
    @inlinable public var count: Int { base.count }

    /// True when `length` bytes starting at `offset` are inside the buffer.
    @inlinable public func contains(_ offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= base.count && length <= base.count - offset
    }

    // MARK: Unchecked loads (caller checked `contains(offset, length:)`)

    /// Byte at `offset`. Precondition: `contains(offset, length: 1)`.
    @inlinable public func uncheckedUInt8(at offset: Int) -> UInt8 {
        assert(contains(offset, length: 1))
        return base.loadUnaligned(fromByteOffset: offset, as: UInt8.self)
    }

    /// 16-bit integer at `offset`. Precondition: `contains(offset, length: 2)`.
    @inlinable public func uncheckedUInt16(at offset: Int, _ order: ByteOrder) -> UInt16 {
        assert(contains(offset, length: 2))
        let raw = base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return order == .littleEndian ? UInt16(littleEndian: raw) : UInt16(bigEndian: raw)
    }

    /// 32-bit integer at `offset`. Precondition: `contains(offset, length: 4)`.
    @inlinable public func uncheckedUInt32(at offset: Int, _ order: ByteOrder) -> UInt32 {
        assert(contains(offset, length: 4))
        let raw = base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return order == .littleEndian ? UInt32(littleEndian: raw) : UInt32(bigEndian: raw)
    }

    /// 64-bit integer at `offset`. Precondition: `contains(offset, length: 8)`.
    @inlinable public func uncheckedUInt64(at offset: Int, _ order: ByteOrder) -> UInt64 {
        assert(contains(offset, length: 8))
        let raw = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        return order == .littleEndian ? UInt64(littleEndian: raw) : UInt64(bigEndian: raw)
    }

    /// A tag (group then element, each in `order`). Precondition: `contains(offset, length: 4)`.
    @inlinable public func uncheckedTag(at offset: Int, _ order: ByteOrder) -> Tag {
        Tag(group: uncheckedUInt16(at: offset, order), element: uncheckedUInt16(at: offset + 2, order))
    }

    // MARK: Checked loads

    /// Byte at `offset`, or nil when outside the buffer.
    @inlinable public func uint8(at offset: Int) -> UInt8? {
        contains(offset, length: 1) ? uncheckedUInt8(at: offset) : nil
    }

    /// 16-bit integer at `offset` in `order`, or nil when outside the buffer.
    @inlinable public func uint16(at offset: Int, _ order: ByteOrder) -> UInt16? {
        contains(offset, length: 2) ? uncheckedUInt16(at: offset, order) : nil
    }

    /// 32-bit integer at `offset` in `order`, or nil when outside the buffer.
    @inlinable public func uint32(at offset: Int, _ order: ByteOrder) -> UInt32? {
        contains(offset, length: 4) ? uncheckedUInt32(at: offset, order) : nil
    }

    /// 64-bit integer at `offset` in `order`, or nil when outside the buffer.
    @inlinable public func uint64(at offset: Int, _ order: ByteOrder) -> UInt64? {
        contains(offset, length: 8) ? uncheckedUInt64(at: offset, order) : nil
    }

    /// IEEE 754 single at `offset` in `order`, or nil when outside the buffer.
    @inlinable public func float32(at offset: Int, _ order: ByteOrder) -> Float? {
        uint32(at: offset, order).map { Float(bitPattern: $0) }
    }

    /// IEEE 754 double at `offset` in `order`, or nil when outside the buffer.
    @inlinable public func float64(at offset: Int, _ order: ByteOrder) -> Double? {
        uint64(at: offset, order).map { Double(bitPattern: $0) }
    }

    /// A copy of `length` bytes at `offset`, clipped to the buffer.
    public func bytes(at offset: Int, length: Int) -> [UInt8] {
        let start = min(max(offset, 0), base.count)
        let end = start + min(max(length, 0), base.count - start)
        return Array(base[start..<end])
    }

    /// True when every byte in `offset..<offset+length` (clipped to the buffer) equals `byte`.
    public func allBytes(equal byte: UInt8, at offset: Int, length: Int) -> Bool {
        let start = min(max(offset, 0), base.count)
        let end = start + min(max(length, 0), base.count - start)
        var i = start
        while i < end {
            if base[i] != byte { return false }
            i += 1
        }
        return true
    }

    /// Facts about the text in `range` (clipped to the buffer), read eight bytes at a time.
    @inlinable public func textFacts(_ range: Range<Int>) -> TextFacts {
        let clipped = range.clamped(to: 0..<base.count)
        var combined: UInt64 = 0
        var escapes: UInt64 = 0
        var backslash: Int?
        var i = clipped.lowerBound
        let end = clipped.upperBound
        while i + 8 <= end {
            let word = word(at: i)
            combined |= word
            escapes |= Self.zeroBytes(word ^ Self.everyByte(0x1B))
            if backslash == nil {
                let flags = Self.zeroBytes(word ^ Self.everyByte(0x5C))
                if flags != 0 { backslash = i + flags.trailingZeroBitCount >> 3 }
            }
            i += 8
        }
        let left = end - i
        if left > 0 {
            // The last `left` bytes, as the low bytes of a word: from a load that ends at `end`
            // when there are 8 bytes before it, byte by byte otherwise. The high bytes are zero,
            // which is neither ESC, nor backslash, nor 0x80 and above.
            var tail: UInt64 = 0
            if end >= 8 {
                tail = word(at: end - 8) >> UInt64(8 * (8 - left))
            } else {
                for k in 0..<left { tail |= UInt64(base[i + k]) << UInt64(8 * k) }
            }
            combined |= tail
            escapes |= Self.zeroBytes(tail ^ Self.everyByte(0x1B)) & Self.lowBytes(left)
            if backslash == nil {
                let flags = Self.zeroBytes(tail ^ Self.everyByte(0x5C)) & Self.lowBytes(left)
                if flags != 0 { backslash = i + flags.trailingZeroBitCount >> 3 }
            }
        }
        return TextFacts(hasHighBytes: combined & Self.everyByte(0x80) != 0, hasEscape: escapes != 0,
                         firstBackslash: backslash)
    }

    /// The 8 bytes at `offset` with byte `offset` as the low byte, whatever the machine's byte
    /// order. Precondition: `contains(offset, length: 8)`.
    @inlinable @inline(__always) func word(at offset: Int) -> UInt64 {
        assert(contains(offset, length: 8))
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// 0x80 in each byte of `word` that is zero (and possibly in bytes above a zero byte: the
    /// lowest flag is exact, and no flag means no zero byte).
    @inlinable @inline(__always) static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- everyByte(0x01)) & ~word & everyByte(0x80)
    }

    /// The low `count` bytes (1-7) set.
    @inlinable @inline(__always) static func lowBytes(_ count: Int) -> UInt64 { (1 << UInt64(8 * count)) &- 1 }

    @inlinable @inline(__always) static func everyByte(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// True when the bytes in `range` equal the bytes of `other` at `otherOffset`; false when
    /// either range is not inside its buffer.
    @inlinable public func bytes(in range: Range<Int>, equal other: ByteReader, at otherOffset: Int) -> Bool {
        let count = range.count
        guard contains(range.lowerBound, length: count), other.contains(otherOffset, length: count) else { return false }
        var i = 0
        while i + 8 <= count {
            guard word(at: range.lowerBound + i) == other.word(at: otherOffset + i) else { return false }
            i += 8
        }
        while i < count {
            guard base[range.lowerBound + i] == other.base[otherOffset + i] else { return false }
            i += 1
        }
        return true
    }

    /// True when the bytes in `range` are exactly `text`'s; false when `range` is not inside
    /// the buffer.
    public func bytes(in range: Range<Int>, equal text: StaticString) -> Bool {
        guard contains(range.lowerBound, length: range.count), text.hasPointerRepresentation,
              text.utf8CodeUnitCount == range.count else { return false }
        return text.withUTF8Buffer { utf8 in
            for i in 0..<utf8.count where base[range.lowerBound + i] != utf8[i] { return false }
            return true
        }
    }

    /// Offset of the first byte equal to `byte` in `range` (clipped to the buffer), or nil.
    @inlinable public func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        let clipped = range.clamped(to: 0..<base.count)
        var i = clipped.lowerBound
        while i < clipped.upperBound {
            if base[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The bytes in `range` (clipped to the buffer) decoded as UTF-8.
    @inlinable public func utf8String(_ range: Range<Int>) -> String {
        let clipped = range.clamped(to: 0..<base.count)
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[clipped]), as: UTF8.self)
    }

    /// True when the bytes at `offset` equal `expected`.
    public func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        guard contains(offset, length: expected.count) else { return false }
        for (i, byte) in expected.enumerated() where base[offset + i] != byte { return false }
        return true
    }
}

/// What `ByteReader.textFacts(_:)` tells about a text value's bytes.
public struct TextFacts: Equatable, Sendable {
    /// Some byte is 0x80 or above: not plain ASCII.
    public var hasHighBytes: Bool
    /// Some byte is ESC (0x1B), which starts an ISO 2022 escape sequence.
    public var hasEscape: Bool
    /// Offset of the first backslash (0x5C), the value delimiter of multi-valued strings.
    public var firstBackslash: Int?

    /// Plain ASCII: no byte of 0x80 or above and no ESC.
    @inlinable public var isPlainASCII: Bool { !hasHighBytes && !hasEscape }

    /// Creates facts.
    @inlinable public init(hasHighBytes: Bool, hasEscape: Bool, firstBackslash: Int?) {
        self.hasHighBytes = hasHighBytes
        self.hasEscape = hasEscape
        self.firstBackslash = firstBackslash
    }
}

extension Array where Element == UInt8 {
    /// Runs `body` with a `ByteReader` over the array's bytes.
    @inlinable public func withByteReader<R>(_ body: (ByteReader) throws -> R) rethrows -> R {
        try withUnsafeBytes { try body(ByteReader($0)) }
    }
}

extension ArraySlice where Element == UInt8 {
    /// Runs `body` with a `ByteReader` over the slice's bytes (offset 0 is the slice's first byte).
    @inlinable public func withByteReader<R>(_ body: (ByteReader) throws -> R) rethrows -> R {
        try withUnsafeBytes { try body(ByteReader($0)) }
    }
}
