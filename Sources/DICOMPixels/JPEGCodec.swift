import CCodecShims

/// JPEG through libjpeg (via the C shim, whose setjmp/longjmp error handler keeps libjpeg from
/// calling exit()).
public enum JPEGCodec {
    /// A decoded JPEG image: 8-bit samples, interleaved.
    struct Image {
        let width: Int
        let height: Int
        let components: Int
        let convertedToRGB: Bool
        let pixels: [UInt8]
    }

    /// Decodes a baseline, extended or progressive 8-bit JPEG of at most `maxSamples` samples.
    static func decode(_ data: [UInt8], assumeRGB: Bool, maxSamples: Int = 1 << 28) throws -> Image {
        var out: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0, components: Int32 = 0, converted: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = data.withUnsafeBufferPointer { buffer in
            dicomidx_jpeg_decode(buffer.baseAddress, buffer.count, assumeRGB ? 1 : 0, maxSamples, &out, &width, &height, &components,
                                 &converted, &message, message.count)
        }
        defer { dicomidx_free(out) }
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if status == 2 || text.hasPrefix("Unsupported JPEG data precision") { throw PixelError.unsupported(text) }
        guard status == 0, let out else { throw PixelError.corruptCodestream(codec: "libjpeg", reason: text) }
        let count = Int(width) * Int(height) * Int(components)
        return Image(width: Int(width), height: Int(height), components: Int(components), convertedToRGB: converted != 0,
                     pixels: Array(UnsafeBufferPointer(start: out, count: count)))
    }

    /// Encodes 8-bit samples (1 or 3 per pixel, interleaved) as a baseline JPEG.
    public static func encode(pixels: [UInt8], width: Int, height: Int, components: Int, quality: Int = 85) throws -> [UInt8] {
        precondition(pixels.count == width * height * components, "pixel count")
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = pixels.withUnsafeBufferPointer { buffer in
            dicomidx_jpeg_encode(buffer.baseAddress, Int32(width), Int32(height), Int32(components), Int32(quality),
                                 &out, &size, &message, message.count)
        }
        defer { dicomidx_free(out) }
        guard status == 0, let out else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PixelError.corruptCodestream(codec: "libjpeg encoder", reason: text)
        }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }
}

/// JPEG 2000 through libopenjp2 (via the C shim's memory stream).
enum JPEG2000Codec {
    /// A decoded image: planar components of width * height values each.
    struct Image {
        let width: Int
        let height: Int
        let components: Int
        let precision: Int
        let isSigned: Bool
        let planes: [Int32]
    }

    /// Decodes a J2K codestream or JP2 file of at most `maxSamples` samples.
    static func decode(_ data: [UInt8], maxSamples: Int = 1 << 28) throws -> Image {
        var out: UnsafeMutablePointer<Int32>?
        var width: Int32 = 0, height: Int32 = 0, components: Int32 = 0, precision: Int32 = 0, signed: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = data.withUnsafeBufferPointer { buffer in
            dicomidx_j2k_decode(buffer.baseAddress, buffer.count, maxSamples, &out, &width, &height, &components,
                                &precision, &signed, &message, message.count)
        }
        defer { dicomidx_free(out) }
        guard status == 0, let out else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw PixelError.corruptCodestream(codec: "openjp2", reason: text)
        }
        let count = Int(width) * Int(height) * Int(components)
        return Image(width: Int(width), height: Int(height), components: Int(components), precision: Int(precision),
                     isSigned: signed != 0, planes: Array(UnsafeBufferPointer(start: out, count: count)))
    }
}
