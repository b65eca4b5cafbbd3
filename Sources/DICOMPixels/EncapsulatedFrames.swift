import DICOMCore
import DICOMParser

/// Finds the bytes of one frame in encapsulated Pixel Data (PS3.5 A.4): through the Extended
/// Offset Table, the Basic Offset Table, one fragment per frame, or, for JPEG-family
/// codestreams, by the start-of-image marker that opens each frame's first fragment.
enum EncapsulatedFrames {
    /// The concatenated fragments of frame `index`.
    static func frameBytes(_ index: Int, element: Element, dataSet: DataSet, frameCount: Int,
                           startsFrame: (([UInt8]) -> Bool)?) throws -> [UInt8] {
        let all = dataSet.fragments(of: element)
        guard let offsetTable = all.first else { throw PixelError.badFragments("no items") }
        let fragments = Array(all.dropFirst())
        guard !fragments.isEmpty else { throw PixelError.badFragments("no fragments after the offset table") }
        guard index >= 0, index < frameCount else { throw PixelError.frameOutOfRange(index: index, count: frameCount) }
        // Offsets count from the first byte of the first fragment's item tag.
        let origin = fragments[0].itemOffset
        let end = fragments[fragments.count - 1].offset + fragments[fragments.count - 1].length

        if let extended = dataSet.element(.extendedOffsetTable) {
            let offsets = uint64s(dataSet.valueBytes(of: extended), dataSet.byteOrder)
            let lengths = dataSet.element(.extendedOffsetTableLengths).map { uint64s(dataSet.valueBytes(of: $0), dataSet.byteOrder) } ?? []
            guard offsets.count >= frameCount, lengths.count >= frameCount else {
                throw PixelError.badFragments("Extended Offset Table has \(offsets.count) offsets and \(lengths.count) lengths for \(frameCount) frames")
            }
            let start = origin + Int(clamping: offsets[index])
            guard let fragment = fragments.first(where: { $0.itemOffset == start }) else {
                throw PixelError.badFragments("Extended Offset Table offset \(offsets[index]) of frame \(index + 1) is not a fragment")
            }
            let length = Int(clamping: lengths[index])
            guard length <= end - fragment.offset else {
                throw PixelError.badFragments("Extended Offset Table length \(length) of frame \(index + 1) runs past the data")
            }
            return dataSet.bytes(in: fragment.offset..<(fragment.offset + length))
        }

        var chosen: [Fragment]
        if offsetTable.length >= 4 * frameCount, offsetTable.length > 0 {
            let offsets = uint32s(dataSet.bytes(in: offsetTable.offset..<(offsetTable.offset + offsetTable.length)))
            guard offsets.count >= frameCount else { throw PixelError.badFragments("Basic Offset Table is cut short") }
            let start = origin + Int(offsets[index])
            let stop = index + 1 < frameCount ? origin + Int(offsets[index + 1]) : Int.max
            guard stop > start else { throw PixelError.badFragments("Basic Offset Table offsets do not ascend at frame \(index + 1)") }
            chosen = fragments.filter { $0.itemOffset >= start && $0.itemOffset < stop }
            guard chosen.first?.itemOffset == start else {
                throw PixelError.badFragments("Basic Offset Table offset \(offsets[index]) of frame \(index + 1) is not a fragment")
            }
        } else if frameCount == 1 {
            chosen = fragments
        } else if fragments.count == frameCount {
            chosen = [fragments[index]]
        } else if let startsFrame {
            let starts = fragments.indices.filter { startsFrame(dataSet.bytes(in: fragments[$0].offset..<(fragments[$0].offset + min(4, fragments[$0].length)))) }
            guard starts.count == frameCount, starts.first == 0 else {
                throw PixelError.badFragments("\(fragments.count) fragments, \(starts.count) frame starts found for \(frameCount) frames, and no offset table")
            }
            let stop = index + 1 < starts.count ? starts[index + 1] : fragments.count
            chosen = Array(fragments[starts[index]..<stop])
        } else {
            throw PixelError.badFragments("\(fragments.count) fragments for \(frameCount) frames and no offset table")
        }
        var bytes: [UInt8] = []
        for fragment in chosen {
            let piece = dataSet.bytes(in: fragment.offset..<(fragment.offset + fragment.length))
            guard piece.count == fragment.length else {
                throw PixelError.truncated(expected: fragment.length, actual: piece.count, context: "fragment at offset \(fragment.offset)")
            }
            bytes += piece
        }
        return bytes
    }

    private static func uint32s(_ bytes: [UInt8]) -> [UInt32] {
        var result: [UInt32] = []
        var i = 0
        while i + 4 <= bytes.count {
            var value: UInt32 = 0
            for k in 0..<4 { value |= UInt32(bytes[i + k]) << UInt32(8 * k) }
            result.append(value)
            i += 4
        }
        return result
    }

    private static func uint64s(_ bytes: [UInt8], _ order: ByteOrder) -> [UInt64] {
        var result: [UInt64] = []
        var i = 0
        while i + 8 <= bytes.count {
            var value: UInt64 = 0
            for k in 0..<8 {
                let shift = order == .littleEndian ? 8 * k : 8 * (7 - k)
                value |= UInt64(bytes[i + k]) << UInt64(shift)
            }
            result.append(value)
            i += 8
        }
        return result
    }
}
