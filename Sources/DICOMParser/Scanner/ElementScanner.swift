import DICOMCharacterSets
import DICOMCore

/// The header of one element: tag, VR and length as encoded.
struct ElementHeader {
    let tag: Tag
    let vr: VR
    let length: UInt32
    let headerLength: Int

    static let undefinedLength: UInt32 = 0xFFFF_FFFF
    var isUndefinedLength: Bool { length == ElementHeader.undefinedLength }
}

/// Reads elements, sequences, items and fragments from bytes, building data sets that point
/// into those bytes. It never copies a value; it records where values are.
///
/// Every length is checked against the bytes that exist before it is used, nesting is capped
/// by `ParseOptions.maxSequenceDepth`, and every loop advances by at least 8 bytes, so a
/// lying file ends in a `ReadError`, never in a crash, a hang or a huge allocation.
final class ElementScanner {
    let storage: ByteStorage
    let options: ParseOptions
    var warnings: [ReadWarning] = []
    /// `options.keptTags`.
    let kept: TagSet?

    init(storage: ByteStorage, options: ParseOptions) {
        self.storage = storage
        self.options = options
        kept = options.keptTags
    }

    /// True when an element with `tag` read into `dataSet` is recorded there.
    @inline(__always)
    private func records(_ tag: Tag, in dataSet: DataSet) -> Bool {
        switch dataSet.recording {
        case .all: return true
        case .kept: return kept.map { $0.contains(tag) || tag == pixelRepresentationTag } ?? true
        case .none: return false
        }
    }

    /// Records a warning, up to `ParseOptions.maxWarnings`; the one after says more were dropped.
    func warn(_ offset: Int, _ tag: Tag?, _ message: String) {
        if warnings.count < options.maxWarnings {
            warnings.append(ReadWarning(offset: offset, tag: tag, message: message))
        } else if warnings.count == options.maxWarnings {
            warnings.append(ReadWarning(offset: offset, tag: tag,
                                        message: "more than \(options.maxWarnings) warnings: the rest are not recorded"))
        }
    }

    // MARK: Headers

    /// Reads the element header at `offset`; nil when the data ends before a whole header.
    func readHeader(_ ctx: ScanContext, at offset: Int, _ encoding: Encoding) throws -> ElementHeader? {
        guard try ctx.has(offset + 8) else { return nil }
        let reader = ctx.reader
        let order = encoding.byteOrder
        let tag = reader.uncheckedTag(at: offset, order)
        if tag.group == 0xFFFE {
            return ElementHeader(tag: tag, vr: .UN, length: reader.uncheckedUInt32(at: offset + 4, order),
                                 headerLength: 8)
        }
        if encoding.isExplicitVR {
            let b0 = reader.uncheckedUInt8(at: offset + 4)
            let b1 = reader.uncheckedUInt8(at: offset + 5)
            if let vr = VR(byte0: b0, byte1: b1) {
                if vr.hasLongLength {
                    guard try ctx.has(offset + 12) else { return nil }
                    let length = reader.uncheckedUInt32(at: offset + 8, order)
                    // UN of undefined length stays UN here: its items are implicit VR (CP-246).
                    let known = vr == .UN && length != ElementHeader.undefinedLength ? knownVR(forUN: tag) : vr
                    return ElementHeader(tag: tag, vr: known, length: length, headerLength: 12)
                }
                return ElementHeader(tag: tag, vr: vr, length: UInt32(reader.uncheckedUInt16(at: offset + 6, order)),
                                     headerLength: 8)
            }
            // Not a VR: this element was written in implicit VR. Accept it when its length fits
            // in the data (which, while a deflated stream inflates, may still have to be read).
            let length = reader.uncheckedUInt32(at: offset + 4, order)
            guard try length == ElementHeader.undefinedLength || ctx.has(offset + 8 + Int(length)) else {
                throw ReadError(offset: offset, tag: tag, kind: .invalidVR(b0, b1))
            }
            warn(offset, tag, "explicit VR expected, element read as implicit VR")
            return ElementHeader(tag: tag, vr: implicitVR(for: tag), length: length, headerLength: 8)
        }
        return ElementHeader(tag: tag, vr: implicitVR(for: tag), length: reader.uncheckedUInt32(at: offset + 4, order),
                             headerLength: 8)
    }

    /// A public element written as UN whose VR the dictionary knows is read with that VR, as
    /// pydicom and DCMTK do (its value bytes are the same); private and unknown ones stay UN.
    /// Of undefined length, it is a sequence of implicit VR items (CP-246), SQ when known.
    private func knownVR(forUN tag: Tag) -> VR {
        guard !tag.isPrivate else { return .UN }
        return implicitVR(for: tag)
    }

