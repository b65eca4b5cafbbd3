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

    /// Calls `body` with every instance, in the order added; `sopClasses` are the interned SOP
    /// Class UIDs. Throws when a chunk cannot be read back or does not decode.
    func forEach(file: SpillFile?, sopClasses: [String], _ body: (InstanceEntry) throws -> Void) throws {
        var decoder = Decoder(sopClasses: sopClasses)
        for chunk in chunks {
            guard let file else { throw CatalogError.damagedSpill }
            try decoder.decode(try file.read(chunk), body)
        }
        try decoder.decode(pending, body)
    }

    /// Decodes consecutive parts of one stream, carrying the front-coding state across them.
    private struct Decoder {
        let sopClasses: [String]
        var lastUID: [UInt8] = []
        var lastPath: [UInt8] = []

        mutating func decode(_ bytes: [UInt8], _ body: (InstanceEntry) throws -> Void) throws {
            var cursor = ByteCursor(bytes)
            while !cursor.isAtEnd {
                guard let instance = next(&cursor) else { throw CatalogError.damagedSpill }
                try body(instance)
            }
        }

        private mutating func next(_ cursor: inout ByteCursor) -> InstanceEntry? {
            guard let flags = cursor.byte() else { return nil }
            var number: Int?, frames: Int?, title: String?, sopClass: String?
            if flags & Flag.number != 0 { guard let value = cursor.signed() else { return nil }; number = value }
            if flags & Flag.frames != 0 { guard let value = cursor.signed() else { return nil }; frames = value }
            if flags & Flag.title != 0 { guard let value = cursor.text() else { return nil }; title = value }
            if flags & Flag.internedClass != 0 {
                guard let index = cursor.varint(), index < UInt64(sopClasses.count) else { return nil }
                sopClass = sopClasses[Int(index)]
            } else if flags & Flag.textClass != 0 {
                guard let value = cursor.text() else { return nil }
                sopClass = value
            }
            guard let uid = cursor.frontCoded(previous: &lastUID),
                  let path = cursor.frontCoded(previous: &lastPath) else { return nil }
            return InstanceEntry(sopInstanceUID: uid, sopClassUID: sopClass, number: number, title: title,
                                 numberOfFrames: frames, path: path)
        }
    }
}
