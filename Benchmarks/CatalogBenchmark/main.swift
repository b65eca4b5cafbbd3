// Catalog benchmark: feeds synthetic instance records (realistic UIDs and paths, about 1,000
// instances a series, 3 series a study) through StudyCatalog and FHIRWriter, the grouping and
// output code of `dicomidx scan`, without reading a file, and prints the time of each part and
// the peak RSS. It shows how memory grows with the number of instances: a million of them
// take no million files. Not a test: numbers vary with the machine.
// Usage: dicomidx-catalog-bench [--instances N] [--per-series N] [--series-per-study N]
//                               [--format ndjson|bundle|json|records] [--spill-threshold BYTES] [-o PATH]
import DICOMStudies
import FHIRExport
import RecordExport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}
let instances = option("--instances").flatMap(Int.init) ?? 1_000_000
let perSeries = max(1, option("--per-series").flatMap(Int.init) ?? 1000)
let seriesPerStudy = max(1, option("--series-per-study").flatMap(Int.init) ?? 3)
let format = option("--format") ?? "ndjson"
let threshold = option("--spill-threshold").flatMap(Int.init) ?? StudyCatalog.defaultSpillThreshold
let outputPath = option("-o") ?? "/dev/null"
guard arguments.isEmpty, ["ndjson", "bundle", "json", "records"].contains(format) else {
    print("usage: dicomidx-catalog-bench [--instances N] [--per-series N] [--series-per-study N] "
          + "[--format ndjson|bundle|json|records] [--spill-threshold BYTES] [-o PATH]")
    exit(2)
}

let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
/// Peak resident set size so far, in MB.
func peakRSS() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// A 2.25 UID (a UUID as a decimal integer, as DICOM PS3.5 B.2 makes them), from a counter.
func uid(_ kind: Int, _ number: Int) -> String {
    let high = (UInt64(kind) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(number) &* 0xBF58_476D_1CE4_E5B9)
    return "2.25.\(high % 100_000_000_000_000_000)\(String(number + 1_000_000_000_000).dropFirst())"
}

/// The record of instance `index`: study, series and patient fields as a CT archive has them.
func record(_ index: Int) -> InstanceRecord {
    let series = index / perSeries
    let study = series / seriesPerStudy
    let number = index % perSeries + 1
    var record = InstanceRecord(path: "/archive/PAT\(study % 10_000)/ST\(study)/SE\(series % seriesPerStudy + 1)/IM\(number).dcm")
    record.studyInstanceUID = uid(1, study)
    record.seriesInstanceUID = uid(2, series)
    record.sopInstanceUID = uid(2, series) + ".\(number)"
    record.sopClassUID = "1.2.840.10008.5.1.4.1.1.2"
    record.transferSyntaxUID = "1.2.840.10008.1.2.1"
    record.instanceNumber = number
    record.patientID = "PID\(study)"
    record.issuerOfPatientID = "HOSPITAL_A"
    record.patientName = "Muster^Hans^Peter"
    record.patientBirthDate = "19600101"
    record.patientSex = "M"
    record.studyDate = "2024\(String(100 + study % 12 + 1).dropFirst())15"
    record.studyTime = "101500"
    record.accessionNumber = "ACC\(study)"
    record.studyID = "S\(study)"
    record.studyDescription = "CT Thorax Abdomen"
    record.referringPhysicianName = "Weber^Anna"
    record.institutionName = "Klinikum"
    record.manufacturer = "ACME"
    record.seriesNumber = series % seriesPerStudy + 1
    record.modality = "CT"
    record.seriesDescription = "Thorax 1.0 B31f"
    record.seriesDate = record.studyDate
    record.seriesTime = "101700"
    record.bodyPartExamined = "CHEST"
    record.operatorsName = ["Tech^Tom"]
    return record
}

let baseline = peakRSS()
var catalog = StudyCatalog(spillThreshold: threshold)
var grouping = 0.0
var batch: [InstanceRecord] = []
// Records are made a series at a time, outside the clock: only `add` is timed.
for first in stride(from: 0, to: instances, by: perSeries) {
    batch = (first..<min(instances, first + perSeries)).map(record)
    let start = clock.now
    for record in batch { catalog.add(record) }
    grouping += seconds(clock.now - start)
}
batch = []
let afterGrouping = peakRSS()

guard let file = fopen(outputPath, "w") else {
    print("cannot write \(outputPath)")
    exit(1)
}
let start = clock.now
let studies = catalog.sortedStudies
var bytes = 0
if format == "records" {
    let (lines, _) = try RecordWriter().records(studies)
    for line in lines {
        bytes += line.utf8.count + 1
        fputs(line + "\n", file)
    }
} else {
    FHIRWriter(options: FHIROptions(defaultTimezone: .offset(.utc))).write(FHIRFormat(rawValue: format) ?? .ndjson, studies) {
        bytes += $0.count
        _ = $0.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    }
}
fclose(file)
let output = seconds(clock.now - start)
if let failure = studies.failure { print("failed: \(failure)") }

print("instances \(instances), series \(catalog.seriesCount), studies \(catalog.studyCount), "
      + "spill threshold \(threshold) bytes" + (catalog.spillProblem.map { " (\($0))" } ?? ""))
print(String(format: "grouping: %.2f s (%.0f instances/s); output (%@, %.0f MB): %.2f s (%.0f instances/s)",
             grouping, Double(instances) / grouping, format, Double(bytes) / 1e6, output, Double(instances) / output))
print(String(format: "peak RSS: %.1f MB at start, %.1f MB after grouping, %.1f MB at the end", baseline, afterGrouping, peakRSS()))
