/// Our own decoder for lossless JPEG (ITU T.81 Annex H, process 14; DICOM's JPEG Lossless
/// 1.2.840.10008.1.2.4.57 and its selection value 1 form .70): Huffman-coded differences from
/// one of seven predictors, 2 to 16 bits, a point transform, 1 to 4 components in interleaved
/// or non-interleaved scans, restart intervals, and the number of lines from a DNL segment.
/// Safe Swift: every read is bounds checked, every malformed stream a `JPEGStreamError`.
enum JPEGLosslessDecoder {
    /// Decodes `bytes` into one sample plane per component (each lines x samplesPerLine),
    /// after the point transform is undone (values shifted left by Pt).
    /// `maxSamples` bounds the image before anything is allocated.
    static func decode(_ bytes: [UInt8], maxSamples: Int = 1 << 28) throws -> JPEGImage {
        let stream = try JPEGStream(bytes)
        let frame = stream.frame
        guard frame.marker == 0xC3 else {
            throw JPEGStreamError.unsupportedProcess("SOF marker \(JPEGImage.processName(frame.marker)) is not lossless Huffman (SOF3)")
        }
        guard (2...16).contains(frame.precision) else {
            throw JPEGStreamError.invalidHeader("lossless precision \(frame.precision), 2 to 16 allowed")
        }
        // One component: every scan is non-interleaved, one sample per MCU whatever its factors.
        guard frame.components.count == 1 || frame.components.allSatisfy({ $0.horizontal == 1 && $0.vertical == 1 }) else {
            throw JPEGStreamError.unsupportedProcess("lossless JPEG with subsampled components")
        }
        let width = frame.samplesPerLine, height = stream.lines
        guard width > 0 else { throw JPEGStreamError.invalidHeader("the frame has 0 samples per line") }
        let total = width * height * frame.components.count
        guard total <= maxSamples else {
            throw JPEGStreamError.tooLarge("\(width)x\(height) with \(frame.components.count) components exceeds \(maxSamples) samples")
        }
        // Every sample costs at least one bit: data this short cannot hold the image.
        let entropyBytes = stream.scans.reduce(0) { $0 + $1.entropy.count }
        guard total <= 8 * entropyBytes + 8 * EntropyReader.maxPaddingBytes * stream.scans.count * 4 else {
            throw JPEGStreamError.entropyDataEnded(offset: stream.scans.last?.entropy.upperBound ?? bytes.count)
        }
        var planes = [[Int32]](repeating: [], count: frame.components.count)
        for scan in stream.scans {
            try decodeScan(scan, stream: stream, width: width, height: height, planes: &planes)
        }
        for (index, plane) in planes.enumerated() where plane.isEmpty {
            throw JPEGStreamError.componentNotInAnyScan(id: frame.components[index].id)
        }
        return JPEGImage(width: width, height: height, precision: frame.precision, planes: planes)
    }

    private static func decodeScan(_ scan: JPEGStream.Scan, stream: JPEGStream, width: Int, height: Int,
                                   planes: inout [[Int32]]) throws {
        let precision = stream.frame.precision
        let predictor = scan.spectralStart, pointTransform = scan.approximationLow
        guard (0...7).contains(predictor) else { throw JPEGStreamError.invalidHeader("lossless predictor \(predictor), 0 to 7 allowed") }
        guard pointTransform < precision else {
            throw JPEGStreamError.invalidHeader("point transform \(pointTransform) with precision \(precision)")
        }
        var tables: [HuffmanTable] = []
        for component in scan.components {
            guard let table = scan.dcTables[component.dcTable] else { throw JPEGStreamError.missingTable(kind: "Huffman", id: component.dcTable) }
            tables.append(table)
        }
        let count = scan.components.count
        // Scan-local planes (filled, then stored); `current` holds the decoded, untransformed values.
        var current = [[Int32]](repeating: [Int32](repeating: 0, count: width * height), count: count)
        let bits = precision - pointTransform
        let mask = Int32((1 << bits) - 1)
        let initial = Int32(1 << (bits - 1))
        var reader = EntropyReader(bytes: stream.bytes, range: scan.entropy)
        let interval = scan.restartInterval
        var untilRestart = interval
        var restartRow = 0
        var restartPending = true
        var x = 0, y = 0
        for pixel in 0..<(width * height) {
            if interval > 0 {
                if untilRestart == 0 {
                    try reader.restart()
                    untilRestart = interval
                    restartRow = y
                    restartPending = true
                }
                untilRestart -= 1
            }
            for c in 0..<count {
                let category = try reader.decode(tables[c])
                var difference: Int32
                if category == 16 {
                    difference = 32768
                } else if category <= 16 {
                    difference = Int32(try reader.receiveExtend(category))
                } else {
                    throw JPEGStreamError.invalidHuffmanCode(offset: reader.offset)
                }
                let prediction: Int32
                if restartPending {
                    prediction = initial
                } else if y == restartRow {
                    prediction = current[c][pixel - 1]
                } else if x == 0 {
                    prediction = current[c][pixel - width]
                } else {
                    let a = current[c][pixel - 1], b = current[c][pixel - width], d = current[c][pixel - width - 1]
                    switch predictor {
                    case 1: prediction = a
                    case 2: prediction = b
                    case 3: prediction = d
                    case 4: prediction = a + b - d
                    case 5: prediction = a + ((b - d) >> 1)
                    case 6: prediction = b + ((a - d) >> 1)
                    case 7: prediction = (a + b) >> 1
                    default: prediction = 0  // predictor 0: differences only (hierarchical use)
                    }
                }
                current[c][pixel] = (prediction &+ difference) & mask
            }
            restartPending = false
            x += 1
            if x == width { x = 0; y += 1 }
        }
        for (c, component) in scan.components.enumerated() {
            planes[component.frameIndex] = pointTransform == 0 ? current[c] : current[c].map { $0 << Int32(pointTransform) }
        }
    }
}
