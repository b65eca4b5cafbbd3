import Foundation
import XCTest

/// The report of TestData rendered by headless Chromium (Debian's `chromium`, installed by
/// scripts/install-deps.sh): the screenshot is made and holds far more than an empty page's.
/// Skipped, with a message, when chromium is not installed.
///
/// `DICOMIDX_REPORT_SCREENSHOT=PATH` also keeps the screenshot there (docs/report-example.png
/// is made so).
final class ReportRenderTests: XCTestCase {
    func testChromiumRendersTheTestDataReport() throws {
        guard let chromium = Self.chromium() else {
            throw XCTSkip("chromium is not installed (apt-get install chromium, as scripts/install-deps.sh does): the report is not rendered")
        }
        let scratch = try TemporaryDirectory()
        let html = scratch.path + "/report.html"
        XCTAssertEqual(try Dicomidx.run(["report", Dicomidx.archive, "-o", html, "--quiet"]).status, 1)
        let empty = try scratch.write("empty.html", Data("<!DOCTYPE html><html><body></body></html>".utf8))

        let report = try Self.render(chromium, html, scratch.path + "/report.png")
        let blank = try Self.render(chromium, empty, scratch.path + "/empty.png")
        XCTAssertEqual(Self.size(of: report), [1280, 2000])
        XCTAssertGreaterThan(report.count, 10 * blank.count, "the page shows something: \(report.count) bytes, empty page \(blank.count)")
        if let keep = ProcessInfo.processInfo.environment["DICOMIDX_REPORT_SCREENSHOT"] {
            try Data(report).write(to: URL(fileURLWithPath: keep))
        }
    }

    /// The chromium binary on PATH, if any.
    private static func chromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Renders `page` at 1280x2000 to `png` and returns the PNG.
    private static func render(_ chromium: String, _ page: String, _ png: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=" + png + ".profile", "--screenshot=" + png, "--window-size=1280,2000",
                             URL(fileURLWithPath: page).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs (no /dev/shm, a broken GPU stack...) must not hang the tests.
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { if process.isRunning { process.terminate() } }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "chromium \(page) (killed after 120 s if it hung)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        return bytes
    }

    /// Width and height from the PNG's IHDR.
    private static func size(of png: [UInt8]) -> [Int] {
        guard png.count >= 24 else { return [] }
        return [png[16..<20].reduce(0) { $0 << 8 | Int($1) }, png[20..<24].reduce(0) { $0 << 8 | Int($1) }]
    }
}
