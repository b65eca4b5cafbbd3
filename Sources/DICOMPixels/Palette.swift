import DICOMCore
import DICOMParser

/// The Palette Color Lookup Table (PS3.3 C.7.6.3.1.5 and C.7.9.2): normal or segmented.
struct Palette {
    /// Red, green and blue tables of 8-bit values.
    let red: [UInt8], green: [UInt8], blue: [UInt8]
    /// The stored value mapped to the first entry.
    let firstMapped: Int

    init(dataSet: DataSet) throws {
        let channels: [(Tag, Tag, Tag, String)] = [
            (.redPaletteDescriptor, .redPaletteData, .segmentedRedPaletteData, "Red"),
            (.greenPaletteDescriptor, .greenPaletteData, .segmentedGreenPaletteData, "Green"),
            (.bluePaletteDescriptor, .bluePaletteData, .segmentedBluePaletteData, "Blue"),
        ]
        var tables: [[UInt8]] = []
        var first = 0
        for (descriptorTag, dataTag, segmentedTag, name) in channels {
            guard let descriptorElement = dataSet.element(descriptorTag) else {
                throw PixelError.invalidAttribute("\(descriptorTag) \(name) Palette Color Lookup Table Descriptor is missing")
            }
            let descriptor = dataSet.ints(of: descriptorElement)
            guard descriptor.count == 3 else {
                throw PixelError.invalidAttribute("\(descriptorTag) \(name) palette descriptor has \(descriptor.count) values, 3 expected")
            }
            let entries = descriptor[0] == 0 ? 65536 : descriptor[0] & 0xFFFF
            first = descriptor[1] & 0xFFFF
            let bits = descriptor[2]
            var words: [Int]
            if let element = dataSet.element(dataTag) {
                if bits == 8, element.valueLength == entries {
                    words = dataSet.valueBytes(of: element).map(Int.init)
                } else {
                    words = Self.words(dataSet, element)
                }
            } else if let element = dataSet.element(segmentedTag) {
                words = try Self.expandSegments(Self.words(dataSet, element))
            } else {
                throw PixelError.invalidAttribute("\(dataTag) \(name) Palette Color Lookup Table Data is missing")
            }
            guard !words.isEmpty else { throw PixelError.invalidAttribute("\(dataTag) \(name) palette is empty") }
            let shift = bits > 8 ? bits - 8 : 0
            tables.append(words.prefix(entries).map { UInt8(clamping: ($0 & 0xFFFF) >> shift) })
        }
        red = tables[0]; green = tables[1]; blue = tables[2]
        firstMapped = first
    }

    /// 16-bit words of an OW (or US) element, in the data set's byte order.
    private static func words(_ dataSet: DataSet, _ element: Element) -> [Int] {
        let bytes = dataSet.valueBytes(of: element)
        var result: [Int] = []
        result.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            result.append(dataSet.byteOrder == .littleEndian ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : Int(bytes[i]) << 8 | Int(bytes[i + 1]))
            i += 2
        }
        return result
    }

    /// Expands segmented palette data (PS3.3 C.7.9.2): discrete (0) and linear (1) segments;
    /// indirect (2) segments are an error.
    static func expandSegments(_ words: [Int]) throws -> [Int] {
        func fail(_ reason: String) -> PixelError { .invalidAttribute("segmented palette: \(reason)") }
        var output: [Int] = []
        var i = 0
        while i + 1 < words.count {
            let opcode = words[i], length = words[i + 1]
            i += 2
            switch opcode {
            case 0:
                guard i + length <= words.count else { throw fail("discrete segment runs past the data") }
                output += words[i..<(i + length)]
                i += length
            case 1:
                guard i < words.count, let start = output.last else { throw fail("linear segment without a previous value") }
                let end = words[i]
                i += 1
                for k in 1...max(1, length) {
                    output.append(start + Int((Double(end - start) * Double(k) / Double(max(1, length))).rounded()))
                }
            case 2:
                // Indirect segments (copies of earlier segments) are rare; not decoded.
                throw fail("indirect segments are not supported")
            default:
                throw fail("unknown opcode \(opcode)")
            }
            guard output.count <= 65536 else { throw fail("more than 65536 entries") }
        }
        return output
    }

    func apply(_ frame: Frame) -> DisplayImage {
        var pixels = [UInt8](repeating: 0, count: frame.samples.count * 3)
        let last = red.count - 1
        for (i, value) in frame.samples.enumerated() {
            let index = Swift.max(0, Swift.min(Swift.min(last, green.count - 1, blue.count - 1), Int(value) - firstMapped))
            pixels[3 * i] = red[index]; pixels[3 * i + 1] = green[index]; pixels[3 * i + 2] = blue[index]
        }
        return DisplayImage(width: frame.columns, height: frame.rows, channels: 3, pixels: pixels)
    }
}
