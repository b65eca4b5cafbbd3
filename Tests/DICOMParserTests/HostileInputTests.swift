import CMallocStats
import DICOMCore
import DICOMParser
import Foundation
import XCTest

/// The hostile-input set (Support/HostileCases.swift): every case, read header-only and in
/// full, must give a `DICOMFile` (possibly with `damage`) or throw a `ReadError`, and then
/// every value accessor must decode every element without trapping. Each case is checked
/// against a time and a memory bound:
///
/// - Time: the read runs on a worker thread; a case not finished within `timeLimit` fails
///   the test as a hang (the bound catches hangs, it does not measure speed).
/// - Memory: glibc's `mallinfo2()` (all arenas, mmap'd blocks included) is sampled before
///   the read, every millisecond while it runs, and after it while the result is still held.
///   The highest sample minus the first must stay under `memoryBound(for:)`, a small
///   multiple of the file size. Polling can miss a spike shorter than a millisecond, so
///   `getrusage`'s peak RSS is checked too: it only grows, so its growth over a case is at
///   least what the case added above the process's previous peak. And `bytesRead` (the
///   buffer the reader filled) may not pass the file's size, or for deflated data the
///   inflation limit. Under AddressSanitizer `mallinfo2()` reads zero (ASan has its own
///   allocator), so there only `bytesRead` and peak RSS bound memory.
final class HostileInputTests: XCTestCase {
    /// 3 s; 12 s under AddressSanitizer, which slows this code about fourfold (a 100,000-value
    /// DS decoded three ways took over 3 s there). Either way a hang is caught.
    static let timeLimit: Double = underAddressSanitizer ? 12 : 3
    static let underAddressSanitizer = dlsym(nil, "__asan_init") != nil
    static let modes: [(String, ParseOptions?)] = [("header-only", .headerOnly), ("full", nil), ("scan", scan)]

    /// As a scan reads: up to (0070,0081), recording only a few tags, sequences among them.
    static let scan = ParseOptions(stopBefore: Tag(0x0070_0081), keptTags: TagSet([
        .patientName, .studyInstanceUID, .sopInstanceUID, .modality, Tag(0x0008_1032), Tag(0x0008_0100),
        Tag(0x0040_0275), Tag(0x0040_1001), .directoryRecordSequence,
    ]))

    /// Retained and polled allocation allowed for a case: 24 times the file (an 8-byte empty
    /// item becomes a data set of about 160 bytes, counting array growth), plus 1 MiB
    /// for the reader's fixed costs, plus twice the inflation limit for deflated data.
    static func memoryBound(for testCase: HostileCase, inflates: Bool) -> Int {
        24 * testCase.bytes.count + (1 << 20) + (inflates ? 2 * testCase.options.maxInflatedSize : 0)
    }

    private var worker: CaseWorker!
    private var worst: (ratio: Double, name: String) = (0, "")
    private var slowest: (seconds: Double, name: String) = (0, "")
    private var totalSeconds = 0.0

    override func setUp() {
        worker = CaseWorker()
    }

    override func tearDown() {
        worker.stop()
    }

    func testTruncatedAtEveryOffset() throws {
        try run(HostileCases.truncations(), minimum: 10_000)
    }

    func testLyingLengthFields() throws {
        try run(HostileCases.lyingLengths(), minimum: 500)
    }

    func testHandMadeCases() throws {
        let cases = HostileCases.handMade()
        try run(cases, minimum: 80)
    }

    func testFileThatShrinksAfterOpeningEndsWhereItsBytesEnd() throws {
        // The size is taken when the file is opened; the bytes go before they are read.
        let (_, bytes) = HostileCases.validFiles[0]
        for size in [0, 100, 132, 600, 2000, bytes.count - 1] {
            let path = try temporaryFile(bytes, for: self)
            let file = try RawFile(path: path)
            XCTAssertEqual(truncate(path, off_t(size)), 0)
            for (mode, options) in Self.modes {
                let outcome = worker.run(timeLimit: Self.timeLimit) { () -> Any in
                    do { return try DICOMReader.read(file: file, path: path, options: options ?? ParseOptions()) } catch { return error }
                }
                let name = "shrunk to \(size) (\(mode))"
                XCTAssertNotNil(outcome.seconds, "\(name): a hang")
                switch outcome.result {
                case let read as DICOMFile:
                    XCTAssertLessThanOrEqual(read.bytesRead, size, name)
                    // Cut inside the undefined-length content sequence: missing delimiters, warned.
                    if mode == "full" { XCTAssertTrue(read.damage != nil || !read.warnings.isEmpty, name) }
                case is ReadError: break
                default: XCTFail("\(name): \(String(describing: outcome.result))")
                }
            }
        }
    }

