// Reader micro-benchmark: reads the header of every file given (stop before Pixel Data),
// recording only 18 key tags (ParseOptions.keptTags), and extracts them, as a scan would, and
// prints files/s. Not a test: numbers vary with the
// machine. Usage: dicomidx-reader-bench [--repeat N] [--stop-before gggg,eeee] PATH...
// (--stop-before: stop there instead of before Pixel Data; a scan stops before 0070,0081.)
import DICOMCore
import DICOMParser
import Foundation

let keyTags: [Tag] = [
    .sopClassUID, .sopInstanceUID, .studyInstanceUID, .seriesInstanceUID, .patientID, .patientName,
    .patientBirthDate, .patientSex, .studyDate, .studyTime, .accessionNumber, .modality, .studyDescription,
    .seriesDescription, .seriesNumber, .instanceNumber, .rows, .columns,
]

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 3
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count {
    repeats = Int(arguments[index + 1]) ?? 3
    arguments.removeSubrange(index...(index + 1))
}
var options = ParseOptions(stopBefore: .pixelData, keptTags: TagSet(keyTags))
if let index = arguments.firstIndex(of: "--stop-before"), index + 1 < arguments.count {
    let hex = arguments[index + 1].replacingOccurrences(of: ",", with: "")
    if let raw = UInt32(hex, radix: 16) { options.stopBefore = Tag(raw) }
    arguments.removeSubrange(index...(index + 1))
}
var paths: [String] = []
for argument in arguments {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { continue }
    if isDirectory.boolValue, let walker = FileManager.default.enumerator(atPath: argument) {
        for case let relative as String in walker { paths.append(argument + "/" + relative) }
    } else {
        paths.append(argument)
    }
}
paths = paths.filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
guard !paths.isEmpty else { print("usage: dicomidx-reader-bench [--repeat N] PATH..."); exit(2) }

var best = Double.infinity
var bytes = 0, failed = 0, values = 0
for _ in 0..<repeats {
    bytes = 0; failed = 0; values = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for path in paths {
        guard let file = try? DICOMReader.read(path: path, options: options) else { failed += 1; continue }
        bytes += file.bytesRead
        for tag in keyTags where file.dataSet.string(tag) != nil { values += 1 }
    }
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
print("files: \(paths.count), not read: \(failed), values: \(values), bytes read per file: \(bytes / paths.count)")
print(String(format: "best of %d: %.3f s, %.0f files/s (1 thread, header only, 18 tags)", repeats, best, Double(paths.count) / best))
