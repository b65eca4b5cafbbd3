import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `dicomidx scan` writes, and what happens when it cannot: exit status 3, and the same
/// bytes every time for the same archive.
final class ScanOutputTests: XCTestCase {
    private let archive = Dicomidx.archive

    // MARK: The same scan twice gives byte-identical output

    func testEveryStreamFormatIsByteIdenticalOverRunsAndJobCounts() throws {
        for format in ["json", "bundle", "ndjson", "records", "fixture"] {
            let runs = try [1, 8, 8].map { jobs in
                try Dicomidx.run(["scan", archive, "--format", format, "--jobs", "\(jobs)"])
            }
            for run in runs { XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)") }
            XCTAssertGreaterThan(runs[0].stdoutData.count, 1000, format)
            XCTAssertEqual(runs[1].stdoutData, runs[2].stdoutData, "\(format): two runs with --jobs 8 differ")
            XCTAssertEqual(runs[0].stdoutData, runs[1].stdoutData, "\(format): --jobs 1 and --jobs 8 differ")
        }
    }

    func testOutputFileEqualsStandardOutput() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/studies.ndjson"
        let toFile = try Dicomidx.run(["scan", archive, "--format", "ndjson", "-o", file])
        let toStdout = try Dicomidx.run(["scan", archive, "--format", "ndjson"])
        XCTAssertEqual(toFile.status, 1, toFile.stderr)
        XCTAssertTrue(toFile.stdoutData.isEmpty)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), toStdout.stdoutData)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["studies.ndjson"],
                       "no temporary file is left behind")
    }

    func testCSVFilesAreByteIdenticalOverRunsAndJobCounts() throws {
        let directory = try TemporaryDirectory()
        var contents: [[String: Data]] = []
        for (index, jobs) in [1, 8, 8].enumerated() {
            let outputDir = directory.path + "/run\(index)"
            let result = try Dicomidx.run(["scan", archive, "--format", "csv", "--output-dir", outputDir, "--jobs", "\(jobs)"])
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(result.stdoutData.isEmpty, "csv goes to --output-dir only")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: outputDir) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: outputDir + "/" + name))
            }
            contents.append(files)
        }
        XCTAssertEqual(contents[0].keys.sorted(), ["series.csv", "studies.csv"])
        // CSV lines end with CRLF (RFC 4180); no value in TestData holds a line break.
        func lines(_ name: String) -> Int { (contents[0][name] ?? Data()).filter { $0 == UInt8(ascii: "\n") }.count }
        XCTAssertEqual(lines("studies.csv"), 1 + 4, "a header and one line per study")
        XCTAssertEqual(lines("series.csv"), 1 + 10, "a header and one line per series")
        XCTAssertEqual(contents[1], contents[2], "two runs with --jobs 8 differ")
        XCTAssertEqual(contents[0], contents[1], "--jobs 1 and --jobs 8 differ")
    }

    // MARK: Output failures exit 3

    func testOutputIntoAMissingDirectoryExitsThree() throws {
        let directory = try TemporaryDirectory()
        let target = directory.path + "/no/such/dir/studies.json"
        let result = try Dicomidx.run(["scan", archive, "--format", "json", "-o", target])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("dicomidx: cannot write \(target): No such file or directory"), result.stderr)
        XCTAssertTrue(result.stderr.contains("20 files in"), "the summary is still printed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path + "/no"))
    }

    func testStandardOutputOnAFullDeviceExitsThree() throws {
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"), "/dev/full is needed for this test")
        defer { try? full.close() }
        for format in ["json", "bundle", "fixture"] {
            let result = try Dicomidx.run(["scan", archive, "--format", format], stdout: full)
            XCTAssertEqual(result.status, 3, "\(format): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("dicomidx: writing standard output failed: No space left on device"),
                          "\(format): \(result.stderr)")
        }
    }

    func testSummaryJSONIntoAMissingDirectoryExitsThree() throws {
        let directory = try TemporaryDirectory()
        let result = try Dicomidx.run(["scan", archive, "-o", directory.path + "/out.json",
                                       "--summary-json", directory.path + "/missing/summary.json"])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot write \(directory.path)/missing/summary.json"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.path + "/out.json"), "the studies are still written")
    }

    func testAnOutputFailureOutranksFailedFiles() throws {
        // The archive alone exits 1 (two damaged files); an unwritable output makes it 3.
        let result = try Dicomidx.run(["scan", archive, "-o", "/nonexistent-dir/out.json"])
        XCTAssertEqual(result.status, 3, result.stderr)
        XCTAssertTrue(result.stderr.contains("IM0004: offset 462"), "the damaged files are still reported")
    }

    // MARK: Devices and pipes as -o

    func testOutputToANamedPipeIsWrittenThroughNotReplaced() throws {
        // `-o /dev/null` or `-o /dev/stdout` must write to the device, not rename a file over it.
        // A FIFO in a temporary directory stands in for the device, so that a regression replaces
        // the FIFO rather than /dev/null.
        let directory = try TemporaryDirectory()
        let fifo = directory.path + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let expected = try Dicomidx.run(["scan", archive, "--format", "ndjson"]).stdoutData

        let received = ReceivedBytes()
        let reader = Thread {
            // Opening a FIFO for reading blocks until the writer opens it.
            received.set(FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile())
        }
        reader.start()
        let result = try Dicomidx.run(["scan", archive, "--format", "ndjson", "-o", fifo])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(received.wait(seconds: 30), expected, "the output came through the pipe")

        var status = stat()
        XCTAssertEqual(stat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["pipe"],
                       "no temporary file is left behind")
    }

    func testOutputToASymbolicLinkWritesItsTargetAndKeepsTheLink() throws {
        let directory = try TemporaryDirectory()
        let target = try directory.write("target.json", Data("old\n".utf8))
        let link = directory.path + "/link.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.json")
        let result = try Dicomidx.run(["scan", archive, "--format", "json", "-o", link])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "target.json")
        let studies = try XCTUnwrap(try parseJSON(String(contentsOfFile: target, encoding: .utf8)) as? [Any])
        XCTAssertEqual(studies.count, 4)
    }
}

/// Bytes handed from a reader thread to the test.
private final class ReceivedBytes: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data: Data?

    func set(_ value: Data?) {
        data = value
        done.signal()
    }

    /// The bytes, or nil when none arrived within `seconds`.
    func wait(seconds: Double) -> Data? {
        done.wait(timeout: .now() + seconds) == .success ? data : nil
    }
}