    func testBoundsCatchAHang() {
        // The watchdog itself: a body that never ends is reported, not waited for.
        let outcome = worker.run(timeLimit: 0.2) { while true { usleep(1000) } }
        XCTAssertNil(outcome.seconds)
        worker = CaseWorker()  // the stuck one is abandoned
    }

    // MARK: The checks

    private func run(_ cases: [HostileCase], minimum: Int) throws {
        XCTAssertGreaterThanOrEqual(cases.count, minimum, "the generator made too few cases")
        let writeDirectory = ProcessInfo.processInfo.environment["DICOMIDX_WRITE_HOSTILE"]
        var outcomes: [String: Int] = [:]
        for testCase in cases {
            if let writeDirectory {
                try Data(testCase.bytes).write(to: URL(fileURLWithPath: writeDirectory).appendingPathComponent(testCase.name))
            }
            for (mode, modeOptions) in Self.modes {
                var options = testCase.options
                if let modeOptions {
                    options.stopBefore = modeOptions.stopBefore
                    options.keptTags = modeOptions.keptTags
                }
                guard let kind = check(testCase, mode: mode, options: options) else { return }
                outcomes[kind, default: 0] += 1
            }
        }
        let summary = outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("hostile: \(cases.count) cases x \(Self.modes.count) modes: \(summary); highest memory/size \(String(format: "%.1f", worst.ratio)) "
              + "(\(worst.name)); slowest \(String(format: "%.3f", slowest.seconds)) s (\(slowest.name)); "
              + "\(String(format: "%.1f", totalSeconds)) s reading and decoding in all; limit \(Self.timeLimit) s")
    }

    /// Checks one case in one mode; returns the kind of outcome, or nil after a hang (the
    /// worker is stuck then, and the remaining cases are not run).
    private func check(_ testCase: HostileCase, mode: String, options: ParseOptions) -> String? {
        let name = "\(testCase.name) (\(mode))"
        let bytes = testCase.bytes
        let rssBefore = peakRSS()
        let outcome = worker.run(timeLimit: Self.timeLimit) { () -> Any in
            do {
                let file = try DICOMReader.read(bytes: bytes, options: options)
                decodeEverything(file)
                return file
            } catch {
                return error
            }
        }
        guard let seconds = outcome.seconds else {
            XCTFail("\(name): no result after \(Self.timeLimit) s (a hang)")
            return nil
        }
        totalSeconds += seconds
        if seconds > slowest.seconds { slowest = (seconds, name) }

        let inflates: Bool
        let kind: String
        switch outcome.result {
        case let file as DICOMFile:
            inflates = file.transferSyntax.isDeflated
            kind = file.damage == nil ? "read" : "damaged"
            let bound = inflates ? bytes.count + options.maxInflatedSize + 1 : bytes.count
            XCTAssertLessThanOrEqual(file.bytesRead, max(bound, options.initialReadSize), "\(name): bytesRead")
        case is ReadError:
            inflates = false
            kind = "error"
        default:
            XCTFail("\(name): threw \(String(describing: outcome.result)), not a ReadError")
            return "other"
        }
        let bound = Self.memoryBound(for: testCase, inflates: inflates || testCase.name.hasPrefix("deflate"))
        XCTAssertLessThanOrEqual(outcome.peakAllocated, bound, "\(name): allocated \(outcome.peakAllocated) bytes")
        let rssGrowth = peakRSS() - rssBefore
        XCTAssertLessThanOrEqual(rssGrowth, bound + (32 << 20), "\(name): peak RSS grew by \(rssGrowth) bytes")
        let ratio = Double(outcome.peakAllocated) / Double(max(bytes.count, 1))
        if bytes.count >= 1024, !inflates, ratio > worst.ratio { worst = (ratio, name) }
        return kind
    }
}

