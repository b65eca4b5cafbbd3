import CFuzzerDriver
import DICOMParser
import FuzzSupport

/// The input is a deflated data set: it follows a fixed file meta that names Deflated
/// Explicit VR Little Endian, so every input reaches the inflater. The inflation limit is
/// 8 MiB, so that a bomb ends in `inflatedTooLarge` well inside libFuzzer's memory limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeflate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var options = ParseOptions()
    options.maxInflatedSize = 8 << 20
    readAndDecode(deflatedFileMeta + fuzzInput(data, size), options: options, decode: true)
    return 0
}

/// Preamble, DICM and a file meta group whose Transfer Syntax UID is 1.2.840.10008.1.2.1.99.
let deflatedFileMeta: [UInt8] = {
    func element(_ group: UInt16, _ number: UInt16, _ vr: String, _ value: [UInt8]) -> [UInt8] {
        var bytes = [UInt8(group & 0xFF), UInt8(group >> 8), UInt8(number & 0xFF), UInt8(number >> 8)]
        bytes += Array(vr.utf8)
        if vr == "OB" || vr == "UN" {
            bytes += [0, 0] + [UInt8(value.count & 0xFF), UInt8(value.count >> 8 & 0xFF), 0, 0]
        } else {
            bytes += [UInt8(value.count & 0xFF), UInt8(value.count >> 8)]
        }
        return bytes + value
    }
    let syntax = Array("1.2.840.10008.1.2.1.99".utf8)
    let group = element(0x0002, 0x0001, "OB", [0, 1]) + element(0x0002, 0x0010, "UI", syntax)
    let count = UInt32(group.count)
    let length = element(0x0002, 0x0000, "UL", [UInt8(count & 0xFF), UInt8(count >> 8 & 0xFF), 0, 0])
    return [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + length + group
}()

/// The entry point SwiftPM links as main: libFuzzer's driver with this target's callback.
@_cdecl("fuzz_deflate_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzDeflate(data, size) }
}
