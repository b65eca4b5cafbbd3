import DICOMCore
import DICOMParser

/// Frames of native (uncompressed) Pixel Data, in the data set's byte order.
enum NativeDecoder {
    /// Decodes frame `index` from the Pixel Data `element` of `dataSet`.
    static func frame(_ index: Int, element: Element, dataSet: DataSet,
                      description d: PixelDescription) throws -> Frame {
        let samplesPerFrame = d.samplesPerFrame
        let layout = SampleLayout(d)
        var stored = [Int64]()
        stored.reserveCapacity(samplesPerFrame)
        if d.bitsAllocated == 1 {
            let firstBit = index * samplesPerFrame
            let firstByte = firstBit / 8
            let byteCount = (firstBit % 8 + samplesPerFrame + 7) / 8
            let bytes = try frameBytes(element, dataSet, start: firstByte, count: byteCount, frame: index)
            let skip = firstBit % 8
            for bit in skip..<(skip + samplesPerFrame) {
                stored.append(Int64((bytes[bit >> 3] >> UInt8(bit & 7)) & 1))
            }
        } else {
            let size = d.bitsAllocated / 8
            let count = samplesPerFrame * size
            var bytes = try frameBytes(element, dataSet, start: index * count, count: count, frame: index)
            // An 8-bit value in an OW element of a big-endian data set is byte-swapped in words.
            if dataSet.byteOrder == .bigEndian, size == 1, element.vr == .OW {
                let wordStart = index * count
                bytes = try frameBytes(element, dataSet, start: wordStart & ~1, count: count + 2, frame: index,
                                       allowShort: true)
                var swapped = bytes
                var i = 0
                while i + 1 < swapped.count { swapped.swapAt(i, i + 1); i += 2 }
                let skip = wordStart & 1
                bytes = Array(swapped[skip..<(skip + count)])
            }
            let bigEndian = dataSet.byteOrder == .bigEndian
            for sample in 0..<samplesPerFrame {
                var raw: UInt64 = 0
                let base = sample * size
                for byte in 0..<size {
                    let value = UInt64(bytes[base + byte])
                    raw |= bigEndian ? value << UInt64(8 * (size - 1 - byte)) : value << UInt64(8 * byte)
                }
                stored.append(layout.value(raw))
            }
        }
        return arrange(stored, description: d)
    }

    /// Interleaves planar data and upsamples 4:2:2 so every frame is pixel by pixel.
    static func arrange(_ stored: [Int64], description d: PixelDescription) -> Frame {
        var samples = stored
        var photometric = d.photometricInterpretation
        if d.samplesPerPixel == 3, photometric == "YBR_FULL_422" {
            samples = SampleLayout.expand422(stored, rows: d.rows, columns: d.columns)
            photometric = "YBR_FULL"
        } else if d.samplesPerPixel > 1, d.planarConfiguration == 1 {
            samples = SampleLayout.interleave(planar: stored, pixels: d.rows * d.columns, samplesPerPixel: d.samplesPerPixel)
        }
        return Frame(rows: d.rows, columns: d.columns, samplesPerPixel: d.samplesPerPixel,
                     photometricInterpretation: photometric, bitsStored: d.bitsStored,
                     isSigned: d.isSigned, samples: samples)
    }

    /// `count` bytes of the element's value from `start`; throws when the value is shorter.
    private static func frameBytes(_ element: Element, _ dataSet: DataSet, start: Int, count: Int, frame: Int,
                                   allowShort: Bool = false) throws -> [UInt8] {
        let available = element.valueLength
        if start + count > available {
            if !(allowShort && start + count - 2 <= available) {
                throw PixelError.truncated(expected: start + count, actual: available,
                                           context: "native frame \(frame + 1)")
            }
        }
        var bytes = dataSet.bytes(in: (element.valueOffset + start)..<(element.valueOffset + min(start + count, available)))
        guard bytes.count >= min(count, available - start) else {
            throw PixelError.truncated(expected: start + count, actual: bytes.count + start,
                                       context: "native frame \(frame + 1) (file cut short)")
        }
        while bytes.count < count { bytes.append(0) }
        return bytes
    }
}
