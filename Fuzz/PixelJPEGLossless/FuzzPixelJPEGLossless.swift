import CFuzzerDriver
import FuzzPixelSupport

/// A JPEG Lossless frame (our decoder; another SOF goes where PixelDecoder sends it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPixelJPEGLossless(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    decodeFuzzedFrame(Array(UnsafeBufferPointer(start: data, count: size)), transferSyntax: "1.2.840.10008.1.2.4.70")
    return 0
}

/// The entry point SwiftPM links as main: libFuzzer's driver with this target's callback.
@_cdecl("fuzz_pixel_jpeg_lossless_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPixelJPEGLossless(data, size) }
}
