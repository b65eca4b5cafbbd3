import CFuzzerDriver
import FuzzPixelSupport

/// An 8-bit JPEG baseline frame (libjpeg through the setjmp shim).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPixelLibjpeg(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    decodeFuzzedFrame(Array(UnsafeBufferPointer(start: data, count: size)), transferSyntax: "1.2.840.10008.1.2.4.50")
    return 0
}

/// The entry point SwiftPM links as main: libFuzzer's driver with this target's callback.
@_cdecl("fuzz_pixel_libjpeg_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPixelLibjpeg(data, size) }
}
