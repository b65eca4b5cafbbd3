/// Distinct strings numbered in order of first appearance (SOP Class UIDs: an archive has a
/// few dozen), up to `limit`, so that an archive with a different value in every file cannot
/// make the table grow with the files: past the limit, `index(of:)` returns nil and the value
/// is kept as text.
struct StringTable: Sendable {
    /// The strings, by index.
    private(set) var strings: [String] = []
    /// Their UTF-8 bytes.
    private(set) var utf8: [[UInt8]] = []
    private var indices: [String: Int] = [:]
    /// The string asked for last and its index: files in a row mostly ask for the same.
    private var last: (string: String, index: Int)?
    let limit: Int

    /// An empty table holding at most `limit` strings.
    init(limit: Int) { self.limit = limit }

    /// The index of `string`, adding it when new and there is room.
    mutating func index(of string: String) -> Int? {
        if let last, last.string == string { return last.index }
        if let index = indices[string] {
            last = (string, index)
            return index
        }
        guard strings.count < limit else { return nil }
        strings.append(string)
        utf8.append(Array(string.utf8))
        indices[string] = strings.count - 1
        last = (string, strings.count - 1)
        return strings.count - 1
    }
}
