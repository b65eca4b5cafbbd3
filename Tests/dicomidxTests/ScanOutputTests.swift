import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `dicomidx scan` writes.
final class ScanOutputTests: XCTestCase {
    private let archive = Dicomidx.archive

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
