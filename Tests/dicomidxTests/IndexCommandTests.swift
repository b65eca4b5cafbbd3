import DICOMIndexStore
import FHIRExport
import Foundation
import GRDB
import XCTest

/// `dicomidx index` as a nightly job runs it: counts, exit statuses, the lock, and `kill -9`.
final class IndexCommandTests: XCTestCase {
    private static let testData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestData/archive")
    private static let past = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dicomidx-indexcmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testReindexAfterTouchAddDeleteCountsExactlyAndReadsTwoFiles() throws {
        let archive = try copyTestData()
        let db = path("index.sqlite")
        let first = try runDicomidx(["index", archive, "--db", db, "--summary-json", path("first.json")])
        XCTAssertEqual(first.status, 1, "TestData holds two damaged files: " + first.stderr)
        XCTAssertTrue(first.stderr.contains("index        new 20, changed 0, unchanged 0, removed 0 (20 files read)"), first.stderr)
        let summary1 = try summaryJSON("first.json")
        XCTAssertEqual(summary1["studies"] as? Int, 4)
        XCTAssertEqual(summary1["instances"] as? Int, 15)

        let ct = archive + "/PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0001"
        try FileManager.default.copyItem(atPath: ct, toPath: archive + "/PAT001_MUELLER/copy_of_IM0001")
        try setTime(archive + "/PAT001_MUELLER/copy_of_IM0001", Self.past)
        try setTime(archive + "/PAT003_DOE/20240520_US_ABDOMEN/SE001_LEBER/IM0002", Self.past.addingTimeInterval(86_400))
        try FileManager.default.removeItem(atPath: archive + "/PAT002_YAMADA/20240405_MR_KNEE/SE002_T1_SE_COR/IM0002")

        let second = try runDicomidx(["index", archive, "--db", db, "--summary-json", path("second.json"), "--quiet"])
        XCTAssertEqual(second.status, 1)
        let summary2 = try summaryJSON("second.json")
        XCTAssertEqual(summary2["new"] as? Int, 1)
        XCTAssertEqual(summary2["changed"] as? Int, 1)
        XCTAssertEqual(summary2["unchanged"] as? Int, 18)
        XCTAssertEqual(summary2["removed"] as? Int, 1)
        XCTAssertEqual(summary2["files_read"] as? Int, 2)
        XCTAssertEqual(summary2["files_seen"] as? Int, 20)
        XCTAssertEqual(summary2["instances"] as? Int, 14)
        XCTAssertEqual(summary2["duplicates"] as? Int, 1, "the copy repeats a SOP Instance UID")
        XCTAssertEqual(summary2["studies_changed"] as? Int, 1, "only the MR study lost an instance")
        XCTAssertEqual((summary2["errors"] as? [Any])?.count, 2, "damaged files not read again are still reported")

        // The studies of the index, written as scan writes them, are scan's.
        let scan = try runDicomidx(["scan", archive, "--format", "json", "--quiet"])
        XCTAssertEqual(scan.status, 1)
        var indexed = ""
        FHIRWriter().write(.json, try SQLiteIndexStore(path: db, mode: .readOnly).studies()) { indexed += $0 }
        XCTAssertEqual(indexed, scan.stdout)
    }

    func testASecondRunWaitsForTheLockThenGivesUpWithStatusFour() throws {
        let archive = try copyTestData()
        let db = path("index.sqlite")
        let held = try IndexLock(databasePath: db, timeout: 0)
        let started = Date()
        let blocked = try runDicomidx(["index", archive, "--db", db, "--lock-timeout", "0.5"])
        XCTAssertEqual(blocked.status, 4, blocked.stderr)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.5)
        XCTAssertTrue(blocked.stderr.contains("another run holds the index lock \(db).lock (process \(getpid())); gave up after 0.5 s"),
                      blocked.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "nothing was written")

