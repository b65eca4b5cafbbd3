extension ByteCoding {
    /// `text` front-coded against `previous` (the same field of the record before): the length
    /// of the bytes they share at the start, the length of the rest, and the rest. `previous`
    /// becomes `text`'s bytes.
    ///
    /// On the UTF-8 storage of `text` and `previous`, lent by `withUTF8` and
    /// `withUnsafeBufferPointer` for the comparison and the copy only: UIDs and paths are
    /// compared eight bytes at a time, where iterating a `String.UTF8View` costs tens of
    /// instructions a byte.
    static func appendFrontCoded(_ text: String, previous: inout [UInt8], to bytes: inout [UInt8]) {
        var text = text  // `withUTF8` may make the storage contiguous: a native string stays as it is
        text.withUTF8 { utf8 in
            let shared = previous.withUnsafeBufferPointer { commonPrefix(UnsafeRawBufferPointer($0), UnsafeRawBufferPointer(utf8)) }
            let suffix = UnsafeBufferPointer(rebasing: utf8[shared...])
            appendVarint(UInt64(shared), to: &bytes)
            appendVarint(UInt64(suffix.count), to: &bytes)
            bytes.append(contentsOf: suffix)
            previous.replaceSubrange(shared..., with: suffix)
        }
    }

    /// The number of bytes `a` and `b` share at the start.
    private static func commonPrefix(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let limit = min(a.count, b.count)
        var index = 0
        while index + 8 <= limit,
              a.loadUnaligned(fromByteOffset: index, as: UInt64.self) == b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
            index += 8
        }
        while index < limit, a[index] == b[index] { index += 1 }
        return index
    }
}
