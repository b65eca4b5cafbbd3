import Foundation

/// Our own decoder for sequential Huffman DCT JPEG (ITU T.81 Annex F: SOF0 baseline and SOF1
/// extended), used for 12-bit precision, which Debian's libjpeg-turbo 2.1.5 refuses (DICOM
/// 1.2.840.10008.1.2.4.51). Interleaved and non-interleaved scans, sampling factors 1 to 4
/// (subsampled components are repeated up to full size), restart intervals; a separable
/// floating-point inverse DCT. No colour conversion: the components come back as coded.
enum JPEGSequentialDecoder {
    /// Decodes `bytes` into one full-size plane per component. `maxSamples` bounds the image
    /// before anything is allocated.
    static func decode(_ bytes: [UInt8], maxSamples: Int = 1 << 28) throws -> JPEGImage {
        let stream = try JPEGStream(bytes)
        let frame = stream.frame
        guard frame.marker == 0xC0 || frame.marker == 0xC1 else {
            throw JPEGStreamError.unsupportedProcess("SOF marker \(JPEGImage.processName(frame.marker)) is not sequential Huffman DCT")
        }
        guard frame.precision == 8 || frame.precision == 12 else {
            throw JPEGStreamError.invalidHeader("sequential DCT precision \(frame.precision), 8 or 12 allowed")
        }
        let width = frame.samplesPerLine, height = stream.lines
        guard width > 0 else { throw JPEGStreamError.invalidHeader("the frame has 0 samples per line") }
        guard width * height * frame.components.count <= maxSamples else {
            throw JPEGStreamError.tooLarge("\(width)x\(height) with \(frame.components.count) components exceeds \(maxSamples) samples")
        }
        let layout = BlockLayout(frame: frame, width: width, height: height)
        // Every block costs at least two bits (an end-of-block code and a DC code).
        let entropyBytes = stream.scans.reduce(0) { $0 + $1.entropy.count }
        guard layout.totalBlocks <= 4 * entropyBytes + 4 * EntropyReader.maxPaddingBytes * stream.scans.count * 4 else {
            throw JPEGStreamError.entropyDataEnded(offset: stream.scans.last?.entropy.upperBound ?? bytes.count)
        }
        var planes = frame.components.indices.map { [Int32](repeating: 0, count: layout.planeWidth[$0] * layout.planeHeight[$0]) }
        var decoded = [Bool](repeating: false, count: frame.components.count)
        let idct = InverseDCT(precision: frame.precision)
        // Ss, Se, Ah and Al are not checked: some encoders write Se 0 in sequential scans, and
        // libjpeg and DCMTK (IJG) only warn about it.
        for scan in stream.scans {
            try decodeScan(scan, frame: frame, layout: layout, idct: idct, planes: &planes, reader: EntropyReader(bytes: bytes, range: scan.entropy))
            for component in scan.components { decoded[component.frameIndex] = true }
        }
        if let missing = decoded.firstIndex(of: false) { throw JPEGStreamError.componentNotInAnyScan(id: frame.components[missing].id) }
        let full = frame.components.indices.map { layout.upsample(planes[$0], component: $0) }
        return JPEGImage(width: width, height: height, precision: frame.precision, planes: full)
    }

    private static func decodeScan(_ scan: JPEGStream.Scan, frame: JPEGStream.FrameHeader, layout: BlockLayout,
                                   idct: InverseDCT, planes: inout [[Int32]], reader: EntropyReader) throws {
        var reader = reader
        var dcTables: [HuffmanTable] = [], acTables: [HuffmanTable] = [], quantization: [[Int32]] = []
        for component in scan.components {
            guard let dc = scan.dcTables[component.dcTable] else { throw JPEGStreamError.missingTable(kind: "DC Huffman", id: component.dcTable) }
            guard let ac = scan.acTables[component.acTable] else { throw JPEGStreamError.missingTable(kind: "AC Huffman", id: component.acTable) }
            let id = frame.components[component.frameIndex].quantizationTable
            guard id < 4, let table = scan.quantizationTables[id] else { throw JPEGStreamError.missingTable(kind: "quantization", id: id) }
            dcTables.append(dc); acTables.append(ac); quantization.append(table)
        }
        // The MCUs of the scan, each a list of (scan component, block column, block row).
        let single = scan.components.count == 1
        let mcuColumns: Int, mcuRows: Int
        if single {
            let index = scan.components[0].frameIndex
            mcuColumns = layout.componentBlocksWide[index]
            mcuRows = layout.componentBlocksHigh[index]
        } else {
            mcuColumns = layout.mcuColumns
            mcuRows = layout.mcuRows
        }
        var predictors = [Int](repeating: 0, count: scan.components.count)
        var coefficients = [Int32](repeating: 0, count: 64)
        var scratch = [Double](repeating: 0, count: 64)
        let interval = scan.restartInterval
        var untilRestart = interval
        for mcuRow in 0..<mcuRows {
            for mcuColumn in 0..<mcuColumns {
                if interval > 0 {
                    if untilRestart == 0 {
                        try reader.restart()
                        untilRestart = interval
                        for i in predictors.indices { predictors[i] = 0 }
                    }
                    untilRestart -= 1
                }
                for (c, component) in scan.components.enumerated() {
                    let index = component.frameIndex
                    let across = single ? 1 : frame.components[index].horizontal
                    let down = single ? 1 : frame.components[index].vertical
                    for v in 0..<down {
                        for h in 0..<across {
                            try decodeBlock(&reader, dc: dcTables[c], ac: acTables[c], quantization: quantization[c],
                                            predictor: &predictors[c], into: &coefficients)
                            let blockColumn = mcuColumn * across + h, blockRow = mcuRow * down + v
                            idct.transform(coefficients, into: &planes[index], stride: layout.planeWidth[index],
                                           x: blockColumn * 8, y: blockRow * 8, rows: &scratch)
                        }
                    }
                }
            }
        }
    }

