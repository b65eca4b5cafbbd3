/// The JPEG family: which decoder a frame goes to is chosen by its SOF marker and precision,
/// not by the transfer syntax alone (archives hold lossless frames labelled baseline and the
/// reverse).
extension PixelDecoder {
    /// Our name for the lossless decoder in messages.
    static let losslessCodecName = "JPEG Lossless"

    func jpegFamilyFrame(_ bytes: [UInt8]) throws -> Frame {
        guard let (marker, precision) = JPEGStream.frameMarker(bytes) else {
            // No SOF found: libjpeg names what is wrong with the header.
            return try libjpegFrame(bytes)
        }
        switch marker {
        case 0xC3:
            return try losslessFrame(bytes)
        case 0xF7:
            return try jpegLSFrame(bytes)
        case 0xC0 where precision == 8, 0xC1 where precision == 8, 0xC2 where precision == 8:
            return try libjpegFrame(bytes)
        case 0xC0 where precision == 12, 0xC1 where precision == 12:
            return try sequentialFrame(bytes)
        default:
            throw PixelError.unsupported("JPEG \(JPEGImage.processName(marker)) with precision \(precision) in \(transferSyntax.uid)")
        }
    }

    private func losslessFrame(_ bytes: [UInt8]) throws -> Frame {
        let image: JPEGImage
        do {
            image = try JPEGLosslessDecoder.decode(bytes, maxSamples: description.rows * description.columns * description.samplesPerPixel)
        } catch let error as JPEGStreamError {
            throw PixelError.corruptCodestream(codec: Self.losslessCodecName, reason: error.description)
        }
        // As pydicom: the value in Bits Stored, sign-extended when Pixel Representation is 1.
        return try frame(from: image, codec: Self.losslessCodecName, valueBits: description.bitsStored)
    }

    /// Our name for the 12-bit sequential decoder in messages.
    static let sequentialCodecName = "JPEG 12-bit"

    private func sequentialFrame(_ bytes: [UInt8]) throws -> Frame {
        let image: JPEGImage
        do {
            image = try JPEGSequentialDecoder.decode(bytes, maxSamples: description.rows * description.columns * description.samplesPerPixel)
        } catch let error as JPEGStreamError {
            throw PixelError.corruptCodestream(codec: Self.sequentialCodecName, reason: error.description)
        }
        return try frame(from: image, codec: Self.sequentialCodecName, valueBits: description.bitsStored)
    }

    private func jpegLSFrame(_ bytes: [UInt8]) throws -> Frame {
        let decoded = try JPEGLSCodec.decode(bytes, maxSamples: description.rows * description.columns * description.samplesPerPixel)
        // JPEG-LS has no sign: as pydicom, signed data is sign-extended at the codestream's precision.
        return try frame(from: decoded.image, codec: JPEGLSCodec.name,
                         valueBits: description.isSigned ? decoded.image.precision : 32)
    }

    /// Interleaves decoded planes and reads each value in its low `valueBits` bits,
    /// sign-extended when Pixel Representation is 1.
    func frame(from image: JPEGImage, codec: String, valueBits: Int) throws -> Frame {
        try checkSize(image.width, image.height, image.planes.count, codec: codec)
        let pixels = image.width * image.height
        let components = image.planes.count
        let layout = SampleLayout(bitsStored: valueBits, highBit: valueBits - 1, isSigned: description.isSigned)
        var samples = [Int64](repeating: 0, count: pixels * components)
        for (component, plane) in image.planes.enumerated() {
            for pixel in 0..<pixels {
                samples[pixel * components + component] = layout.value(UInt64(UInt32(bitPattern: plane[pixel])))
            }
        }
        return Frame(rows: image.height, columns: image.width, samplesPerPixel: components,
                     photometricInterpretation: description.photometricInterpretation, bitsStored: description.bitsStored,
                     isSigned: description.isSigned, samples: samples)
    }
}
