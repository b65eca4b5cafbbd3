extension StudyCatalog {
    /// Duplicates looked up per pass over the instances.
    static let duplicatesPerPass = 65_536

    /// Files whose SOP Instance UID was already seen, in the order found, each with the file
    /// that had it first. Empty when the instances cannot be read back (see `forEachDuplicate`).
    public var duplicates: [Duplicate] {
        var all: [Duplicate] = []
        do { try forEachDuplicate { all.append($0) } } catch { return [] }
        return all
    }

    /// Calls `body` with each duplicate, in the order found.
    ///
    /// The catalog keeps only a duplicate's UID and path; the first file's path is looked up
    /// in the instance lists, for up to `duplicatesPerPass` duplicates per pass over them, so
    /// that listing a million duplicates takes a few passes, not a million, nor the memory of
    /// a million pairs at once.
    public func forEachDuplicate(_ body: (Duplicate) throws -> Void) throws {
        guard duplicateCount > 0 else { return }
        var block: [(uid: String, path: String)] = []
        func flush() throws {
            var firstPaths: [String: String] = [:]
            for duplicate in block { firstPaths[duplicate.uid] = "" }
            for series in seriesStates {
                let list = try series.instances.list(file: spill.file, sopClasses: sopClasses.utf8)
                for instance in list.instances {
                    let uid = list.text(instance.sopInstanceUID)
                    if firstPaths[uid] != nil { firstPaths[uid] = list.text(instance.path) }
                }
            }
            for duplicate in block {
                try body(Duplicate(sopInstanceUID: duplicate.uid, firstPath: firstPaths[duplicate.uid] ?? "",
                                   duplicatePath: duplicate.path))
            }
            block.removeAll(keepingCapacity: true)
        }
        try duplicateLog.forEachPart(file: spill.file, sopClasses: []) { log in
            for entry in log.instances {
                block.append((log.text(entry.sopInstanceUID), log.text(entry.path)))
                if block.count >= Self.duplicatesPerPass { try flush() }
            }
        }
        if !block.isEmpty { try flush() }
    }
}
