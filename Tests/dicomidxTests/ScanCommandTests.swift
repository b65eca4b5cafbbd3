import Foundation
import XCTest

/// `dicomidx scan` over TestData/archive as a user runs it: exit status, the studies found,
/// the summary, Bundles, duplicates and --quiet. The expected numbers come from
/// TestData/README.md and from pydicom's reading in TestData/archive.pydicom.jsonl.
final class ScanCommandTests: XCTestCase {
    private let archive = Dicomidx.archive

    /// Series and instances per study (TestData/README.md): the damaged CT and DX files, the
    /// empty CT file and the PNG in the US series are not counted.
    private static let expectedStudies: [String: (series: Int, instances: Int)] = [
        "2.25.176733766475802836697651024572961627173": (4, 7),  // CT Thorax mit KM: 3 + 2 + 1 + 1
        "2.25.211769577785434010041845952209580338754": (2, 2),  // Röntgen Thorax 2 Ebenen
        "2.25.83941119281791816171501232854798692266": (2, 4),   // MR 右膝関節
        "2.25.297733700810053991293117201720078788794": (2, 2),  // US Abdomen
    ]

    private var truncatedFile: String { archive + "/PAT001_MUELLER/20240115_DX_THORAX/SE002_THORAX_LAT/IM0002.dcm" }
    private var overflowFile: String { archive + "/PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0004" }
    private var mrFile: String { archive + "/PAT002_YAMADA/20240405_MR_KNEE/SE001_PD_TSE_FS_SAG/IM0001" }

