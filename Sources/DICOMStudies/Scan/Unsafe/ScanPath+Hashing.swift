extension ScanPath {
    /// Hashes the bytes in one call, on the array's storage lent by `withUnsafeBytes`: the
    /// derived hash of `[UInt8]` feeds the hasher a byte at a time, ten times slower for a path
    /// (an index looks every path of a walk up in a dictionary). Equal paths, equal bytes,
    /// equal hashes, as `==` (derived: the bytes) requires.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
