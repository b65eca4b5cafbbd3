/// The entries of one directory, packed: every name in one byte array and a 16-byte record per
/// entry, so a flat directory of a million files costs a few allocations, not a million.
struct DirectoryListing {
    /// One entry: where its name is in `names`, and its type.
    struct Entry {
        fileprivate var nameStart: Int
        fileprivate var nameLength: UInt16
        /// True for a symbolic link (whether followed or not).
        var isLink: Bool
        /// Its type (of the target, when a link was followed); meaningless when `errorCode` is set.
        fileprivate var type: FileKind
        /// The errno of a failed `fstatat`, 0 when `type` is known.
        fileprivate var errorCode: Int32

        /// The type, or why it could not be found.
        var kind: Result<FileKind, SystemError> {
            errorCode == 0 ? .success(type) : .failure(SystemError(code: errorCode))
        }
    }

    private var names: [UInt8] = []
    /// The entries, in `readdir` order until `sortByName()`.
    private(set) var entries: [Entry] = []

    /// Adds the entry `name` (at most `NAME_MAX` bytes, so its length fits 16 bits).
    mutating func append<Name: Collection>(name: Name, isLink: Bool, kind: Result<FileKind, SystemError>)
    where Name.Element == UInt8 {
        let start = names.count
        names.append(contentsOf: name)
        let (type, code): (FileKind, Int32)
        switch kind {
        case .success(let found): (type, code) = (found, 0)
        case .failure(let error): (type, code) = (.unknown, error.code)
        }
        entries.append(Entry(nameStart: start, nameLength: UInt16(clamping: names.count - start),
                             isLink: isLink, type: type, errorCode: code))
    }

    /// The name of `entry`.
    func name(of entry: Entry) -> ArraySlice<UInt8> {
        names[entry.nameStart..<entry.nameStart + Int(entry.nameLength)]
    }

    /// Sorts the entries bytewise by name.
    mutating func sortByName() {
        let names = names
        entries.sort { lhs, rhs in
            names[lhs.nameStart..<lhs.nameStart + Int(lhs.nameLength)]
                .lexicographicallyPrecedes(names[rhs.nameStart..<rhs.nameStart + Int(rhs.nameLength)])
        }
    }
}