    func testTwoDamagedFilesExitOneAndStandardOutputIsStillComplete() throws {
        let result = try Dicomidx.run(["scan", archive])
        XCTAssertEqual(result.status, 1, result.stderr)
        let bundles = try result.lines.map { try XCTUnwrap(try parseJSON($0) as? [String: Any]) }
        XCTAssertEqual(bundles.count, 1, "4 studies fit in one Bundle of at most 50")
        XCTAssertEqual(Set(try bundles.flatMap(studyUIDs)), Set(Self.expectedStudies.keys))
        XCTAssertTrue(result.stderr.contains("\(truncatedFile): offset 966: (0010,0010) PN: length 14 exceeds the 3 bytes left"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("\(overflowFile): offset 462: (0008,0020) DA: length 4294967290 exceeds"),
                      result.stderr)
    }

    func testJSONHasFourImagingStudiesWithTheirSeriesAndInstanceCounts() throws {
        let result = try Dicomidx.run(["scan", archive, "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let studies = try XCTUnwrap(try parseJSON(result.stdout) as? [[String: Any]])
        XCTAssertEqual(studies.count, 4)
        var found: [String: (series: Int, instances: Int)] = [:]
        for study in studies {
            XCTAssertEqual(study["resourceType"] as? String, "ImagingStudy")
            let uid = try XCTUnwrap(try studyUID(study))
            let series = try XCTUnwrap(study["series"] as? [[String: Any]])
            let numberOfSeries = try XCTUnwrap(study["numberOfSeries"] as? Int)
            let numberOfInstances = try XCTUnwrap(study["numberOfInstances"] as? Int)
            XCTAssertEqual(series.count, numberOfSeries, uid)
            XCTAssertEqual(series.compactMap { $0["numberOfInstances"] as? Int }.reduce(0, +), numberOfInstances, uid)
            XCTAssertEqual(series.map { ($0["instance"] as? [Any])?.count ?? 0 }.reduce(0, +), numberOfInstances, uid)
            found[uid] = (numberOfSeries, numberOfInstances)
        }
        XCTAssertEqual(found.mapValues { [$0.series, $0.instances] }, Self.expectedStudies.mapValues { [$0.series, $0.instances] })
        XCTAssertEqual(found.mapValues { [$0.series, $0.instances] }, try pydicomCounts(), "pydicom groups the same way")
    }

    func testSummaryJSONHasTheIssueKeysAndValues() throws {
        let directory = try TemporaryDirectory()
        let summaryPath = directory.path + "/summary.json"
        let result = try Dicomidx.run(["scan", archive, "-o", directory.path + "/out", "--summary-json", summaryPath])
        XCTAssertEqual(result.status, 1, result.stderr)
        let text = try String(contentsOfFile: summaryPath, encoding: .utf8)
        // The issue's keys, in the issue's order, come first; the extra keys follow them.
        XCTAssertTrue(text.hasPrefix(#"{"files_seen":20,"dicom_files":15,"skipped":3,"failed":2,"studies":4,"series":10,"#
                                     + #""instances":15,"duplicates":0,"seconds":"#), text)
        XCTAssertTrue(text.hasSuffix("}\n"), "one line")
        let summary = try XCTUnwrap(try parseJSON(text) as? [String: Any])
        let issueKeys = ["files_seen", "dicom_files", "skipped", "failed", "studies", "series", "instances",
                         "duplicates", "seconds", "errors"]
        XCTAssertTrue(Set(issueKeys).isSubset(of: summary.keys), "\(summary.keys.sorted())")
        let seconds = try XCTUnwrap(summary["seconds"] as? Double)
        XCTAssertTrue(seconds >= 0 && seconds < 60, "\(seconds)")

        let errors = try XCTUnwrap(summary["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.count, 2)
        for error in errors { XCTAssertEqual(Set(error.keys), ["path", "offset", "message"]) }
        let byPath = Dictionary(uniqueKeysWithValues: errors.map { ($0["path"] as? String ?? "", $0) })
        XCTAssertEqual(byPath[truncatedFile]?["offset"] as? Int, 966)
        XCTAssertEqual(byPath[truncatedFile]?["message"] as? String, "(0010,0010) PN: length 14 exceeds the 3 bytes left")
        XCTAssertEqual(byPath[overflowFile]?["offset"] as? Int, 462)
        XCTAssertEqual(byPath[overflowFile]?["message"] as? String, "(0008,0020) DA: length 4294967290 exceeds the 3524 bytes left")
        XCTAssertEqual(errors.map { $0["path"] as? String }, [truncatedFile, overflowFile], "in walk order")
    }

    func testBundleLinesAreTransactionsWithAtMostBundleSizeStudies() throws {
        for (size, expectedLines) in [(1, 4), (3, 2), (4, 1), (50, 1)] {
            let result = try Dicomidx.run(["scan", archive, "--format", "bundle", "--bundle-size", "\(size)"])
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertEqual(result.lines.count, expectedLines, "--bundle-size \(size)")
            var studies: [String] = []
            for line in result.lines {
                let bundle = try XCTUnwrap(try parseJSON(line) as? [String: Any])
                XCTAssertEqual(bundle["resourceType"] as? String, "Bundle")
                XCTAssertEqual(bundle["type"] as? String, "transaction")
                let entries = try XCTUnwrap(bundle["entry"] as? [[String: Any]])
                let uids = try studyUIDs(bundle)
                XCTAssertTrue((1...size).contains(uids.count), "--bundle-size \(size): \(uids.count) studies")
                XCTAssertEqual(Set(uids).count, uids.count, "a study twice in one Bundle")
                studies += uids
                try checkEntries(entries)
            }
            XCTAssertEqual(studies.sorted(), Self.expectedStudies.keys.sorted(), "--bundle-size \(size)")
        }
    }

    func testDuplicatesListPrintsThePair() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.copy(mrFile, to: "a/IM0001")
        let second = try directory.copy(mrFile, to: "b/copy.dcm")
        let (listed, summary) = try Dicomidx.scanWithSummary([directory.path, "--duplicates", "list", "--format", "json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stderr.contains(
            "dicomidx: duplicate 2.25.279872860038974084039237758465107628006: \(second) repeats \(first)\n"), listed.stderr)
        XCTAssertEqual(summary["dicom_files"] as? Int, 2)
        XCTAssertEqual(summary["instances"] as? Int, 1)
        XCTAssertEqual(summary["duplicates"] as? Int, 1)
        let study = try XCTUnwrap((try parseJSON(listed.stdout) as? [[String: Any]])?.first)
        XCTAssertEqual(study["numberOfInstances"] as? Int, 1, "the copy is the same instance")

        let counted = try Dicomidx.run(["scan", directory.path, "--format", "json"])
        XCTAssertEqual(counted.status, 0, counted.stderr)
        XCTAssertFalse(counted.stderr.contains("duplicate 2.25"), "--duplicates count does not list the pair")
        XCTAssertTrue(counted.stderr.contains("duplicates 1"), counted.stderr)
        XCTAssertEqual(counted.stdoutData, listed.stdoutData)
    }

    func testQuietPrintsNoSummaryButStillTheErrors() throws {
        let result = try Dicomidx.run(["scan", archive, "--quiet", "--format", "ndjson"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").map(String.init), [
            "dicomidx: \(truncatedFile): offset 966: (0010,0010) PN: length 14 exceeds the 3 bytes left",
            "dicomidx: \(overflowFile): offset 462: (0008,0020) DA: length 4294967290 exceeds the 3524 bytes left",
        ])
        XCTAssertEqual(result.lines.count, 3 + 4, "3 Patient lines, then 4 ImagingStudy lines")

        let loud = try Dicomidx.run(["scan", archive, "--format", "ndjson"])
        XCTAssertTrue(loud.stderr.contains("20 files in"), loud.stderr)
        XCTAssertTrue(loud.stderr.contains("studies 4, series 10, instances 15, duplicates 0"), loud.stderr)
        XCTAssertEqual(loud.stdoutData, result.stdoutData, "--quiet changes standard error only")
    }

    func testAnArchiveWithoutDamageExitsZero() throws {
        let (result, summary) = try Dicomidx.scanWithSummary([archive + "/PAT002_YAMADA", archive + "/PAT003_DOE"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(summary["failed"] as? Int, 0)
        XCTAssertEqual(summary["skipped"] as? Int, 1, "the PNG")
        XCTAssertEqual(summary["studies"] as? Int, 2)
        XCTAssertEqual(summary["instances"] as? Int, 6)
    }

    // MARK: Reading the output

    /// The Study Instance UID of an ImagingStudy, from its `urn:dicom:uid` identifier.
    private func studyUID(_ study: [String: Any]) throws -> String? {
        let identifiers = study["identifier"] as? [[String: Any]] ?? []
        let value = identifiers.first { $0["system"] as? String == "urn:dicom:uid" }?["value"] as? String
        return value.map { String($0.dropFirst("urn:oid:".count)) }
    }

    /// The Study Instance UIDs of the ImagingStudy entries of a Bundle, in order.
    private func studyUIDs(_ bundle: [String: Any]) throws -> [String] {
        let entries = bundle["entry"] as? [[String: Any]] ?? []
        return try entries.compactMap { entry in
            guard let resource = entry["resource"] as? [String: Any], resource["resourceType"] as? String == "ImagingStudy"
            else { return nil }
            return try studyUID(resource)
        }
    }

    /// Patients are conditional creates, studies conditional updates by identifier without an
    /// id, each Patient once per Bundle, and every subject reference points at an entry.
    private func checkEntries(_ entries: [[String: Any]], file: StaticString = #filePath, line: UInt = #line) throws {
        var fullUrls: Set<String> = []
        var subjects: [String] = []
        for entry in entries {
            let fullUrl = try XCTUnwrap(entry["fullUrl"] as? String)
            XCTAssertTrue(fullUrl.hasPrefix("urn:uuid:"), fullUrl, file: file, line: line)
            XCTAssertTrue(fullUrls.insert(fullUrl).inserted, "\(fullUrl) twice", file: file, line: line)
            let resource = try XCTUnwrap(entry["resource"] as? [String: Any])
            let request = try XCTUnwrap(entry["request"] as? [String: Any])
            switch resource["resourceType"] as? String {
            case "Patient":
                XCTAssertEqual(request["method"] as? String, "POST", file: file, line: line)
                XCTAssertTrue((request["ifNoneExist"] as? String)?.hasPrefix("identifier=") == true, file: file, line: line)
            case "ImagingStudy":
                let uid = try XCTUnwrap(try studyUID(resource))
                XCTAssertEqual(request["method"] as? String, "PUT", file: file, line: line)
                XCTAssertEqual(request["url"] as? String, "ImagingStudy?identifier=urn:dicom:uid|urn:oid:\(uid)", file: file, line: line)
                XCTAssertNil(resource["id"], "no id in a conditional update", file: file, line: line)
                subjects.append(try XCTUnwrap((resource["subject"] as? [String: Any])?["reference"] as? String))
            case let other:
                XCTFail("unexpected entry \(other ?? "nil")", file: file, line: line)
            }
        }
        for subject in subjects { XCTAssertTrue(fullUrls.contains(subject), "\(subject) is not in the Bundle", file: file, line: line) }
    }

    /// Series and instances per study as pydicom reads TestData: files with all three UIDs.
    private func pydicomCounts() throws -> [String: [Int]] {
        let url = Dicomidx.repositoryRoot.appendingPathComponent("TestData/archive.pydicom.jsonl")
        var series: [String: Set<String>] = [:], instances: [String: Set<String>] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let record = try XCTUnwrap(try parseJSON(String(line)) as? [String: Any])
            guard record["readable"] as? Bool == true, let study = record["StudyInstanceUID"] as? String,
                  let seriesUID = record["SeriesInstanceUID"] as? String, let sop = record["SOPInstanceUID"] as? String,
                  !study.isEmpty, !seriesUID.isEmpty, !sop.isEmpty else { continue }
            series[study, default: []].insert(seriesUID)
            instances[study, default: []].insert(sop)
        }
        return series.mapValues { [$0.count] }.merging(instances.mapValues { [$0.count] }) { $0 + $1 }
    }
}
