import CFuzzerDriver
import DICOMCharacterSets

/// The input is (0008,0005)'s value, a NUL, then a value to decode: the terms are split on
/// backslash as in a file, and the value is decoded as each kind of string. Without a NUL,
/// the first byte picks one of the usual sets.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCharacterSets(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let terms: [String]
    let value: ArraySlice<UInt8>
    if let nul = bytes.firstIndex(of: 0) {
        terms = bytes[..<nul].split(separator: 0x5C, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        value = bytes[(nul + 1)...]
    } else {
        terms = usualSets[Int(bytes[0]) % usualSets.count]
        value = bytes[1...]
    }
    let set = SpecificCharacterSet(terms: terms)
    for kind in [StringValueKind.personName, .multiValued, .text] {
        var warnings: [CharacterSetWarning] = []
        let text = set.decode(value, kind: kind, warnings: &warnings)
        precondition(warnings.count <= 64, "\(warnings.count) warnings for one value")
        _ = text.utf8.count
        _ = warnings.map(\.description)
    }
    return 0
}

let usualSets: [[String]] = [
    [], ["ISO_IR 100"], ["ISO_IR 192"], ["GB18030"], ["GBK"], ["ISO_IR 13"], ["ISO_IR 144"], ["ISO_IR 166"],
    ["", "ISO 2022 IR 87"], ["ISO 2022 IR 13", "ISO 2022 IR 87"], ["", "ISO 2022 IR 87", "ISO 2022 IR 159"],
    ["", "ISO 2022 IR 149"], ["", "ISO 2022 IR 58"], ["ISO 2022 IR 6", "ISO 2022 IR 100", "ISO 2022 IR 126"],
]

/// The entry point SwiftPM links as main: libFuzzer's driver with this target's callback.
@_cdecl("fuzz_charsets_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzCharacterSets(data, size) }
}
