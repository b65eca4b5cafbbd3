import DICOMCharacterSets
import DICOMCore

/// Reads the file meta information (group 0002), which PS3.10 says is explicit VR little
/// endian with a group length first. Tolerated: a missing or wrong group length (the group
/// ends where group 0002 ends), a meta group in implicit VR, and a missing Transfer Syntax UID.
/// Not tolerated: fewer bytes than one element header after `DICM`.
struct FileMetaReader {
    let scanner: ElementScanner

    func read(_ ctx: ScanContext, from start: Int) throws -> (DataSet, Int) {
        // `DICM` must be followed by something: a file that ends there has no file meta at all.
        guard try ctx.has(start + 8) else {
            throw ReadError(offset: start, kind: .truncated(needed: 8, available: max(0, ctx.visibleEnd - start)))
        }
        let explicit = try looksExplicit(ctx, at: start)
        let encoding = explicit ? Encoding.explicitLittle : Encoding.implicitLittle
        if !explicit { scanner.warn(start, nil, "file meta information written in implicit VR") }
        var meta = DataSet(storage: scanner.storage, byteOrder: .littleEndian, isExplicitVR: explicit,
                           characterSet: .defaultRepertoire)
        meta.elements.reserveCapacity(8)  // the usual file meta: one allocation
        var offset = start
        var declaredEnd: Int?
        while try ctx.has(offset + 8) {
            guard ctx.reader.uncheckedUInt16(at: offset, .littleEndian) == 0x0002 else { break }
            // A deflated data set can start with bytes that look like group 0002; trust the
            // group length there.
            if let declaredEnd, offset >= declaredEnd, isDeflated(meta, ctx.reader) { break }
            // One element at a time: each must be of group 0002 (checked above).
            let next = scanner.readPlainRun(ctx.reader, from: offset, encoding, end: nil, stopBefore: nil, count: 1,
                                            into: &meta)
            if next != offset {
                offset = next
                continue
            }
            guard let header = try scanner.readHeader(ctx, at: offset, encoding) else { break }
            offset = try scanner.readElement(ctx, header, at: offset, encoding, end: nil, depth: 0, into: &meta)
            if header.tag == .fileMetaInformationGroupLength, header.length == 4,
               let length = ctx.reader.uint32(at: offset - 4, .littleEndian) {
                declaredEnd = offset + Int(length)
            }
        }
        if let declaredEnd, declaredEnd != offset {
            scanner.warn(start, .fileMetaInformationGroupLength,
                         "group length says the file meta ends at \(declaredEnd), it ends at \(offset)")
        } else if declaredEnd == nil, offset > start {
            scanner.warn(start, .fileMetaInformationGroupLength, "file meta information has no group length")
        }
        if !meta.contains(.transferSyntaxUID) {
            scanner.warn(start, .transferSyntaxUID, "file meta information has no Transfer Syntax UID")
        }
        return (meta, offset)
    }

    private func looksExplicit(_ ctx: ScanContext, at offset: Int) throws -> Bool {
        guard try ctx.has(offset + 6) else { return true }
        return VR(byte0: ctx.reader.uncheckedUInt8(at: offset + 4), byte1: ctx.reader.uncheckedUInt8(at: offset + 5)) != nil
    }

    private func isDeflated(_ meta: DataSet, _ reader: ByteReader) -> Bool {
        guard let element = meta.element(.transferSyntaxUID) else { return false }
        let uid = asciiTrimmed(reader.bytes(at: element.valueOffset, length: element.valueLength))
        return TransferSyntax.forUID(uid).isDeflated
    }
}

/// ASCII text with trailing NUL and space padding (and leading spaces) removed.
func asciiTrimmed(_ bytes: [UInt8]) -> String {
    var slice = bytes[...]
    while let last = slice.last, last == 0 || last == 0x20 { slice = slice.dropLast() }
    while let first = slice.first, first == 0x20 { slice = slice.dropFirst() }
    return String(decoding: slice, as: UTF8.self)
}
