/// The marker segments of one JPEG codestream (ITU T.81 Annex B), parsed once: the frame
/// header, and each scan with the tables and restart interval in force at its SOS and the
/// byte range of its entropy-coded data. Shared by the lossless and the sequential decoder.
struct JPEGStream {
    /// One frame component (SOF).
    struct Component: Equatable {
        let id: Int
        let horizontal: Int
        let vertical: Int
        let quantizationTable: Int
    }

    /// The frame header (SOFn).
    struct FrameHeader: Equatable {
        /// The SOF marker's second byte: C0 baseline ... C3 lossless ... CF.
        let marker: UInt8
        let precision: Int
        /// Number of lines; 0 when a DNL segment defines it (then `lines` of the stream is used).
        let lines: Int
        let samplesPerLine: Int
        let components: [Component]
    }

    /// One scan component: its index in the frame's component list and its table selectors.
    struct ScanComponent: Equatable {
        let frameIndex: Int
        let dcTable: Int
        let acTable: Int
    }

    /// One scan: header fields, tables in force, entropy-coded bytes.
    struct Scan {
        let components: [ScanComponent]
        /// Ss: the predictor (lossless) or the spectral start.
        let spectralStart: Int
        let spectralEnd: Int
        let approximationHigh: Int
        /// Al: the point transform (lossless) or successive approximation low bit.
        let approximationLow: Int
        let dcTables: [HuffmanTable?]
        let acTables: [HuffmanTable?]
        let quantizationTables: [[Int32]?]
        let restartInterval: Int
        /// The entropy-coded data with its restart markers, up to the next other marker.
        let entropy: Range<Int>
    }

    let bytes: [UInt8]
    let frame: FrameHeader
    let scans: [Scan]
    /// The number of lines: the frame's, or the DNL segment's when the frame says 0.
    let lines: Int

    /// The process of a codestream's frame: the marker byte and precision of its first SOF
    /// (or SOF55, F7, for JPEG-LS), found without parsing tables; nil when there is none.
    static func frameMarker(_ bytes: [UInt8]) -> (marker: UInt8, precision: Int)? {
        var walker = SegmentWalker(bytes: bytes)
        guard (try? walker.start()) != nil else { return nil }
        while let segment = try? walker.next() {
            if isFrameMarker(segment.marker) || segment.marker == 0xF7 {
                guard segment.body.count >= 1 else { return nil }
                return (segment.marker, Int(bytes[segment.body.lowerBound]))
            }
            if segment.marker == 0xDA || segment.marker == 0xD9 { return nil }
        }
        return nil
    }

    static func isFrameMarker(_ marker: UInt8) -> Bool {
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
    }

