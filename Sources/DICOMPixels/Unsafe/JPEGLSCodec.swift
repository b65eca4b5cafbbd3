import CCharLS

/// JPEG-LS (ISO 14495-1; DICOM 1.2.840.10008.1.2.4.80 lossless and .81 near-lossless) through
/// CharLS's C API, which returns an error code for every failure (CharLS catches its C++
/// exceptions inside). The only pointer use in the decoder: the source and destination
/// buffers lent to CharLS for the length of one call.
enum JPEGLSCodec {
    /// The codec's name in messages.
    static let name = "CharLS (JPEG-LS)"

    /// Throws unless the codestream ends with EOI (FFD9), after at most trailing zero bytes
    /// (a DICOM fragment's padding). CharLS fails on such data anyway, but Debian's CharLS 2.4.1
    /// takes seconds to do so on some cut streams (9 s for a 644-byte prefix of a 4430-byte
    /// frame of pydicom's MR_small_jpeg_ls_lossless.dcm): a cut frame is an error at once.
    static func checkEndOfImage(_ data: [UInt8]) throws {
        var end = data.count
        while end > 0, data[end - 1] == 0 { end -= 1 }
        guard end >= 2, data[end - 2] == 0xFF, data[end - 1] == 0xD9 else {
            throw PixelError.corruptCodestream(codec: name, reason: "the codestream does not end with EOI (FFD9): cut short")
        }
    }

    /// Decodes one JPEG-LS codestream into one plane per component. The size in the header is
    /// checked against `maxSamples` before the output is allocated.
    static func decode(_ data: [UInt8], maxSamples: Int) throws -> (image: JPEGImage, nearLossless: Int) {
        try checkEndOfImage(data)
        guard let decoder = charls_jpegls_decoder_create() else {
            throw PixelError.corruptCodestream(codec: name, reason: "cannot create a decoder")
        }
        defer { charls_jpegls_decoder_destroy(decoder) }
        func check(_ code: charls_jpegls_errc, _ step: String) throws {
            guard code.rawValue != 0 else { return }
            let text = charls_get_error_message(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
            throw PixelError.corruptCodestream(codec: name, reason: "\(step): \(text)")
        }
        return try data.withUnsafeBytes { source in
            guard let start = source.baseAddress, source.count > 0 else {
                throw PixelError.corruptCodestream(codec: name, reason: "no data")
            }
            try check(charls_jpegls_decoder_set_source_buffer(decoder, start, source.count), "source")
            try check(charls_jpegls_decoder_read_header(decoder), "header")
            var info = charls_frame_info()
            try check(charls_jpegls_decoder_get_frame_info(decoder, &info), "frame info")
            var interleave = charls_interleave_mode(0)
            try check(charls_jpegls_decoder_get_interleave_mode(decoder, &interleave), "interleave mode")
            var near: Int32 = 0
            try check(charls_jpegls_decoder_get_near_lossless(decoder, 0, &near), "near-lossless")
            let width = Int(info.width), height = Int(info.height), components = Int(info.component_count)
            let precision = Int(info.bits_per_sample)
            guard components >= 1, components <= 4, (2...16).contains(precision), width * height * components <= maxSamples else {
                throw PixelError.corruptCodestream(
                    codec: name, reason: "header says \(width)x\(height), \(components) components of \(precision) bits, at most \(maxSamples) samples expected")
            }
            var size = 0
            try check(charls_jpegls_decoder_get_destination_size(decoder, 0, &size), "destination size")
            let bytesPerSample = precision > 8 ? 2 : 1
            guard size == width * height * components * bytesPerSample else {
                throw PixelError.corruptCodestream(codec: name, reason: "destination size \(size) for \(width)x\(height)x\(components)")
            }
            var output = [UInt8](repeating: 0, count: size)
            try output.withUnsafeMutableBytes { destination in
                // size > 0: the header's width, height and component count are at least 1.
                guard let start = destination.baseAddress else { return }
                try check(charls_jpegls_decoder_decode_to_buffer(decoder, start, destination.count, 0), "decode")
            }
            // Interleave mode none is planar; line and sample come out pixel by pixel.
            let pixels = width * height
            let planar = interleave.rawValue == 0
            var planes = [[Int32]](repeating: [Int32](repeating: 0, count: pixels), count: components)
            for c in 0..<components {
                for p in 0..<pixels {
                    let index = planar ? c * pixels + p : p * components + c
                    planes[c][p] = bytesPerSample == 1
                        ? Int32(output[index])
                        : Int32(output[2 * index]) | Int32(output[2 * index + 1]) << 8
                }
            }
            return (JPEGImage(width: width, height: height, precision: precision, planes: planes), Int(near))
        }
    }
}
