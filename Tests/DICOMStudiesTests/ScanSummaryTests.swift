@testable import DICOMStudies
import Foundation
import XCTest

final class ScanSummaryTests: XCTestCase {
    private func testDataSummary() -> ScanSummary {
        var summary = ScanSummary()
        var catalog = StudyCatalog()
        ArchiveScanner(jobs: 2).scan(ArchiveWalker(paths: [testDataArchive])) { item in
            summary.count(item)
            if let record = item.record { catalog.add(record) }
        }
        summary.setCounts(from: catalog)
        summary.seconds = 0.0125
        return summary
    }

    func testSummaryJSONHasTheKeysOfTheIssueFirstThenTheExtras() throws {
        let text = testDataSummary().summaryJSON()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), [
            "files_seen", "dicom_files", "skipped", "failed", "studies", "series", "instances", "duplicates",
            "seconds", "errors", "files_per_second", "dicomdir", "excluded", "ungroupable",
            "skipped_by_reason", "failed_by_reason", "warnings",
        ])
        XCTAssertTrue(text.hasPrefix(#"{"files_seen":20,"dicom_files":15,"skipped":3,"failed":2,"studies":4,"series":10,"instances":15,"duplicates":0,"seconds":0.013,"errors":[{"path":"#),
                      text)
        XCTAssertTrue(text.contains(#""offset":462,"message":"(0008,0020)"#), text)
        XCTAssertTrue(text.hasSuffix(#""files_per_second":1600,"dicomdir":0,"excluded":0,"ungroupable":0,"skipped_by_reason":{"not_dicom":2,"empty":1},"failed_by_reason":{"damaged":2},"warnings":[]}"#),
                      text)
    }

    func testAProblemWithoutOffsetHasANullOffset() {
        var summary = ScanSummary()
        summary.count(ScanItem(path: ScanPath("/x"), outcome: .failed(.permissionDenied, ScanProblem(
            path: "/x", offset: nil, message: "cannot open: Permission denied"))))
        XCTAssertTrue(summary.summaryJSON().contains(#""errors":[{"path":"/x","offset":null,"message":"cannot open: Permission denied"}]"#))
        XCTAssertTrue(summary.hasFailures)
    }

    func testDescriptionCountsByReasonAndListsTheErrors() {
        let text = testDataSummary().description
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "20 files in 0.013 s (1,600 files/s)")
        XCTAssertEqual(lines[1], "  DICOM files  15 (DICOMDIR 0)")
        XCTAssertEqual(lines[2], "  studies 4, series 10, instances 15, duplicates 0, ungroupable 0")
        XCTAssertEqual(lines[3], "  skipped      3 (not DICOM 2, empty 1)")
        XCTAssertEqual(lines[4], "  failed       2 (damaged 2)")
        XCTAssertEqual(lines[5], "    \(testDataArchive)/PAT001_MUELLER/20240115_DX_THORAX/SE002_THORAX_LAT/IM0002.dcm: "
                       + "offset 966: (0010,0010) PN: length 14 exceeds the 3 bytes left")
        XCTAssertEqual(lines[6], "    \(testDataArchive)/PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0004: "
                       + "offset 462: (0008,0020) DA: length 4294967290 exceeds the 3524 bytes left")
        XCTAssertEqual(lines.count, 7)
    }

    func testGroupedDigits() {
        XCTAssertEqual([0, 999, 1000, 12345, 1234567, -4200].map(grouped), ["0", "999", "1,000", "12,345", "1,234,567", "-4,200"])
    }

    func testProgressLineIsThrottledPaddedAndErased() {
        var written: [String] = []
        let progress = ProgressReporter(enabled: true, interval: .zero) { written.append($0) }
        for files in 1...32 { progress.update(files: files * 1000, studies: files == 16 ? 1 : 12) }
        XCTAssertEqual(written.count, 2, "the clock is looked at every 16th call")
        XCTAssertTrue(written[0].hasPrefix("\r16,000 files, "), written[0])
        XCTAssertTrue(written[0].hasSuffix(", 1 study"), written[0])
        XCTAssertTrue(written[1].hasPrefix("\r32,000 files, "), written[1])
        XCTAssertTrue(written[1].hasSuffix(" studies"), written[1])
        progress.finish()
        XCTAssertEqual(written.last, "\r" + String(repeating: " ", count: written[1].count - 1) + "\r")

        var none: [String] = []
        let off = ProgressReporter(enabled: false, interval: .zero) { none.append($0) }
        for files in 1...64 { off.update(files: files, studies: 0) }
        off.finish()
        XCTAssertEqual(none, [])
        XCTAssertEqual(ProgressReporter.Mode.never.isEnabled, false)
        XCTAssertEqual(ProgressReporter.Mode.always.isEnabled, true)
    }
}
