import DICOMParser

/// An 8-bit image ready to show or encode: 1 (gray) or 3 (RGB) channels, interleaved.
public struct DisplayImage: Equatable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// 1 or 3.
    public let channels: Int
    /// width * height * channels bytes, row by row.
    public let pixels: [UInt8]

    /// Creates an image; `pixels.count` must be width * height * channels.
    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * channels, "image size")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }
}

/// Turns a decoded frame into a display image.
///
/// Grayscale: `GrayscalePipeline` (Modality LUT Sequence or Rescale Slope/Intercept, then VOI
/// LUT Sequence, or Window Center/Width with LINEAR, LINEAR_EXACT or SIGMOID, or, when the file
/// has neither, a robust window from the 1st to the 99th percentile; MONOCHROME1 inverted).
/// Colour: YBR_FULL converted to RGB, PALETTE COLOR looked up, samples wider than 8 bits
/// scaled down.
public enum DisplayRenderer {
    /// Renders `frame` using the attributes of `description` and, for PALETTE COLOR, the
    /// palette in `dataSet`.
    public static func render(_ frame: Frame, description: PixelDescription, dataSet: DataSet) throws -> DisplayImage {
        let photometric = frame.photometricInterpretation
        if frame.samplesPerPixel == 1, photometric == "PALETTE COLOR" {
            let palette = try Palette(dataSet: dataSet)
            return palette.apply(frame)
        }
        if frame.samplesPerPixel == 3 { return color(frame) }
        return try GrayscalePipeline(description: description, dataSet: dataSet).render(frame)
    }

    /// The window (center, width) used for `values` when the file gives none.
    static func percentileWindow(_ values: [Double]) -> (center: Double, width: Double) {
        guard !values.isEmpty else { return (0, 1) }
        // A sample of at most 65,536 values is enough for percentiles and keeps large frames fast.
        let step = max(1, values.count / 65536)
        var sample = stride(from: 0, to: values.count, by: step).map { values[$0] }
        sample.sort()
        let low = sample[Int(Double(sample.count - 1) * 0.01)]
        let high = sample[Int(Double(sample.count - 1) * 0.99)]
        if high <= low { return (low + 0.5, max(1, (sample.last ?? low) - (sample.first ?? low) + 1)) }
        return ((low + high) / 2, high - low)
    }

    /// The VOI function of PS3.3 C.11.2.1.2 mapping `x` to 0...255.
    static func window(_ x: Double, center c: Double, width w: Double, function: VOIFunction) -> Double {
        switch function {
        case .linear:
            let width = max(w, 1)
            if x <= c - 0.5 - (width - 1) / 2 { return 0 }
            if x > c - 0.5 + (width - 1) / 2 { return 255 }
            return ((x - (c - 0.5)) / (width - 1) + 0.5) * 255
        case .linearExact:
            let width = max(w, .leastNonzeroMagnitude)
            if x <= c - width / 2 { return 0 }
            if x > c + width / 2 { return 255 }
            return ((x - c) / width + 0.5) * 255
        case .sigmoid:
            return 255 / (1 + _exp(-4 * (x - c) / max(w, .leastNonzeroMagnitude)))
        }
    }

    /// The grayscale rendering with the description's rescale and window only (no LUT sequences).
    static func grayscale(_ frame: Frame, description d: PixelDescription) -> DisplayImage {
        GrayscalePipeline(description: d).render(frame)
    }

    static func color(_ frame: Frame) -> DisplayImage {
        let bits = max(1, min(frame.bitsStored, 32))
        let maximum = Double((Int64(1) << Int64(bits)) - 1)
        let scale = bits > 8 ? 255 / maximum : 1
        let isYBR = frame.photometricInterpretation.hasPrefix("YBR")
        var pixels = [UInt8](repeating: 0, count: frame.samples.count)
        var i = 0
        while i + 2 < frame.samples.count {
            var r = Double(frame.samples[i]) * scale, g = Double(frame.samples[i + 1]) * scale, b = Double(frame.samples[i + 2]) * scale
            if isYBR {
                let y = r, cb = g - 128, cr = b - 128
                r = y + 1.402 * cr
                g = y - 0.344136 * cb - 0.714136 * cr
                b = y + 1.772 * cb
            }
            pixels[i] = clampByte(r); pixels[i + 1] = clampByte(g); pixels[i + 2] = clampByte(b)
            i += 3
        }
        return DisplayImage(width: frame.columns, height: frame.rows, channels: 3, pixels: pixels)
    }

    @inline(__always)
    static func clampByte(_ value: Double) -> UInt8 { value.isNaN ? 0 : UInt8(max(0, min(255, value.rounded()))) }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func _exp(_ x: Double) -> Double { Glibc.exp(x) }
#elseif canImport(Darwin)
import Darwin
@inline(__always) func _exp(_ x: Double) -> Double { Darwin.exp(x) }
#endif
