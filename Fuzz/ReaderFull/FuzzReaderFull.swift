import CFuzzerDriver
import DICOMParser
import FuzzSupport

/// The whole file, then every value accessor over every element and item.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaderFull(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    readAndDecode(fuzzInput(data, size), options: ParseOptions(), decode: true)
    return 0
}

/// The entry point SwiftPM links as main: libFuzzer's driver with this target's callback.
@_cdecl("fuzz_reader_full_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzReaderFull(data, size) }
}
