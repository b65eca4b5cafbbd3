import DICOMCore
import DICOMDictionary
import DICOMParser

/// Decodes frames of a file's Pixel Data, whatever its transfer syntax (where supported).
public struct PixelDecoder {
    /// What the data set says about its pixels.
    public let description: PixelDescription
    /// The transfer syntax of the data set.
    public let transferSyntax: TransferSyntax
    private let dataSet: DataSet
    private let pixelData: Element

    /// Transfer syntaxes with encapsulated data this decoder handles.
    enum Codec {
        /// RLE Lossless (ours).
        case rle
        /// The JPEG family (baseline, extended, lossless, JPEG-LS): the frame's SOF marker
        /// chooses the decoder (`jpegFamilyFrame`), so a mislabelled syntax still decodes.
        case jpeg
        case jpeg2000, uncompressed
    }

    /// Prepares to decode `file`; throws when it has no Pixel Data or its attributes are invalid.
    public init(file: DICOMFile) throws {
        guard let element = file.dataSet.element(.pixelData) else { throw PixelError.noPixelData }
        dataSet = file.dataSet
        pixelData = element
        transferSyntax = file.transferSyntax
        description = try PixelDescription(dataSet: file.dataSet)
    }

    /// Number of frames.
    public var frameCount: Int { description.numberOfFrames }

    /// Decodes frame `index` (0-based).
    public func frame(_ index: Int) throws -> Frame {
        guard index >= 0, index < frameCount else { throw PixelError.frameOutOfRange(index: index, count: frameCount) }
        let encapsulated = !dataSet.fragments(of: pixelData).isEmpty || pixelData.hasUndefinedLength
        guard encapsulated else {
            return try NativeDecoder.frame(index, element: pixelData, dataSet: dataSet, description: description)
        }
        let codec = try Self.codec(for: transferSyntax.uid)
        let isJPEGFamily = codec == .jpeg || codec == .jpeg2000
        let bytes = try EncapsulatedFrames.frameBytes(
            index, element: pixelData, dataSet: dataSet, frameCount: frameCount,
            startsFrame: isJPEGFamily ? { Self.startsCodestream($0) } : nil)
        switch codec {
        case .rle:
            let stored = try RLEDecoder.decode(bytes, description: description)
            return Frame(rows: description.rows, columns: description.columns, samplesPerPixel: description.samplesPerPixel,
                         photometricInterpretation: description.photometricInterpretation,
                         bitsStored: description.bitsStored, isSigned: description.isSigned, samples: stored)
        case .jpeg: return try jpegFamilyFrame(bytes)
        case .jpeg2000: return try jpeg2000Frame(bytes)
        case .uncompressed: return try uncompressedFrame(bytes)
        }
    }

    static func codec(for uid: String) throws -> Codec {
        switch uid {
        case "1.2.840.10008.1.2.5": return .rle
        case "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
             "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81":
            return .jpeg
        case "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91": return .jpeg2000
        case "1.2.840.10008.1.2.1.98": return .uncompressed
        default:
            throw PixelError.unsupportedTransferSyntax(uid: uid, name: UIDDictionary.name(for: uid) ?? "an unknown transfer syntax")
        }
    }

    /// True when `prefix` opens a JPEG (SOI FFD8) or JPEG 2000 (SOC FF4F, or a JP2 box) codestream.
    static func startsCodestream(_ prefix: [UInt8]) -> Bool {
        guard prefix.count >= 2, prefix[0] == 0xFF || prefix[0] == 0 else { return false }
        return (prefix[0] == 0xFF && (prefix[1] == 0xD8 || prefix[1] == 0x4F)) || prefix.starts(with: [0, 0, 0, 0x0C])
    }

    func checkSize(_ width: Int, _ height: Int, _ components: Int, codec: String) throws {
        guard width == description.columns, height == description.rows, components == description.samplesPerPixel else {
            throw PixelError.corruptCodestream(
                codec: codec, reason: "codestream is \(width)x\(height) with \(components) components, the data set says \(description.columns)x\(description.rows) with \(description.samplesPerPixel)")
        }
    }

    func libjpegFrame(_ bytes: [UInt8]) throws -> Frame {
        let image = try JPEGCodec.decode(bytes, assumeRGB: description.photometricInterpretation == "RGB",
                                         maxSamples: description.rows * description.columns * description.samplesPerPixel)
        try checkSize(image.width, image.height, image.components, codec: "libjpeg")
        let photometric = image.convertedToRGB ? "RGB" : description.photometricInterpretation
        return Frame(rows: image.height, columns: image.width, samplesPerPixel: image.components,
                     photometricInterpretation: photometric, bitsStored: 8, isSigned: false,
                     samples: image.pixels.map { Int64($0) })
    }

    private func jpeg2000Frame(_ bytes: [UInt8]) throws -> Frame {
        let image = try JPEG2000Codec.decode(bytes, maxSamples: description.rows * description.columns * description.samplesPerPixel)
        try checkSize(image.width, image.height, image.components, codec: "openjp2")
        let pixels = image.width * image.height
        // The data set's Pixel Representation wins over the codestream's signedness, as in pydicom.
        let precision = Int64(image.precision)
        let convert: (Int32) -> Int64
        switch (image.isSigned, description.isSigned) {
        case (true, false): convert = { $0 < 0 ? Int64($0) + (1 << precision) : Int64($0) }
        case (false, true): convert = { Int64($0) >= 1 << (precision - 1) ? Int64($0) - (1 << precision) : Int64($0) }
        default: convert = { Int64($0) }
        }
        var samples = [Int64](repeating: 0, count: image.planes.count)
        for component in 0..<image.components {
            for pixel in 0..<pixels {
                samples[pixel * image.components + component] = convert(image.planes[component * pixels + pixel])
            }
        }
        var photometric = description.photometricInterpretation
        if photometric == "YBR_ICT" || photometric == "YBR_RCT" { photometric = "RGB" }
        return Frame(rows: image.height, columns: image.width, samplesPerPixel: image.components,
                     photometricInterpretation: photometric, bitsStored: image.precision, isSigned: description.isSigned,
                     samples: samples)
    }

    /// Encapsulated Uncompressed: each frame is one native frame in little endian.
    private func uncompressedFrame(_ bytes: [UInt8]) throws -> Frame {
        let size = max(1, description.bitsAllocated / 8)
        let needed = description.samplesPerFrame * size
        guard description.bitsAllocated >= 8, bytes.count >= needed else {
            throw PixelError.truncated(expected: needed, actual: bytes.count, context: "encapsulated uncompressed frame")
        }
        let layout = SampleLayout(description)
        let stored = (0..<description.samplesPerFrame).map { sample -> Int64 in
            var raw: UInt64 = 0
            for byte in 0..<size { raw |= UInt64(bytes[sample * size + byte]) << UInt64(8 * byte) }
            return layout.value(raw)
        }
        return NativeDecoder.arrange(stored, description: description)
    }
}
