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

    /// Facts about the ASCII text in `range` (clipped to the buffer): whether every byte is
    /// below 0x80 and none is ESC (0x1B), and the offset of the first backslash (0x5C).
    public func asciiScan(_ range: Range<Int>) -> (isPlainASCII: Bool, firstBackslash: Int?) {
        let clipped = range.clamped(to: 0..<base.count)
        var combined: UInt8 = 0
        var escape = false
        var backslash: Int?
        var i = clipped.lowerBound
        while i < clipped.upperBound {
            let byte = base[i]
            combined |= byte
            if byte == 0x1B { escape = true }
            if byte == 0x5C, backslash == nil { backslash = i }
            i += 1
        }
        return (combined < 0x80 && !escape, backslash)
    }

    /// Offset of the first byte equal to `byte` in `range` (clipped to the buffer), or nil.
    public func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        let clipped = range.clamped(to: 0..<base.count)
        var i = clipped.lowerBound
        while i < clipped.upperBound {
            if base[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The bytes in `range` (clipped to the buffer) decoded as UTF-8.
    public func utf8String(_ range: Range<Int>) -> String {
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
