extension JSONBytes {
    /// Appends UTF-8 text that needs no escape as it is and returns true; returns false
    /// (appending nothing) when it holds a byte that may need one (see `needsEscaping`).
    ///
    /// On the slice's storage, lent by `withUnsafeBufferPointer` for the scan and the copy only.
    @inline(__always)
    static func appendIfPlain(_ value: ArraySlice<UInt8>, to out: inout [UInt8]) -> Bool {
        value.withUnsafeBufferPointer { buffer in
            guard !mayNeedEscape(UnsafeRawBufferPointer(buffer)) else { return false }
            out.append(contentsOf: buffer)
            return true
        }
    }

    /// `appendIfPlain` for a string; nil when its storage is not contiguous UTF-8.
    @inline(__always)
    static func appendIfPlain(_ value: String, to out: inout [UInt8]) -> Bool? {
        value.utf8.withContiguousStorageIfAvailable { buffer in
            guard !mayNeedEscape(UnsafeRawBufferPointer(buffer)) else { return false }
            out.append(contentsOf: buffer)
            return true
        }
    }

    /// True when `bytes` hold a control character, a quote, a backslash, or 0xE2 (which may
    /// start U+2028 or U+2029). Eight bytes at a time: for a word `v`, a byte below `n` (n ≤ 128)
    /// shows as `(v - n·0x0101…) & ~v & 0x8080… != 0`, and a byte equal to `c` as a zero
    /// byte of `v ^ c·0x0101…` (exact tests, not estimates).
    static func mayNeedEscape(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if (word &- ones &* 0x20) & ~word & highs != 0 || hasZero(word ^ (ones &* 0x22))
                || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0xE2)) {
                return true
            }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return true }
            offset += 1
        }
        return false
    }
}