    /// Parses every marker segment; throws on the first malformed one.
    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        var walker = SegmentWalker(bytes: bytes)
        try walker.start()
        var frame: FrameHeader?
        var scans: [Scan] = []
        var dc = [HuffmanTable?](repeating: nil, count: 4)
        var ac = [HuffmanTable?](repeating: nil, count: 4)
        var quantization = [[Int32]?](repeating: nil, count: 4)
        var restartInterval = 0
        var definedLines: Int?
        while let segment = try walker.next() {
            let body = segment.body
            switch segment.marker {
            case 0xD9:  // EOI
                walker.stop()
            case 0xC4:
                try Self.parseHuffmanTables(bytes, body, dc: &dc, ac: &ac)
            case 0xDB:
                try Self.parseQuantizationTables(bytes, body, into: &quantization)
            case 0xDD:
                guard body.count >= 2 else { throw JPEGStreamError.badSegmentLength(marker: 0xDD, offset: segment.offset, length: body.count + 2) }
                restartInterval = Int(bytes[body.lowerBound]) << 8 | Int(bytes[body.lowerBound + 1])
            case 0xDC:  // DNL
                guard body.count >= 2 else { throw JPEGStreamError.badSegmentLength(marker: 0xDC, offset: segment.offset, length: body.count + 2) }
                let count = Int(bytes[body.lowerBound]) << 8 | Int(bytes[body.lowerBound + 1])
                if definedLines == nil, count > 0 { definedLines = count }
            case 0xDA:
                guard let frame else { throw JPEGStreamError.unexpectedMarker(marker: 0xDA, offset: segment.offset) }
                let header = try Self.parseScanHeader(bytes, body, frame: frame, offset: segment.offset)
                let end = walker.skipEntropyData()
                scans.append(Scan(components: header.components, spectralStart: header.ss, spectralEnd: header.se,
                                  approximationHigh: header.ah, approximationLow: header.al,
                                  dcTables: dc, acTables: ac, quantizationTables: quantization,
                                  restartInterval: restartInterval, entropy: body.upperBound..<end))
            case let marker where Self.isFrameMarker(marker):
                guard frame == nil else { throw JPEGStreamError.unexpectedMarker(marker: marker, offset: segment.offset) }
                frame = try Self.parseFrameHeader(bytes, body, marker: marker, offset: segment.offset)
            default:
                break  // APPn, COM, DAC, DHP, EXP, JPGn, stray RSTn: skipped
            }
        }
        guard let frame else { throw JPEGStreamError.missingSegment("frame header (SOF)") }
        guard !scans.isEmpty else { throw JPEGStreamError.missingSegment("scan (SOS)") }
        self.frame = frame
        self.scans = scans
        let lines = frame.lines > 0 ? frame.lines : (definedLines ?? 0)
        guard lines > 0 else { throw JPEGStreamError.invalidHeader("the frame has 0 lines and no DNL segment defines them") }
        self.lines = lines
    }

    private static func parseFrameHeader(_ bytes: [UInt8], _ body: Range<Int>, marker: UInt8, offset: Int) throws -> FrameHeader {
        guard body.count >= 6 else { throw JPEGStreamError.badSegmentLength(marker: marker, offset: offset, length: body.count + 2) }
        let b = body.lowerBound
        let count = Int(bytes[b + 5])
        guard count >= 1, body.count >= 6 + 3 * count else {
            throw JPEGStreamError.invalidSegment(marker: marker, offset: offset,
                                                 reason: "\(count) components in a \(body.count + 2)-byte segment")
        }
        var components: [Component] = []
        for index in 0..<count {
            let at = b + 6 + 3 * index
            let component = Component(id: Int(bytes[at]), horizontal: Int(bytes[at + 1] >> 4),
                                      vertical: Int(bytes[at + 1] & 15), quantizationTable: Int(bytes[at + 2]))
            guard (1...4).contains(component.horizontal), (1...4).contains(component.vertical) else {
                throw JPEGStreamError.invalidSegment(marker: marker, offset: offset,
                                                     reason: "component \(component.id) has sampling factors \(component.horizontal)x\(component.vertical)")
            }
            guard !components.contains(where: { $0.id == component.id }) else {
                throw JPEGStreamError.invalidSegment(marker: marker, offset: offset, reason: "component \(component.id) is defined twice")
            }
            components.append(component)
        }
        return FrameHeader(marker: marker, precision: Int(bytes[b]), lines: Int(bytes[b + 1]) << 8 | Int(bytes[b + 2]),
                           samplesPerLine: Int(bytes[b + 3]) << 8 | Int(bytes[b + 4]), components: components)
    }

    private static func parseScanHeader(_ bytes: [UInt8], _ body: Range<Int>, frame: FrameHeader, offset: Int) throws
        -> (components: [ScanComponent], ss: Int, se: Int, ah: Int, al: Int) {
        guard body.count >= 1 else { throw JPEGStreamError.badSegmentLength(marker: 0xDA, offset: offset, length: body.count + 2) }
        let b = body.lowerBound
        let count = Int(bytes[b])
        guard (1...4).contains(count), body.count >= 4 + 2 * count else {
            throw JPEGStreamError.invalidSegment(marker: 0xDA, offset: offset, reason: "\(count) components in a \(body.count + 2)-byte segment")
        }
        var components: [ScanComponent] = []
        for index in 0..<count {
            let at = b + 1 + 2 * index
            let id = Int(bytes[at])
            guard let frameIndex = frame.components.firstIndex(where: { $0.id == id }) else {
                throw JPEGStreamError.invalidSegment(marker: 0xDA, offset: offset, reason: "component \(id) is not in the frame")
            }
            guard !components.contains(where: { $0.frameIndex == frameIndex }) else {
                throw JPEGStreamError.invalidSegment(marker: 0xDA, offset: offset, reason: "component \(id) is named twice")
            }
            let dcTable = Int(bytes[at + 1] >> 4), acTable = Int(bytes[at + 1] & 15)
            guard dcTable < 4, acTable < 4 else {
                throw JPEGStreamError.invalidSegment(marker: 0xDA, offset: offset, reason: "table selector \(dcTable)/\(acTable) out of range")
            }
            components.append(ScanComponent(frameIndex: frameIndex, dcTable: dcTable, acTable: acTable))
        }
        let at = b + 1 + 2 * count
        return (components, Int(bytes[at]), Int(bytes[at + 1]), Int(bytes[at + 2] >> 4), Int(bytes[at + 2] & 15))
    }

    private static func parseHuffmanTables(_ bytes: [UInt8], _ body: Range<Int>,
                                           dc: inout [HuffmanTable?], ac: inout [HuffmanTable?]) throws {
        var at = body.lowerBound
        while at < body.upperBound {
            let offset = at
            guard body.upperBound - at >= 17 else {
                throw JPEGStreamError.invalidSegment(marker: 0xC4, offset: offset, reason: "table header cut short")
            }
            let tableClass = Int(bytes[at] >> 4), id = Int(bytes[at] & 15)
            guard tableClass <= 1, id < 4 else {
                throw JPEGStreamError.invalidSegment(marker: 0xC4, offset: offset, reason: "table class \(tableClass), id \(id)")
            }
            let counts = (0..<16).map { Int(bytes[at + 1 + $0]) }
            let total = counts.reduce(0, +)
            at += 17
            guard total <= 256, body.upperBound - at >= total else {
                throw JPEGStreamError.invalidSegment(marker: 0xC4, offset: offset, reason: "\(total) values do not fit the segment")
            }
            let values = Array(bytes[at..<(at + total)])
            at += total
            do {
                let table = try HuffmanTable(counts: counts, values: values)
                if tableClass == 0 { dc[id] = table } else { ac[id] = table }
            } catch {
                throw JPEGStreamError.invalidSegment(marker: 0xC4, offset: offset, reason: "code lengths overflow the code space")
            }
        }
    }

    private static func parseQuantizationTables(_ bytes: [UInt8], _ body: Range<Int>, into tables: inout [[Int32]?]) throws {
        var at = body.lowerBound
        while at < body.upperBound {
            let wide = bytes[at] >> 4, id = Int(bytes[at] & 15)
            let size = wide == 0 ? 64 : 128
            guard wide <= 1, id < 4, body.upperBound - at - 1 >= size else {
                throw JPEGStreamError.invalidSegment(marker: 0xDB, offset: at, reason: "table precision \(wide), id \(id), \(body.upperBound - at - 1) bytes")
            }
            var table = [Int32](repeating: 0, count: 64)
            for k in 0..<64 {
                table[k] = wide == 0 ? Int32(bytes[at + 1 + k]) : Int32(bytes[at + 1 + 2 * k]) << 8 | Int32(bytes[at + 2 + 2 * k])
            }
            tables[id] = table
            at += 1 + size
        }
    }
}