        // Released while the second run waits: it goes on.
        let waiter = try start(["index", archive, "--db", db, "--lock-timeout", "20", "--quiet"])
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertTrue(waiter.isRunning)
        held.release()
        waiter.waitUntilExit()
        XCTAssertEqual(waiter.terminationStatus, 1)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try runDicomidx(["index", path("x")]).status, 2, "no --db")
        XCTAssertEqual(try runDicomidx(["index", "--db", path("i.sqlite")]).status, 2, "no path")
        XCTAssertEqual(try runDicomidx(["index", path("x"), "--db", path("i.sqlite"), "--lock-timeout", "-1"]).status, 2)
    }

    func testAFileThatIsNotAnIndexExitsThree() throws {
        let archive = try copyTestData()
        let bogus = path("not-an-index")
        try Data("this is not SQLite, not at all, and long enough to tell".utf8).write(to: URL(fileURLWithPath: bogus))
        let result = try runDicomidx(["index", archive, "--db", bogus])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("not a dicomidx index"), result.stderr)
    }

    /// kill -9 at several points of a run over a few thousand files, then a run to the end:
    /// the index equals that of a run never killed; then the same for a run after changes.
    func testKillNineAtAnyPointThenRerunGivesTheIndexOfARunNeverKilled() throws {
        let archive = try generateArchive(copies: 100)
        let clean = path("clean.sqlite"), crashed = path("crashed.sqlite")
        let options = ["--batch-size", "100", "--quiet", "--progress", "never"]

        let started = Date()
        XCTAssertEqual(try runDicomidx(["index", archive, "--db", clean] + options).status, 1)
        let fullRun = Date().timeIntervalSince(started)
        var killed = try killedRuns(["index", archive, "--db", crashed] + options,
                                    after: [0.05, 0.2, 0.8, min(1.6, 0.5 * fullRun)])
        XCTAssertEqual(try runDicomidx(["index", archive, "--db", crashed] + options).status, 1)
        try assertSameIndex(crashed, clean)

        // Changes: 10 copies gone, 200 files touched. The clean index takes them in one run;
        // the other in runs killed at several points, each resuming from the last.
        for copy in 0..<10 { try FileManager.default.removeItem(atPath: archive + "/" + copyName(copy)) }
        for copy in 10..<20 {
            let directory = archive + "/" + copyName(copy)
            for file in try FileManager.default.subpathsOfDirectory(atPath: directory)
            where !FileManager.default.isDirectory(directory + "/" + file) {
                try setTime(directory + "/" + file, Self.past.addingTimeInterval(3_600))
            }
        }
        let restarted = Date()
        XCTAssertEqual(try runDicomidx(["index", archive, "--db", clean] + options).status, 1)
        let rerun = Date().timeIntervalSince(restarted)
        killed += try killedRuns(["index", archive, "--db", crashed] + options,
                                 after: [0.05, 0.3 * rerun, 0.6 * rerun, 0.9 * rerun])
        XCTAssertEqual(try runDicomidx(["index", archive, "--db", crashed] + options).status, 1)
        try assertSameIndex(crashed, clean)
        XCTAssertGreaterThanOrEqual(killed, 4, "the kills must land while a run is going")
        let interrupted = try SQLiteIndexStore(path: crashed, mode: .readOnly).pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE finished_at IS NULL")
        }
        // A run killed before it recorded its start (while opening the database) leaves no row.
        XCTAssertTrue((1...killed).contains(interrupted ?? 0), "killed runs are recorded as unfinished")
    }

    // MARK: Helpers

    private func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    private func copyTestData() throws -> String {
        let archive = path("archive")
        try FileManager.default.copyItem(atPath: Self.testData.path, toPath: archive)
        for file in try FileManager.default.subpathsOfDirectory(atPath: archive) {
            try setTime(archive + "/" + file, Self.past)
        }
        return archive
    }

    private func setTime(_ path: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    private func summaryJSON(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path(name)))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func copyName(_ copy: Int) -> String { String(format: "c%04d", copy) }

    /// `copies` copies of TestData/archive under big/cNNNN/, each with its own Study, Series and
    /// SOP Instance UIDs (the last five digits of every `2.25.` UID replaced by the copy's
    /// number; the deflated file's data set keeps its UIDs, so it repeats in every copy).
    private func generateArchive(copies: Int) throws -> String {
        let archive = path("big")
        let base = Self.testData.path
        let relatives = try FileManager.default.subpathsOfDirectory(atPath: base)
        let directories = relatives.filter { FileManager.default.isDirectory(base + "/" + $0) }
        let sources = try relatives.filter { !directories.contains($0) }.map { relative in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative)))
            return (relative, bytes, uidEnds(bytes).filter { $0 >= 5 })
        }
        for copy in 0..<copies {
            let tail = Array(String(format: "%05d", copy).utf8)
            let target = archive + "/" + copyName(copy)
            for directory in directories {
                try FileManager.default.createDirectory(atPath: target + "/" + directory, withIntermediateDirectories: true)
            }
            for (relative, bytes, ends) in sources {
                var patched = bytes
                for end in ends { patched.replaceSubrange(end - 5..<end, with: tail) }
                try Data(patched).write(to: URL(fileURLWithPath: target + "/" + relative))
                try setTime(target + "/" + relative, Self.past)
            }
        }
        return archive
    }

    /// End offsets of the UIDs `2.25.` + at least 20 digits in `bytes`.
    private func uidEnds(_ bytes: [UInt8]) -> [Int] {
        let prefix = Array("2.25.".utf8)
        var ends: [Int] = []
        var index = 0
        while index + prefix.count < bytes.count {
            guard bytes[index..<index + prefix.count].elementsEqual(prefix) else { index += 1; continue }
            var end = index + prefix.count
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            if end - index - prefix.count >= 20 { ends.append(end) }
            index = end
        }
        return ends
    }

    /// Starts `arguments` once per delay and kills it with SIGKILL after that many seconds if it
    /// is still running; returns how many were killed mid-run.
    private func killedRuns(_ arguments: [String], after delays: [Double]) throws -> Int {
        var killed = 0
        for delay in delays {
            let process = try start(arguments)
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
        }
        return killed
    }

    private func assertSameIndex(_ actual: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let lhs = try SQLiteIndexStore(path: actual, mode: .readOnly).canonicalDump()
        let rhs = try SQLiteIndexStore(path: expected, mode: .readOnly).canonicalDump()
        XCTAssertGreaterThan(rhs.count, 100_000, "a real archive was indexed", file: file, line: line)
        guard lhs != rhs else { return }
        let left = lhs.split(separator: "\n"), right = rhs.split(separator: "\n")
        let first = (0..<min(left.count, right.count)).first { left[$0] != right[$0] } ?? min(left.count, right.count)
        XCTFail("""
            indexes differ (\(left.count) and \(right.count) lines); first difference at line \(first):
            \(first < left.count ? String(left[first].prefix(400)) : "(end)")
            \(first < right.count ? String(right[first].prefix(400)) : "(end)")
            """, file: file, line: line)
    }

    // MARK: Running the binary

    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Dicomidx.productsDirectory.appendingPathComponent("dicomidx")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs to the end through the shared runner: both streams go to files, so a child that
    /// crashes while a backtracer holds its stderr cannot leave the test waiting on a pipe.
    private func runDicomidx(_ arguments: [String]) throws -> Dicomidx.Result {
        try Dicomidx.run(arguments)
    }
}

private extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
