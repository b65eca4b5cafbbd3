/// RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits
/// segment per byte plane, most significant byte first, sample by sample.
enum RLEDecoder {
    /// Decodes one frame's RLE data into stored sample values (interleaved).
    static func decode(_ data: [UInt8], description d: PixelDescription) throws -> [Int64] {
        func fail(_ reason: String) -> PixelError { .corruptCodestream(codec: "RLE Lossless", reason: reason) }
        guard data.count >= 64 else { throw fail("header needs 64 bytes, frame holds \(data.count)") }
        func uint32(_ at: Int) -> Int {
            Int(data[at]) | Int(data[at + 1]) << 8 | Int(data[at + 2]) << 16 | Int(data[at + 3]) << 24
        }
        let bytesPerSample = max(1, d.bitsAllocated / 8)
        let expected = d.samplesPerPixel * bytesPerSample
        let segmentCount = uint32(0)
        guard segmentCount == expected else {
            throw fail("header names \(segmentCount) segments, \(expected) expected for \(d.samplesPerPixel) samples of \(d.bitsAllocated) bits")
        }
        let offsets = (0..<segmentCount).map { uint32(4 + 4 * $0) }
        let pixels = d.rows * d.columns
        var planes: [[UInt8]] = []
        for segment in 0..<segmentCount {
            let start = offsets[segment]
            let end = segment + 1 < segmentCount ? offsets[segment + 1] : data.count
            guard start >= 64, start <= end, end <= data.count else {
                throw fail("segment \(segment + 1) offsets \(start)..<\(end) lie outside the \(data.count) bytes")
            }
            planes.append(try packBits(data, start..<end, count: pixels, segment: segment))
        }
        let layout = SampleLayout(d)
        var result = [Int64](repeating: 0, count: pixels * d.samplesPerPixel)
        for sample in 0..<d.samplesPerPixel {
            for pixel in 0..<pixels {
                var raw: UInt64 = 0
                for byte in 0..<bytesPerSample {
                    raw = raw << 8 | UInt64(planes[sample * bytesPerSample + byte][pixel])
                }
                result[pixel * d.samplesPerPixel + sample] = layout.value(raw)
            }
        }
        return result
    }

    /// One PackBits segment, expected to produce `count` bytes.
    private static func packBits(_ data: [UInt8], _ range: Range<Int>, count: Int, segment: Int) throws -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(count)
        var i = range.lowerBound
        while i < range.upperBound, output.count < count {
            let header = Int(Int8(bitPattern: data[i]))
            i += 1
            if header >= 0 {
                let n = header + 1
                guard i + n <= range.upperBound else { break }
                output.append(contentsOf: data[i..<(i + n)])
                i += n
            } else if header != -128 {
                guard i < range.upperBound else { break }
                output.append(contentsOf: repeatElement(data[i], count: 1 - header))
                i += 1
            }
        }
        guard output.count >= count else {
            throw PixelError.corruptCodestream(codec: "RLE Lossless",
                                               reason: "segment \(segment + 1) decodes to \(output.count) bytes, \(count) expected")
        }
        return Array(output.prefix(count))
    }
}
