extension ByteCoding {
    /// `text` front-coded against `previous` (the same field of the record before): the length
    /// of the bytes they share at the start, the length of the rest, and the rest. `previous`
    /// becomes `text`'s bytes.
    ///
    /// On the UTF-8 storage of `text` and `previous`, lent by `withUTF8` and
    /// `withUnsafeBufferPointer` for the comparison only: a UID or path is compared at memory
    /// speed, where iterating a `String.UTF8View` costs tens of instructions a byte.
    static func appendFrontCoded(_ text: String, previous: inout [UInt8], to bytes: inout [UInt8]) {
        var text = text  // `withUTF8` may make the storage contiguous: a native string stays as it is
        text.withUTF8 { utf8 in
            let shared = previous.withUnsafeBufferPointer { old -> Int in
                let limit = min(old.count, utf8.count)
                var index = 0
                while index < limit, old[index] == utf8[index] { index += 1 }
                return index
            }
            let suffix = UnsafeBufferPointer(rebasing: utf8[shared...])
            appendVarint(UInt64(shared), to: &bytes)
            appendVarint(UInt64(suffix.count), to: &bytes)
            bytes.append(contentsOf: suffix)
            previous.removeSubrange(shared...)
            previous.append(contentsOf: suffix)
        }
    }
}