    /// One 8x8 block's coefficients (natural order, dequantized), T.81 F.2.2.
    @inline(__always)
    private static func decodeBlock(_ reader: inout EntropyReader, dc: HuffmanTable, ac: HuffmanTable, quantization: [Int32],
                                    predictor: inout Int, into coefficients: inout [Int32]) throws {
        for i in 0..<64 { coefficients[i] = 0 }
        let category = try reader.decode(dc)
        guard category <= 16 else { throw JPEGStreamError.invalidHuffmanCode(offset: reader.offset) }
        predictor += try reader.receiveExtend(category)
        coefficients[0] = Int32(truncatingIfNeeded: predictor) &* quantization[0]
        var k = 1
        while k < 64 {
            let symbol = try reader.decode(ac)
            let run = symbol >> 4, size = symbol & 15
            if size == 0 {
                if run != 15 { break }
                k += 16
                continue
            }
            k += run
            guard k < 64 else { throw JPEGStreamError.invalidHuffmanCode(offset: reader.offset) }
            coefficients[Int(zigzag[k])] = Int32(try reader.receiveExtend(size)) &* quantization[k]
            k += 1
        }
    }

    /// Natural-order index of each zigzag position.
    static let zigzag: [UInt8] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63,
    ]
}

/// Where the blocks of each component lie (T.81 A.1.1, A.2).
struct BlockLayout {
    let width: Int
    let height: Int
    let maxHorizontal: Int
    let maxVertical: Int
    let mcuColumns: Int
    let mcuRows: Int
    /// Blocks of each component in a non-interleaved scan: ceil(component size / 8).
    let componentBlocksWide: [Int]
    let componentBlocksHigh: [Int]
    /// Plane size of each component: whole MCUs, so both scan kinds fit.
    let planeWidth: [Int]
    let planeHeight: [Int]
    let factors: [(h: Int, v: Int)]

    init(frame: JPEGStream.FrameHeader, width: Int, height: Int) {
        self.width = width
        self.height = height
        maxHorizontal = frame.components.map(\.horizontal).max() ?? 1
        maxVertical = frame.components.map(\.vertical).max() ?? 1
        mcuColumns = (width + 8 * maxHorizontal - 1) / (8 * maxHorizontal)
        mcuRows = (height + 8 * maxVertical - 1) / (8 * maxVertical)
        factors = frame.components.map { ($0.horizontal, $0.vertical) }
        let (mh, mv, w, h) = (maxHorizontal, maxVertical, width, height)
        componentBlocksWide = frame.components.map { (($0.horizontal * w + mh - 1) / mh + 7) / 8 }
        componentBlocksHigh = frame.components.map { (($0.vertical * h + mv - 1) / mv + 7) / 8 }
        let (columns, rows) = (mcuColumns, mcuRows)
        planeWidth = frame.components.map { columns * $0.horizontal * 8 }
        planeHeight = frame.components.map { rows * $0.vertical * 8 }
    }

    var totalBlocks: Int {
        factors.reduce(0) { $0 + mcuColumns * $1.h * mcuRows * $1.v }
    }

    /// The component's plane cut to the image and repeated up to full size when subsampled.
    func upsample(_ plane: [Int32], component: Int) -> [Int32] {
        let stride = planeWidth[component]
        let (h, v) = factors[component]
        var result = [Int32](repeating: 0, count: width * height)
        for y in 0..<height {
            let sourceRow = (y * v / maxVertical) * stride
            for x in 0..<width {
                result[y * width + x] = plane[sourceRow + x * h / maxHorizontal]
            }
        }
        return result
    }
}

/// The 8x8 inverse DCT (T.81 A.3.3), separable, in double precision; output level-shifted by
/// 2^(P-1), rounded and clamped to 0...2^P-1.
struct InverseDCT {
    private let cosines: [Double]
    private let shift: Double
    private let maximum: Double

    init(precision: Int) {
        var table = [Double](repeating: 0, count: 64)
        for x in 0..<8 {
            for u in 0..<8 {
                let scale = u == 0 ? 1.0 / 2.0.squareRoot() : 1.0
                table[x * 8 + u] = scale * cos(Double((2 * x + 1) * u) * Double.pi / 16) / 2
            }
        }
        cosines = table
        shift = Double(1 << (precision - 1))
        maximum = Double((1 << precision) - 1)
    }

    /// Transforms one block into `plane` at (x, y); `rows` is scratch space of 64 values.
    func transform(_ coefficients: [Int32], into plane: inout [Int32], stride: Int, x: Int, y: Int, rows: inout [Double]) {
        // Rows first: for each vertical frequency v, along x (a row of zeros stays zero).
        for v in 0..<8 {
            var zero = true
            for u in 0..<8 where coefficients[v * 8 + u] != 0 { zero = false; break }
            if zero {
                for px in 0..<8 { rows[v * 8 + px] = 0 }
                continue
            }
            for px in 0..<8 {
                var sum = 0.0
                for u in 0..<8 { sum += cosines[px * 8 + u] * Double(coefficients[v * 8 + u]) }
                rows[v * 8 + px] = sum
            }
        }
        for py in 0..<8 {
            for px in 0..<8 {
                var sum = 0.0
                for v in 0..<8 { sum += cosines[py * 8 + v] * rows[v * 8 + px] }
                let value = min(maximum, max(0, (sum + shift).rounded()))
                plane[(y + py) * stride + x + px] = Int32(value)
            }
        }
    }
}
