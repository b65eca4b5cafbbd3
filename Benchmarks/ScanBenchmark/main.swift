// Scan benchmark: walks the paths given, reads every file with ArchiveScanner (InstanceRecord
// extraction, results in walk order into a StudyCatalog) for each --jobs value, and prints
// files/s, best of --repeat runs, warm cache (a first untimed pass warms it). Also times the
// walk alone. With --cold (root only) the page cache is dropped before every timed run instead.
// Not a test: numbers vary with the machine.
// Usage: dicomidx-scan-bench [--repeat N] [--jobs 1,2,4,8] [--cold] PATH...
import DICOMStudies
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
let repeats = option("--repeat").flatMap(Int.init) ?? 3
let jobsList = (option("--jobs") ?? "1,2,4,8").split(separator: ",").compactMap { Int($0) }
let cold = arguments.contains("--cold")
arguments.removeAll { $0 == "--cold" }
guard !arguments.isEmpty, !jobsList.isEmpty else {
    print("usage: dicomidx-scan-bench [--repeat N] [--jobs 1,2,4,8] [--cold] PATH...")
    exit(2)
}

let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Writes back dirty pages and drops the page cache, dentries and inodes (needs root).
func dropCaches() {
    sync()
    let fd = open("/proc/sys/vm/drop_caches", O_WRONLY)
    guard fd >= 0, write(fd, "3\n", 2) == 2 else {
        print("--cold: cannot write /proc/sys/vm/drop_caches (root only)")
        exit(2)
    }
    close(fd)
}

func scanOnce(jobs: Int) -> (ScanSummary, Double) {
    if cold { dropCaches() }
    var summary = ScanSummary()
    var catalog = StudyCatalog()
    let start = clock.now
    ArchiveScanner(jobs: jobs).scan(ArchiveWalker(paths: arguments)) { item in
        summary.count(item)
        if let record = item.record { catalog.add(record) }
    }
    let elapsed = seconds(clock.now - start)
    summary.setCounts(from: catalog)
    summary.seconds = elapsed
    return (summary, elapsed)
}

let (warm, _) = scanOnce(jobs: ArchiveScanner.defaultJobs)
print("files: \(warm.filesSeen), DICOM: \(warm.dicomFiles), skipped: \(warm.skippedCount), failed: \(warm.failedCount), "
      + "studies: \(warm.studies), series: \(warm.series), instances: \(warm.instances), duplicates: \(warm.duplicates)")

var bestWalk = Double.infinity
for _ in 0..<repeats {
    let start = clock.now
    var count = 0
    if cold { dropCaches() }
    for _ in ArchiveWalker(paths: arguments) { count += 1 }
    bestWalk = min(bestWalk, seconds(clock.now - start))
}
print("walk only: \(Int(Double(warm.filesSeen) / bestWalk)) paths/s")

for jobs in jobsList {
    var best = Double.infinity
    for _ in 0..<repeats { best = min(best, scanOnce(jobs: jobs).1) }
    print((cold ? "cold, " : "") + "jobs \(jobs): best of \(repeats): \(Int((best * 1000).rounded())) ms, \(Int(Double(warm.filesSeen) / best)) files/s")
}
