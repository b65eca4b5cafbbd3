import CZlib

/// `bytes` compressed with zlib's deflate: raw RFC 1951 (what PS3.5 A.5 asks for) or, with
/// `zlibHeader`, wrapped in an RFC 1950 header and Adler-32 trailer (which some writers add).
/// With `final: false` the stream is flushed to a byte boundary but not ended, so that more
/// blocks (or garbage) can follow.
func deflate(_ bytes: [UInt8], zlibHeader: Bool = false, final: Bool = true) -> [UInt8] {
    var stream = z_stream()
    let windowBits: Int32 = zlibHeader ? 15 : -15
    let status = deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
                               zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    precondition(status == Z_OK, "deflateInit2 failed: \(status)")
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
    let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            stream.next_out = outBuffer.baseAddress
            stream.avail_out = uInt(outBuffer.count)
            let result = CZlib.deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
            precondition(result == (final ? Z_STREAM_END : Z_OK), "deflate failed: \(result)")
            return outBuffer.count - Int(stream.avail_out)
        }
    }
    return Array(output[..<written])
}

/// `count` bytes that deflate barely compresses, the same on every run (a linear congruential
/// generator), drawn from `range`.
func incompressibleBytes(_ count: Int, in range: ClosedRange<UInt8> = 0...255) -> [UInt8] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return range.lowerBound + UInt8((state >> 33) % span)
    }
}