    // MARK: Elements

    /// Reads the element whose header is `header` at `offset` into `dataSet` and returns the
    /// offset after it. `end` is the end of the innermost enclosing defined-length item or
    /// sequence, if any: nothing in this element may pass it. An element that `dataSet` does
    /// not record is read and checked all the same.
    func readElement(_ ctx: ScanContext, _ header: ElementHeader, at offset: Int, _ encoding: Encoding,
                     end: Int?, depth: Int, into dataSet: inout DataSet) throws -> Int {
        let valueOffset = offset + header.headerLength
        let tag = header.tag
        let recorded = records(tag, in: dataSet)
        var vr = header.vr
        if vr == .US, !encoding.isExplicitVR, recorded { vr = implicitVR(for: tag, in: dataSet) }
        var childIndex: Int32 = -1
        let valueLength: Int
        let next: Int
        // The items of a sequence are recorded (filtered alike) only when the sequence is.
        let itemRecording: Recording = recorded ? dataSet.recording : .none

        if header.isUndefinedLength {
            if vr == .OB || vr == .OW || (tag == .pixelData && vr != .SQ) {
                if vr != .OB && vr != .OW {
                    // Encapsulated Pixel Data is OB (PS3.5 A.4); recorded so, its fragments stay reachable.
                    warn(offset, tag, "encapsulated Pixel Data with VR \(vr), read as OB")
                    vr = .OB
                }
                let (fragments, contentEnd, after) = try readFragments(ctx, from: valueOffset, limit: end, encoding,
                                                                       recording: recorded)
                if recorded {
                    childIndex = Int32(dataSet.fragmentLists.count)
                    dataSet.fragmentLists.append(fragments)
                }
                valueLength = contentEnd - valueOffset
                next = after
            } else {
                // SQ, or UN / unknown of undefined length: a sequence. UN items are implicit VR
                // little endian (CP-246); a UN the dictionary knows as SQ is recorded as SQ.
                let itemEncoding = vr == .UN ? Encoding.implicitLittle : encoding
                if vr != .SQ && vr != .UN {
                    warn(offset, tag, "undefined length on VR \(vr), read as a sequence")
                }
                if vr != .UN || knownVR(forUN: tag) == .SQ { vr = .SQ }
                let (items, contentEnd, after) = try readSequence(
                    ctx, from: valueOffset, end: nil, limit: end, itemEncoding, depth: depth + 1,
                    characterSet: dataSet.characterSet, recording: itemRecording)
                if recorded {
                    childIndex = Int32(dataSet.sequences.count)
                    dataSet.sequences.append(items)
                }
                valueLength = contentEnd - valueOffset
                next = after
            }
        } else {
            let length = Int(header.length)
            let valueEnd = valueOffset + length
            if let end, valueEnd > end {
                throw ReadError(offset: offset, tag: tag, vr: vr,
                                kind: .lengthExceedsAvailable(length: header.length, available: max(0, end - valueOffset)))
            }
            guard try ctx.has(valueEnd) else {
                throw ReadError(offset: offset, tag: tag, vr: vr,
                                kind: .lengthExceedsAvailable(length: header.length,
                                                              available: max(0, ctx.visibleEnd - valueOffset)))
            }
            if vr == .SQ && length > 0 {
                let (items, _, _) = try readSequence(ctx, from: valueOffset, end: valueEnd, limit: valueEnd, encoding,
                                                     depth: depth + 1, characterSet: dataSet.characterSet,
                                                     recording: itemRecording)
                if recorded {
                    childIndex = Int32(dataSet.sequences.count)
                    dataSet.sequences.append(items)
                }
            }
            valueLength = length
            next = valueEnd
        }

        if let last = dataSet.lastTag, last >= tag, dataSet.isSorted {
            dataSet.isSorted = false
            warn(offset, tag, "elements out of order (after \(last))")
        }
        dataSet.lastTag = tag
        let element = Element(tag: tag, vr: vr, headerOffset: offset, valueOffset: valueOffset,
                              valueLength: valueLength, hasUndefinedLength: header.isUndefinedLength,
                              childIndex: childIndex)
        if recorded { dataSet.elements.append(element) }
        if tag == .specificCharacterSet {
            dataSet.characterSet = characterSet(of: element, ctx.reader)
        }
        return next
    }

