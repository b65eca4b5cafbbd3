import CZlib

/// Scaling and encoding of display images: thumbnails as JPEG (libjpeg) or PNG (zlib).
extension DisplayImage {
    /// The image scaled down (box filter, every source pixel counted) so that its longer side
    /// is at most `size`; returned unchanged when already small enough.
    public func scaled(toFit size: Int) -> DisplayImage {
        guard size > 0, max(width, height) > size else { return self }
        let factor = Double(max(width, height)) / Double(size)
        let newWidth = max(1, Int((Double(width) / factor).rounded()))
        let newHeight = max(1, Int((Double(height) / factor).rounded()))
        var output = [UInt8](repeating: 0, count: newWidth * newHeight * channels)
        for y in 0..<newHeight {
            let y0 = y * height / newHeight, y1 = max(y0 + 1, (y + 1) * height / newHeight)
            for x in 0..<newWidth {
                let x0 = x * width / newWidth, x1 = max(x0 + 1, (x + 1) * width / newWidth)
                for c in 0..<channels {
                    var total = 0
                    for sy in y0..<y1 {
                        for sx in x0..<x1 { total += Int(pixels[(sy * width + sx) * channels + c]) }
                    }
                    let count = (y1 - y0) * (x1 - x0)
                    output[(y * newWidth + x) * channels + c] = UInt8((total + count / 2) / count)
                }
            }
        }
        return DisplayImage(width: newWidth, height: newHeight, channels: channels, pixels: output)
    }

    /// The image as a baseline JPEG file.
    public func jpegData(quality: Int = 85) throws -> [UInt8] {
        try JPEGCodec.encode(pixels: pixels, width: width, height: height, components: channels, quality: quality)
    }

    /// The image as a PNG file (8-bit gray or RGB, no filtering, zlib-compressed).
    public func pngData() throws -> [UInt8] {
        var raw = [UInt8]()
        raw.reserveCapacity(height * (width * channels + 1))
        let stride = width * channels
        for row in 0..<height {
            raw.append(0)
            raw += pixels[(row * stride)..<((row + 1) * stride)]
        }
        var compressedSize = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(compressedSize))
        let status = compress2(&compressed, &compressedSize, raw, uLong(raw.count), 9)
        guard status == Z_OK else { throw PixelError.corruptCodestream(codec: "zlib", reason: "compress2 returned \(status)") }
        compressed.removeLast(compressed.count - Int(compressedSize))

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ data: [UInt8]) {
            png += bigEndian(UInt32(data.count))
            let body = Array(type.utf8) + data
            png += body
            png += bigEndian(UInt32(crc32(0, body, uInt(body.count))))
        }
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, channels == 3 ? 2 : 0, 0, 0, 0])
        chunk("IDAT", compressed)
        chunk("IEND", [])
        return png
    }
}

private func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
}
