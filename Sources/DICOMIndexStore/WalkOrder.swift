import DICOMStudies

/// The order in which a walk of one directory yields paths: component by component, each
/// compared bytewise (as `ArchiveWalker` sorts a directory's entries), which is bytewise order
/// with `/` ranked below every other byte. Records are grouped in this order when studies are
/// rebuilt from the index, so the first file of a study (which sets its values) and the first
/// file of a duplicated SOP Instance UID are the ones a `scan` of the same directory takes.
///
/// For several inputs a scan goes input by input, in the order given; the index always uses
/// this one order, the same as a scan of their common parent.
public enum WalkOrder {
    /// True when `lhs` comes before `rhs`.
    public static func precedes(_ lhs: ScanPath, _ rhs: ScanPath) -> Bool {
        let a = lhs.bytes, b = rhs.bytes
        for index in 0..<min(a.count, b.count) where a[index] != b[index] {
            return rank(a[index]) < rank(b[index])
        }
        return a.count < b.count
    }

    /// A byte's rank: `/` first (names never contain NUL, so 0 is free for it).
    private static func rank(_ byte: UInt8) -> UInt8 { byte == UInt8(ascii: "/") ? 0 : byte }
}