/// Runs every accessor over every element of `file`, recursing into items, so that decoding
/// hostile values is covered too; the results are discarded.
func decodeEverything(_ file: DICOMFile) {
    if let meta = file.fileMeta { decodeEverything(meta, depth: 0) }
    decodeEverything(file.dataSet, depth: 0)
    _ = file.isDICOMDIR
    _ = file.warnings.map(\.description)
    _ = file.damage?.description
}

func decodeEverything(_ dataSet: DataSet, depth: Int) {
    var sink = 0
    for element in dataSet.elements {
        let strings = dataSet.strings(of: element)
        sink &+= strings.count
        if element.vr.isString { sink &+= dataSet.decodedText(of: element).utf8.count }
        sink &+= dataSet.ints(of: element).count &+ dataSet.doubles(of: element).count &+ dataSet.tags(of: element).count
        for value in strings {
            switch element.vr {
            case .PN: sink &+= PersonName(value).canonical.utf8.count
            case .DA: sink &+= DICOMDate(value) == nil ? 0 : 1; sink &+= DICOMDateRange(value) == nil ? 0 : 1
            case .TM: sink &+= DICOMTime(value) == nil ? 0 : 1
            case .DT: sink &+= DICOMDateTime(value) == nil ? 0 : 1
            case .IS: sink &+= parseIS(value) ?? 0
            case .DS: sink &+= parseDS(value) == nil ? 0 : 1
            default: break
            }
        }
        sink &+= dataSet.privateCreator(for: element.tag)?.count ?? 0
        sink &+= dataSet.valueBytes(of: element).count
        for fragment in dataSet.fragments(of: element) {
            sink &+= dataSet.bytes(in: fragment.offset..<(fragment.offset + fragment.length)).count
        }
        for item in dataSet.items(of: element) { decodeEverything(item, depth: depth + 1) }
    }
    withExtendedLifetime(sink) {}
}

/// A process-wide peak: getrusage's maximum resident set size, in bytes.
func peakRSS() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

/// One thread with a large stack (like the main thread's) that runs one case at a time,
/// while the caller waits with a deadline and samples malloc's in-use bytes.
final class CaseWorker: @unchecked Sendable {
    struct Outcome {
        /// Seconds the body took; nil when it did not finish in time.
        var seconds: Double?
        var result: Any?
        /// Highest malloc in-use bytes seen while it ran and after it, minus those before.
        var peakAllocated: Int
    }

    private let jobReady = DispatchSemaphore(value: 0)
    private let jobDone = DispatchSemaphore(value: 0)
    private var job: (() -> Any)?
    private var result: Any?
    private var stopped = false
    private var thread: Thread!

    init() {
        thread = Thread { [unowned self] in
            while true {
                self.jobReady.wait()
                guard let job = self.job, !self.stopped else { return }
                self.result = job()
                self.jobDone.signal()
            }
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    func stop() {
        stopped = true
        jobReady.signal()
    }

    func run(timeLimit: Double, _ body: @escaping () -> Any) -> Outcome {
        let before = Int(dicomidx_allocated_bytes())
        var peak = before
        let start = DispatchTime.now()
        job = body
        result = nil
        jobReady.signal()
        let deadline = start + timeLimit
        while jobDone.wait(timeout: .now() + .milliseconds(1)) == .timedOut {
            peak = max(peak, Int(dicomidx_allocated_bytes()))
            if DispatchTime.now() >= deadline {
                return Outcome(seconds: nil, result: nil, peakAllocated: peak - before)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        peak = max(peak, Int(dicomidx_allocated_bytes()))  // the result is still held here
        let outcome = Outcome(seconds: seconds, result: result, peakAllocated: peak - before)
        job = nil
        result = nil
        return outcome
    }
}
