import DICOMCore
import DICOMParser

// Shared by the fuzz targets: the bytes libFuzzer passes, as an array, and a walk that runs
// every value accessor over every element (the same walk HostileInputTests makes).

/// The fuzzer's input as bytes.
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Reads `bytes`; a `ReadError` is a fine outcome, anything else (or a trap) is a finding.
public func readAndDecode(_ bytes: [UInt8], options: ParseOptions, decode: Bool) {
    do {
        let file = try DICOMReader.read(bytes: bytes, options: options)
        if decode { decodeEverything(file) }
    } catch is ReadError {
    } catch {
        fatalError("DICOMReader threw \(error), not a ReadError")
    }
}

public func decodeEverything(_ file: DICOMFile) {
    if let meta = file.fileMeta { decodeEverything(meta) }
    decodeEverything(file.dataSet)
    _ = file.warnings.map(\.description)
    _ = file.damage?.description
}

public func decodeEverything(_ dataSet: DataSet) {
    var sink = 0
    for element in dataSet.elements {
        let strings = dataSet.strings(of: element)
        if element.vr.isString { sink &+= dataSet.decodedText(of: element).utf8.count }
        sink &+= dataSet.ints(of: element).count &+ dataSet.doubles(of: element).count &+ dataSet.tags(of: element).count
        for value in strings {
            switch element.vr {
            case .PN: sink &+= PersonName(value).canonical.utf8.count
            case .DA: sink &+= (DICOMDate(value) == nil ? 0 : 1) &+ (DICOMDateRange(value) == nil ? 0 : 1)
            case .TM: sink &+= DICOMTime(value) == nil ? 0 : 1
            case .DT: sink &+= DICOMDateTime(value) == nil ? 0 : 1
            case .IS: sink &+= parseIS(value) ?? 0
            case .DS: sink &+= parseDS(value) == nil ? 0 : 1
            default: break
            }
        }
        sink &+= dataSet.privateCreator(for: element.tag)?.count ?? 0
        for fragment in dataSet.fragments(of: element) {
            sink &+= dataSet.bytes(in: fragment.offset..<(fragment.offset + fragment.length)).count
        }
        for item in dataSet.items(of: element) { decodeEverything(item) }
    }
    withExtendedLifetime(sink) {}
}