    private func characterSet(of element: Element, _ reader: ByteReader) -> SpecificCharacterSet {
        var length = element.valueLength
        while length > 0, let byte = reader.uint8(at: element.valueOffset + length - 1), byte == 0x20 || byte == 0 {
            length -= 1
        }
        for common in Self.commonCharacterSets
        where common.term.count == length && reader.matches(common.term, at: element.valueOffset) {
            return common.set
        }
        let bytes = reader.bytes(at: element.valueOffset, length: element.valueLength)
        let terms = bytes.split(separator: 0x5C, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        let set = SpecificCharacterSet(terms: terms)
        for warning in set.warnings { warn(element.headerOffset, element.tag, "\(warning)") }
        return set
    }

    /// The usual single defined terms, resolved once: most files name one of these.
    private static let commonCharacterSets: [(term: [UInt8], set: SpecificCharacterSet)] =
        ["ISO_IR 100", "ISO_IR 192", "ISO_IR 6", "ISO_IR 101", "ISO_IR 144", "ISO_IR 148", "ISO_IR 126", "GB18030"]
            .map { (Array($0.utf8), SpecificCharacterSet(terms: [$0])) }.filter { $0.set.warnings.isEmpty }

    // MARK: Data sets (items)

    /// Reads a data set from `start` to `end` (defined length) or to its Item Delimitation Item
    /// (undefined length); returns it and the offset after it (after the delimiter). `limit` is
    /// the end of the enclosing defined-length item or sequence: an undefined-length item that
    /// reaches it lacks its delimiter.
    func readDataSet(_ ctx: ScanContext, from start: Int, end: Int?, limit: Int?, _ encoding: Encoding, depth: Int,
                     characterSet: SpecificCharacterSet, recording: Recording) throws -> (DataSet, Int) {
        var dataSet = DataSet(storage: storage, byteOrder: encoding.byteOrder,
                              isExplicitVR: encoding.isExplicitVR, characterSet: characterSet, recording: recording)
        var offset = start
        let bound = end ?? limit
        while true {
            if let end, offset >= end { return (dataSet, end) }
            if let limit, offset >= limit {
                warn(offset, nil, "missing Item Delimitation Item")
                return (dataSet, offset)
            }
            let next = readPlainRun(ctx.reader, from: offset, encoding, end: bound, stopBefore: nil, into: &dataSet)
            if next != offset {
                offset = next
                continue
            }
            guard let header = try readHeader(ctx, at: offset, encoding) else {
                if end == nil {
                    warn(offset, nil, "item without Item Delimitation Item at the end of the data")
                    return (dataSet, ctx.visibleEnd)
                }
                throw ReadError(offset: offset, kind: .truncated(needed: 8, available: max(0, ctx.visibleEnd - offset)))
            }
            switch header.tag {
            case .itemDelimitationItem:
                if end == nil { return (dataSet, offset + 8) }
                warn(offset, header.tag, "Item Delimitation Item in an item of defined length")
                offset += 8
            case .item, .sequenceDelimitationItem:
                if end == nil {
                    warn(offset, nil, "missing Item Delimitation Item")
                    return (dataSet, offset)
                }
                throw ReadError(offset: offset, tag: header.tag, kind: .unexpectedTag(expected: "a data element"))
            default:
                offset = try readElement(ctx, header, at: offset, encoding, end: bound, depth: depth, into: &dataSet)
            }
        }
    }

    // MARK: Sequences

    /// Reads the items of a sequence; returns them, the end of the content (before any
    /// delimiter) and the offset after the sequence. `end` is the sequence's own end (defined
    /// length); `limit` the end of the enclosing defined-length item or sequence, which an
    /// undefined-length sequence that lacks its delimiter stops at.
    func readSequence(_ ctx: ScanContext, from start: Int, end: Int?, limit: Int?, _ encoding: Encoding, depth: Int,
                      characterSet: SpecificCharacterSet, recording: Recording) throws -> ([DataSet], Int, Int) {
        guard depth <= options.maxSequenceDepth else {
            throw ReadError(offset: start, kind: .nestingTooDeep(limit: options.maxSequenceDepth))
        }
        var items: [DataSet] = []
        var offset = start
        let order = encoding.byteOrder
        let bound = end ?? limit
        while true {
            if let end, offset >= end { return (items, end, end) }
            if let limit, offset >= limit {
                warn(offset, nil, "missing Sequence Delimitation Item")
                return (items, offset, offset)
            }
            guard try ctx.has(offset + 8) else {
                if end == nil {
                    warn(offset, nil, "sequence without Sequence Delimitation Item at the end of the data")
                    return (items, offset, ctx.visibleEnd)
                }
                throw ReadError(offset: offset, kind: .truncated(needed: 8, available: max(0, ctx.visibleEnd - offset)))
            }
            let tag = ctx.reader.uncheckedTag(at: offset, order)
            let length = ctx.reader.uncheckedUInt32(at: offset + 4, order)
            switch tag {
            case .item:
                let itemStart = offset + 8
                var itemEnd: Int? = nil
                if length != ElementHeader.undefinedLength {
                    let available = bound ?? ctx.visibleEnd
                    let candidate = itemStart + Int(length)
                    guard bound.map({ candidate <= $0 }) ?? true, try ctx.has(candidate) else {
                        throw ReadError(offset: offset, tag: tag,
                                        kind: .lengthExceedsAvailable(length: length, available: max(0, available - itemStart)))
                    }
                    itemEnd = candidate
                }
                let itemEncoding = try sniffItemEncoding(ctx, at: itemStart, declared: encoding)
                let (item, after) = try readDataSet(ctx, from: itemStart, end: itemEnd, limit: bound, itemEncoding,
                                                    depth: depth, characterSet: characterSet, recording: recording)
                if recording != .none { items.append(item) }
                offset = itemEnd ?? after
            case .sequenceDelimitationItem:
                if end == nil { return (items, offset, offset + 8) }
                warn(offset, tag, "Sequence Delimitation Item in a sequence of defined length")
                offset += 8
            case .itemDelimitationItem:
                warn(offset, tag, "stray Item Delimitation Item in a sequence")
                offset += 8
            default:
                if end == nil {
                    warn(offset, nil, "missing Sequence Delimitation Item")
                    return (items, offset, offset)
                }
                throw ReadError(offset: offset, tag: tag, kind: .unexpectedTag(expected: "an Item (FFFE,E000)"))
            }
        }
    }

    /// Inside an item, explicit and implicit VR can differ from the enclosing data set (some
    /// writers mix them). The first element's bytes 4 and 5 tell: a VR, or part of a length.
    func sniffItemEncoding(_ ctx: ScanContext, at offset: Int, declared: Encoding) throws -> Encoding {
        guard try ctx.has(offset + 8) else { return declared }
        let group = ctx.reader.uncheckedUInt16(at: offset, declared.byteOrder)
        guard group != 0xFFFE else { return declared }
        let looksExplicit = VR(byte0: ctx.reader.uncheckedUInt8(at: offset + 4),
                               byte1: ctx.reader.uncheckedUInt8(at: offset + 5)) != nil
        guard looksExplicit != declared.isExplicitVR else { return declared }
        warn(offset, nil, looksExplicit ? "item written in explicit VR inside implicit VR data"
                                        : "item written in implicit VR inside explicit VR data")
        return Encoding(isExplicitVR: looksExplicit, byteOrder: declared.byteOrder)
    }

    // MARK: Encapsulated pixel data

    /// Reads the items of encapsulated pixel data up to its Sequence Delimitation Item; returns
    /// the fragments (none when not `recording`), the end of the content and the offset after
    /// the delimiter. Fragments stop at `limit`, the end of the enclosing defined-length item, if any.
    func readFragments(_ ctx: ScanContext, from start: Int, limit: Int?, _ encoding: Encoding,
                       recording: Bool = true) throws -> ([Fragment], Int, Int) {
        var fragments: [Fragment] = []
        var offset = start
        let order = encoding.byteOrder
        while true {
            if let limit, offset >= limit {
                warn(offset, .pixelData, "missing Sequence Delimitation Item after pixel data fragments")
                return (fragments, offset, offset)
            }
            guard try ctx.has(offset + 8) else {
                warn(offset, .pixelData, "encapsulated pixel data without Sequence Delimitation Item")
                return (fragments, offset, ctx.visibleEnd)
            }
            let tag = ctx.reader.uncheckedTag(at: offset, order)
            let length = ctx.reader.uncheckedUInt32(at: offset + 4, order)
            switch tag {
            case .item:
                guard length != ElementHeader.undefinedLength else {
                    throw ReadError(offset: offset, tag: tag, kind: .undefinedLengthNotAllowed)
                }
                let fragmentEnd = offset + 8 + Int(length)
                guard limit.map({ fragmentEnd <= $0 }) ?? true, try ctx.has(fragmentEnd) else {
                    let available = limit ?? ctx.visibleEnd
                    throw ReadError(offset: offset, tag: tag,
                                    kind: .lengthExceedsAvailable(length: length, available: max(0, available - offset - 8)))
                }
                if recording { fragments.append(Fragment(itemOffset: offset, offset: offset + 8, length: Int(length))) }
                offset = fragmentEnd
            case .sequenceDelimitationItem:
                return (fragments, offset, offset + 8)
            default:
                warn(offset, tag, "missing Sequence Delimitation Item after pixel data fragments")
                return (fragments, offset, offset)
            }
        }
    }
}
