/// The instances of one series, in the order they were added, as compact bytes: in memory
/// (`pending`) until the catalog moves them to its `SpillFile` as a chunk.
///
/// Each instance is a flags byte, then the values present: Instance Number and Number of
/// Frames (zigzag varints), the title (length and UTF-8), the SOP Class UID (an index into
/// the catalog's `StringTable`, or its text), then the SOP Instance UID and the path, each
/// front-coded against the instance before (UIDs of a series and paths of a directory share
/// most of their bytes). A typical instance takes 20 to 40 bytes instead of about 700.
struct InstanceStream: Sendable {
    /// Bytes not yet written to the spill file; they follow every chunk.
    private(set) var pending: [UInt8] = []
    /// Chunks in the spill file, in order.
    private(set) var chunks: [SpillFile.Chunk] = []
    /// Instances in the stream.
    private(set) var count = 0
    /// The last SOP Instance UID and path appended, for front coding.
    private var lastUID: [UInt8] = []
    private var lastPath: [UInt8] = []

    private enum Flag {
        static let number: UInt8 = 1
        static let frames: UInt8 = 2
        static let title: UInt8 = 4
        static let internedClass: UInt8 = 8
        static let textClass: UInt8 = 16
    }

    /// How the SOP Class UID of an instance is kept.
    enum ClassCode {
        case none
        case interned(Int)
        case text(String)
    }

    /// Appends an instance.
    mutating func append(uid: String, sopClass: ClassCode, number: Int?, title: String?, frames: Int?, path: String) {
        var flags: UInt8 = 0
        if number != nil { flags |= Flag.number }
        if frames != nil { flags |= Flag.frames }
        if title != nil { flags |= Flag.title }
        switch sopClass {
        case .none: break
        case .interned: flags |= Flag.internedClass
        case .text: flags |= Flag.textClass
        }
        pending.append(flags)
        if let number { ByteCoding.appendSigned(number, to: &pending) }
        if let frames { ByteCoding.appendSigned(frames, to: &pending) }
        if let title { ByteCoding.appendText(title, to: &pending) }
        switch sopClass {
        case .none: break
        case .interned(let index): ByteCoding.appendVarint(UInt64(index), to: &pending)
        case .text(let text): ByteCoding.appendText(text, to: &pending)
        }
        ByteCoding.appendFrontCoded(uid, previous: &lastUID, to: &pending)
        ByteCoding.appendFrontCoded(path, previous: &lastPath, to: &pending)
        count += 1
    }

    /// Records that the pending bytes are now `chunk` of the spill file, and frees them.
    mutating func spilled(_ chunk: SpillFile.Chunk) {
        chunks.append(chunk)
        pending = []
    }

    /// Every instance, in the order added, as an `InstanceList`; `sopClasses` are the interned
    /// SOP Class UIDs (as UTF-8). Throws when a chunk cannot be read back or does not decode.
    func list(file: SpillFile?, sopClasses: [[UInt8]]) throws -> InstanceList {
        var list = InstanceList()
        var decoder = Decoder(sopClasses: sopClasses)
        for chunk in chunks {
            guard let file else { throw CatalogError.damagedSpill }
            try decoder.decode(try file.read(chunk), into: &list)
        }
        try decoder.decode(pending, into: &list)
        return list
    }

    /// Every instance, in the order added, a chunk at a time: only one chunk in memory.
    func forEachPart(file: SpillFile?, sopClasses: [[UInt8]], _ body: (InstanceList) throws -> Void) throws {
        var decoder = Decoder(sopClasses: sopClasses)
        for chunk in chunks {
            guard let file else { throw CatalogError.damagedSpill }
            var list = InstanceList()
            try decoder.decode(try file.read(chunk), into: &list)
            try body(list)
        }
        var list = InstanceList()
        try decoder.decode(pending, into: &list)
        try body(list)
    }

    /// Decodes consecutive parts of one stream, carrying the front-coding state across them.
    private struct Decoder {
        let sopClasses: [[UInt8]]
        var lastUID: [UInt8] = []
        var lastPath: [UInt8] = []

        mutating func decode(_ bytes: [UInt8], into list: inout InstanceList) throws {
            var cursor = ByteCursor(bytes)
            while !cursor.isAtEnd {
                guard next(&cursor, into: &list) else { throw CatalogError.damagedSpill }
            }
        }

        private mutating func next(_ cursor: inout ByteCursor, into list: inout InstanceList) -> Bool {
            guard let flags = cursor.byte() else { return false }
            var number: Int?, frames: Int?, title: ArraySlice<UInt8>?, sopClass: ArraySlice<UInt8>?
            if flags & Flag.number != 0 { guard let value = cursor.signed() else { return false }; number = value }
            if flags & Flag.frames != 0 { guard let value = cursor.signed() else { return false }; frames = value }
            if flags & Flag.title != 0 { guard let value = cursor.text() else { return false }; title = value }
            if flags & Flag.internedClass != 0 {
                guard let index = cursor.varint(), index < UInt64(sopClasses.count) else { return false }
                sopClass = sopClasses[Int(index)][...]
            } else if flags & Flag.textClass != 0 {
                guard let value = cursor.text() else { return false }
                sopClass = value
            }
            guard cursor.frontCoded(previous: &lastUID), cursor.frontCoded(previous: &lastPath) else { return false }
            list.append(number: number, numberOfFrames: frames, uid: lastUID, sopClassUID: sopClass, title: title,
                        path: lastPath)
            return true
        }
    }
}
