import DICOMCore

/// Where a file's parts start, as told by its first bytes.
struct FileLayout {
    /// True when a 128-byte preamble and `DICM` come first.
    var hasPreamble: Bool
    /// Offset of the file meta group, when there is one.
    var metaOffset: Int?
    /// Offset of the data set when there is no file meta.
    var rawDataSetOffset: Int
}

/// Tells a Part 10 file from a raw data set from anything else, from the first bytes only.
struct LayoutDetector {
    let scanner: ElementScanner
    private static let magic: [UInt8] = Array("DICM".utf8)

    func detect(_ ctx: ScanContext) throws -> FileLayout {
        if try ctx.has(132), ctx.reader.matches(Self.magic, at: 128) {
            return FileLayout(hasPreamble: true, metaOffset: 132, rawDataSetOffset: 132)
        }
        if ctx.reader.matches(Self.magic, at: 0) {
            scanner.warn(0, nil, "DICM prefix without the 128-byte preamble")
            return FileLayout(hasPreamble: false, metaOffset: 4, rawDataSetOffset: 4)
        }
        guard scanner.options.allowRawDataSets else {
            throw ReadError(offset: 128, kind: .notDICOM(reason: "no DICM prefix at offset 128"))
        }
        guard let encoding = try rawEncoding(ctx, at: 0) else {
            throw ReadError(offset: 0, kind: .notDICOM(
                reason: "no DICM prefix at offset 128 and no plausible data element at offset 0"))
        }
        if ctx.reader.uncheckedUInt16(at: 0, encoding.byteOrder) == 0x0002 {
            scanner.warn(0, nil, "file meta information without the 128-byte preamble")
            return FileLayout(hasPreamble: false, metaOffset: 0, rawDataSetOffset: 0)
        }
        return FileLayout(hasPreamble: false, metaOffset: nil, rawDataSetOffset: 0)
    }

    /// The encoding of a data set without file meta, guessed as pydicom and DCMTK do: a
    /// plausible first group in one byte order, a VR or not after the tag, and a length that fits.
    func rawEncoding(_ ctx: ScanContext, at offset: Int) throws -> Encoding? {
        guard try ctx.has(offset + 8) else { return nil }
        let reader = ctx.reader
        let order: ByteOrder
        if isPlausibleFirstGroup(reader.uncheckedUInt16(at: offset, .littleEndian)) {
            order = .littleEndian
        } else if isPlausibleFirstGroup(reader.uncheckedUInt16(at: offset, .bigEndian)) {
            order = .bigEndian
        } else {
            return nil
        }
        let explicit = VR(byte0: reader.uncheckedUInt8(at: offset + 4), byte1: reader.uncheckedUInt8(at: offset + 5))
        let encoding = Encoding(isExplicitVR: explicit != nil, byteOrder: order)
        let headerLength = explicit?.hasLongLength == true ? 12 : 8
        guard try ctx.has(offset + headerLength) else { return nil }
        let length: Int
        switch (explicit, explicit?.hasLongLength) {
        case (.some, false?): length = Int(reader.uncheckedUInt16(at: offset + 6, order))
        case (.some, _): length = Int(reader.uncheckedUInt32(at: offset + 8, order))
        default: length = Int(reader.uncheckedUInt32(at: offset + 4, order))
        }
        let fits = length == Int(ElementHeader.undefinedLength) || offset + headerLength + length <= ctx.visibleEnd
        return fits ? encoding : nil
    }

    /// Groups a data set can start with: file meta, directory, or the usual first modules.
    private func isPlausibleFirstGroup(_ group: UInt16) -> Bool {
        group >= 0x0002 && group <= 0x0028 && group & 1 == 0
    }

    /// The encoding of the data set at `offset`, starting from the declared one: a byte order
    /// whose first group is implausible, or bytes that are (not) a VR, override the declaration.
    func dataSetEncoding(_ ctx: ScanContext, at offset: Int, declared: Encoding, declaredKnown: Bool) throws -> Encoding {
        guard try ctx.has(offset + 8) else { return declared }
        let reader = ctx.reader
        var order = declared.byteOrder
        let other: ByteOrder = order == .littleEndian ? .bigEndian : .littleEndian
        let group = reader.uncheckedUInt16(at: offset, order)
        if !isPlausibleGroup(group), isPlausibleGroup(reader.uncheckedUInt16(at: offset, other)) {
            order = other
            if declaredKnown { scanner.warn(offset, nil, "data set byte order differs from the transfer syntax") }
        }
        let explicit = VR(byte0: reader.uncheckedUInt8(at: offset + 4), byte1: reader.uncheckedUInt8(at: offset + 5)) != nil
        if explicit != declared.isExplicitVR, declaredKnown {
            scanner.warn(offset, nil, explicit ? "transfer syntax says implicit VR, data set is explicit VR"
                                               : "transfer syntax says explicit VR, data set is implicit VR")
        }
        return Encoding(isExplicitVR: explicit, byteOrder: order)
    }

    private func isPlausibleGroup(_ group: UInt16) -> Bool {
        group >= 0x0002 && group <= 0x00FF || group == 0x7FE0 || group == 0xFFFC
    }
}
