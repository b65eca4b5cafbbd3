import CFuzzerDriver
import DICOMParser
import FuzzSupport

/// The reader as a scan uses it: header only, values not decoded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaderHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    readAndDecode(fuzzInput(data, size), options: .headerOnly, decode: false)
    return 0
}

/// The entry point SwiftPM links as main: libFuzzer's driver with this target's callback.
@_cdecl("fuzz_reader_header_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzReaderHeader(data, size) }
}
