import CFuzzerDriver
import FuzzPixelSupport

/// A 12-bit JPEG extended frame (our sequential decoder; 8-bit frames go to libjpeg).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPixelJPEG12(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    decodeFuzzedFrame(Array(UnsafeBufferPointer(start: data, count: size)), transferSyntax: "1.2.840.10008.1.2.4.51")
    return 0
}

/// The entry point SwiftPM links as main: libFuzzer's driver with this target's callback.
@_cdecl("fuzz_pixel_jpeg12_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPixelJPEG12(data, size) }
}
