/// Turns raw stored values into frame samples: High Bit alignment, Bits Stored mask, sign
/// extension; and reorders planar or 4:2:2 layouts into interleaved full-resolution samples.
struct SampleLayout {
    let bitsStored: Int
    let highBit: Int
    let isSigned: Bool

    init(bitsStored: Int, highBit: Int, isSigned: Bool) {
        self.bitsStored = bitsStored
        self.highBit = highBit
        self.isSigned = isSigned
    }

    init(_ description: PixelDescription) {
        bitsStored = description.bitsStored
        highBit = description.highBit
        isSigned = description.isSigned
    }

    /// The sample a stored value holds.
    @inline(__always)
    func value(_ raw: UInt64) -> Int64 {
        let shift = max(0, highBit + 1 - bitsStored)
        let mask: UInt64 = bitsStored >= 64 ? .max : (1 << UInt64(bitsStored)) - 1
        let bits = (raw >> UInt64(shift)) & mask
        if isSigned, bitsStored < 64, bits & (1 << UInt64(bitsStored - 1)) != 0 {
            return Int64(bitPattern: bits) - (1 << Int64(bitsStored))
        }
        return Int64(bitPattern: bits)
    }

    /// Interleaves planar samples (RR..GG..BB..) of `pixels` pixels.
    static func interleave(planar: [Int64], pixels: Int, samplesPerPixel: Int) -> [Int64] {
        var result = [Int64](repeating: 0, count: planar.count)
        for pixel in 0..<pixels {
            for sample in 0..<samplesPerPixel {
                result[pixel * samplesPerPixel + sample] = planar[sample * pixels + pixel]
            }
        }
        return result
    }

    /// Expands YBR_FULL_422 native samples (Y1 Y2 Cb Cr per pair of pixels in a row) to
    /// YBR_FULL, repeating the chroma of each pair.
    static func expand422(_ stored: [Int64], rows: Int, columns: Int) -> [Int64] {
        var result = [Int64](repeating: 0, count: rows * columns * 3)
        let pairsPerRow = (columns + 1) / 2
        var input = 0
        for row in 0..<rows {
            for pair in 0..<pairsPerRow {
                guard input + 3 < stored.count else { return result }
                let y1 = stored[input], y2 = stored[input + 1], cb = stored[input + 2], cr = stored[input + 3]
                input += 4
                let first = (row * columns + pair * 2) * 3
                result[first] = y1; result[first + 1] = cb; result[first + 2] = cr
                if pair * 2 + 1 < columns {
                    result[first + 3] = y2; result[first + 4] = cb; result[first + 5] = cr
                }
            }
        }
        return result
    }
}
