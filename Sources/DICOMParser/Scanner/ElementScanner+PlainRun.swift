import DICOMCore

/// The scanner's common case: runs of plain elements read in one tight loop.
extension ElementScanner {
    /// Reads plain elements from `offset` on into `dataSet`, up to `count` of them, and
    /// returns the offset of the first element it did not read (`offset` when none was
    /// plain): the caller reads that one with `readHeader` and `readElement`.
    ///
    /// A plain element: its offset is before `end` and its tag before `stopBefore` (when
    /// given), after the data set's last tag, not zero, not an item or delimiter, not a group
    /// length nor Specific Character Set; its length is defined; its VR (explicit, or the
    /// dictionary's) is neither SQ nor UN (explicit VR); its header and value are in the bytes
    /// read and end at `end` at the latest. For such an element `readHeader` and `readElement`
    /// would do just what this does, warn of nothing and throw nothing.
    func readPlainRun(_ reader: ByteReader, from offset: Int, _ encoding: Encoding, end: Int?, stopBefore: Tag?,
                      count: Int = .max, into dataSet: inout DataSet) -> Int {
        // One loop per encoding, each with its byte order and VR rule fixed.
        switch (encoding.isExplicitVR, encoding.byteOrder) {
        case (true, .littleEndian):
            return plainRun(reader, offset, end, stopBefore, count, &dataSet, explicit: true, .littleEndian)
        case (false, .littleEndian):
            return plainRun(reader, offset, end, stopBefore, count, &dataSet, explicit: false, .littleEndian)
        case (true, .bigEndian):
            return plainRun(reader, offset, end, stopBefore, count, &dataSet, explicit: true, .bigEndian)
        case (false, .bigEndian):
            return plainRun(reader, offset, end, stopBefore, count, &dataSet, explicit: false, .bigEndian)
        }
    }

    @inline(__always)
    private func plainRun(_ reader: ByteReader, _ offset: Int, _ end: Int?, _ stopBefore: Tag?, _ count: Int,
                          _ dataSet: inout DataSet, explicit: Bool, _ order: ByteOrder) -> Int {
        let bound = min(end ?? reader.count, reader.count)
        let stop = stopBefore?.rawValue ?? UInt32.max
        let recordsAll = dataSet.recording == .all || (dataSet.recording == .kept && kept == nil)
        let filter = dataSet.recording == .kept ? kept : nil
        let lengthSizes = explicit ? plainLengthSizes : []
        var last = dataSet.lastTag?.rawValue
        var offset = offset
        var read = 0
        defer { dataSet.lastTag = last.map(Tag.init) }
        while read < count, offset >= 0, offset < bound, offset <= reader.count - 12 {
            let tag = reader.uncheckedTag(at: offset, order)
            let raw = tag.rawValue
            if let last, last >= raw { return offset }
            guard raw < stop, raw != 0, tag.element != 0, tag.group != 0xFFFE, raw != 0x0008_0005 else { return offset }
            let headerLength: Int
            let length: UInt32
            if explicit {
                let first = reader.uncheckedUInt8(at: offset + 4) &- 0x41
                let second = reader.uncheckedUInt8(at: offset + 5) &- 0x41
                guard first < 26, second < 26 else { return offset }
                switch lengthSizes[Int(first) * 26 + Int(second)] {
                case 2:
                    headerLength = 8
                    length = UInt32(reader.uncheckedUInt16(at: offset + 6, order))
                case 4:
                    headerLength = 12
                    length = reader.uncheckedUInt32(at: offset + 8, order)
                default:
                    return offset
                }
            } else {
                headerLength = 8
                length = reader.uncheckedUInt32(at: offset + 4, order)
            }
            guard length != ElementHeader.undefinedLength else { return offset }
            let valueEnd = offset + headerLength + Int(length)
            guard valueEnd <= bound else { return offset }
            let recorded = recordsAll || (filter.map { $0.contains(tag) || tag == pixelRepresentationTag } ?? false)
            if !explicit {
                // The dictionary's VR: a sequence is no plain element.
                let vr = implicitVR(for: tag)
                guard vr != .SQ else { return offset }
                if recorded {
                    record(tag, vr == .US ? implicitVR(for: tag, in: dataSet) : vr, offset, headerLength, length, &dataSet)
                }
            } else if recorded, let vr = VR(byte0: reader.uncheckedUInt8(at: offset + 4),
                                             byte1: reader.uncheckedUInt8(at: offset + 5)) {
                record(tag, vr, offset, headerLength, length, &dataSet)
            }
            last = raw
            offset = valueEnd
            read += 1
        }
        return offset
    }

    @inline(__always)
    private func record(_ tag: Tag, _ vr: VR, _ offset: Int, _ headerLength: Int, _ length: UInt32,
                        _ dataSet: inout DataSet) {
        // An item of a kept sequence holds a few kept elements (codes): one allocation, made
        // with the first of them (an empty item allocates nothing).
        if dataSet.elements.isEmpty, dataSet.recording == .kept { dataSet.elements.reserveCapacity(6) }
        dataSet.elements.append(Element(tag: tag, vr: vr, headerOffset: offset, valueOffset: offset + headerLength,
                                        valueLength: Int(length), hasUndefinedLength: false))
    }
}

/// `VR.plainLengthSize` of every pair of upper-case letters, at (first - 'A') * 26 + (second - 'A').
private let plainLengthSizes: [UInt8] = (0..<(26 * 26)).map { (index: Int) -> UInt8 in
    let first = UInt8(0x41 + index / 26)
    let second = UInt8(0x41 + index % 26)
    return UInt8(VR.plainLengthSize(byte0: first, byte1: second))
}
