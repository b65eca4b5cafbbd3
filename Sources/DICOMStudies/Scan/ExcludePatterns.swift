/// The `--exclude GLOB` patterns of a walk, matched with `fnmatch(3)` (flags 0).
///
/// - A pattern without `/` is matched against the entry's base name: `*.jpg`, `.git`,
///   `DICOMDIR`, `tmp*`.
/// - A pattern with `/` is matched against the whole path as the walk spells it (the input
///   as given, then `/` and the names below it), and `*` matches across `/` there:
///   `*/scratch/*`, `/archive/2019*`, `./incoming/*.part`.
///
/// An excluded directory is not entered. Inputs named on the command line or in a list are
/// matched too, except that base-name patterns never match an input named `.`, `..` or `/`
/// (so `--exclude '.*'` skips hidden files, not the whole of `dicomidx scan .`). Excluded paths
/// are counted (`excluded` in the summary), not reported one by one.
public struct ExcludePatterns: Sendable {
    /// NUL-terminated patterns without `/`.
    private var baseNamePatterns: [[CChar]] = []
    /// NUL-terminated patterns with `/`.
    private var pathPatterns: [[CChar]] = []

    /// The patterns, in any order.
    public init(_ patterns: [String] = []) {
        for pattern in patterns {
            let terminated = pattern.utf8.map { CChar(bitPattern: $0) } + [0]
            if pattern.utf8.contains(ScanPath.slash) {
                pathPatterns.append(terminated)
            } else {
                baseNamePatterns.append(terminated)
            }
        }
    }

    /// True when there is no pattern.
    public var isEmpty: Bool { baseNamePatterns.isEmpty && pathPatterns.isEmpty }

    /// True when a pattern matches `path` (pattern with `/`) or its base name (pattern without).
    public func excludes(_ path: ScanPath) -> Bool {
        let name = path.baseName
        let dot = UInt8(ascii: ".")
        let isDotOrRoot = name.isEmpty || name.elementsEqual([dot]) || name.elementsEqual([dot, dot])
        if !baseNamePatterns.isEmpty && !isDotOrRoot {
            if baseNamePatterns.contains(where: { FileSystem.matches($0, name) }) { return true }
        }
        if !pathPatterns.isEmpty {
            let whole = path.bytes[...]
            if pathPatterns.contains(where: { FileSystem.matches($0, whole) }) { return true }
        }
        return false
    }
}
