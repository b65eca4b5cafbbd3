import Foundation
import XCTest

/// `dicomidx query` and `export` over an index of TestData: query results equal a filter of
/// `export --format json` computed here, and `export --changed` sends each change once.
final class QueryExportCommandTests: XCTestCase {
    private static let testData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestData/archive").path

    private func indexedTestData() throws -> (TemporaryDirectory, archive: String, db: String) {
        let directory = try TemporaryDirectory()
        let archive = try directory.copy(Self.testData, to: "archive")
        let db = directory.path + "/index.sqlite"
        let run = try Dicomidx.run(["index", archive, "--db", db, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)  // TestData has two damaged files
        return (directory, archive, db)
    }

    /// The ImagingStudy objects of `export --format json`.
    private func exported(_ db: String) throws -> [[String: Any]] {
        let run = try Dicomidx.run(["export", "--db", db, "--format", "json", "--timezone", "UTC"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(parseJSON(run.stdout) as? [[String: Any]])
    }

    private func queryUIDs(_ db: String, _ parameters: [String]) throws -> [String] {
        let run = try Dicomidx.run(["query", "--db", db, "--format", "json", "--timezone", "UTC"] + parameters)
        XCTAssertEqual(run.status, 0, "\(parameters): \(run.stderr)")
        let studies = try XCTUnwrap(parseJSON(run.stdout) as? [[String: Any]])
        return studies.map(studyUID)
    }

    private func studyUID(_ study: [String: Any]) -> String {
        let identifiers = study["identifier"] as? [[String: Any]] ?? []
        return identifiers.first { $0["system"] as? String == "urn:dicom:uid" }?["value"] as? String ?? ""
    }

    private func modalities(_ study: [String: Any]) -> [String] {
        (study["series"] as? [[String: Any]] ?? []).compactMap { ($0["modality"] as? [String: Any])?["code"] as? String }
    }

    private func started(_ study: [String: Any]) -> String { study["started"] as? String ?? "" }

    func testQueryEqualsAFilterOfTheExportedJSON() throws {
        let (directory, _, db) = try indexedTestData()
        defer { _ = directory }
        let all = try exported(db)
        XCTAssertEqual(all.count, 4)
        func expect(_ parameters: [String], _ keep: ([String: Any]) -> Bool) throws {
            XCTAssertEqual(Set(try queryUIDs(db, parameters)), Set(all.filter(keep).map(studyUID)), "\(parameters)")
        }
        try expect(["modality=CT"]) { self.modalities($0).contains("CT") }
        try expect(["modality=MR,US"]) { !Set(self.modalities($0)).isDisjoint(with: ["MR", "US"]) }
        try expect(["modality=CT", "modality=SR"]) { Set(self.modalities($0)).isSuperset(of: ["CT", "SR"]) }
        // Started is a full dateTime here; a day-precision search value covers that whole day.
        let day = { (study: [String: Any]) in String(self.started(study).prefix(10)) }
        try expect(["started=2024-03-12"]) { day($0) == "2024-03-12" }
        try expect(["started=eq2024-03-12"]) { day($0) == "2024-03-12" }
        try expect(["started=ne2024-03-12"]) { day($0) != "2024-03-12" }
        try expect(["started=lt2024-03-12"]) { day($0) < "2024-03-12" }
        try expect(["started=le2024-03-12"]) { day($0) <= "2024-03-12" }
        try expect(["started=gt2024-03-12"]) { day($0) > "2024-03-12" }
        try expect(["started=ge2024-03-12"]) { day($0) >= "2024-03-12" }
        try expect(["started=ge2024-03", "started=lt2024-05"]) { day($0) >= "2024-03" && day($0) < "2024-05" }
        try expect(["patient=PAT001"]) {
            (($0["subject"] as? [String: Any])?["identifier"] as? [String: Any])?["value"] as? String == "PAT001"
        }
        let accession = try XCTUnwrap(all.lazy.compactMap { study in
            (study["identifier"] as? [[String: Any]])?.first { ($0["type"] as? [String: Any]) != nil }?["value"] as? String
        }.first)
        try expect(["accession=\(accession)"]) { study in
            (study["identifier"] as? [[String: Any]] ?? []).contains { $0["value"] as? String == accession }
        }
        let seriesUID = try XCTUnwrap(((all[0]["series"] as? [[String: Any]])?.first)?["uid"] as? String)
        try expect(["series=\(seriesUID)"]) { study in
            (study["series"] as? [[String: Any]] ?? []).contains { $0["uid"] as? String == seriesUID }
        }
        XCTAssertEqual(try queryUIDs(db, ["_sort=-started", "_count=2"]),
                       Array(all.sorted { started($0) > started($1) }.prefix(2).map(studyUID)))
    }

    func testUnknownParametersAndBadValuesExitTwoNeverAnEmptyResult() throws {
        let (directory, _, db) = try indexedTestData()
        defer { _ = directory }
        for parameters in [["colour=red"], ["started=yesterday"], ["started=20240312"], ["_count=-1"], ["modality"]] {
            let run = try Dicomidx.run(["query", "--db", db] + parameters)
            XCTAssertEqual(run.status, 2, "\(parameters)")
            XCTAssertTrue(run.stdout.isEmpty, "\(parameters) wrote output")
            XCTAssertTrue(run.stderr.contains("dicomidx: "), run.stderr)
        }
        XCTAssertEqual(try Dicomidx.run(["query", "--db", directory.path + "/none.sqlite", "modality=CT"]).status, 2)
    }

    func testQueryBundleIsASearchsetWithTotal() throws {
        let (directory, _, db) = try indexedTestData()
        defer { _ = directory }
        let run = try Dicomidx.run(["query", "--db", db, "--format", "bundle", "modality=MR"])
        let bundle = try XCTUnwrap(parseJSON(run.stdout) as? [String: Any])
        XCTAssertEqual(bundle["type"] as? String, "searchset")
        XCTAssertEqual(bundle["total"] as? Int, 1)
    }

    func testExportChangedSendsEachChangeOnceAndMovesTheMarkOnlyAfterCompleteOutput() throws {
        let (directory, archive, db) = try indexedTestData()
        defer { _ = directory }
        let first = try Dicomidx.run(["export", "--db", db, "--changed", "--format", "ndjson", "--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.lines.filter { $0.contains(#""resourceType":"ImagingStudy""#) }.count, 4)
        let again = try Dicomidx.run(["export", "--db", db, "--changed", "--format", "ndjson", "--quiet"])
        XCTAssertEqual(again.stdout, "", "nothing changed since the mark")

        // Remove one MR file: its study changes. An export that cannot write keeps the mark.
        try FileManager.default.removeItem(atPath: archive + "/PAT002_YAMADA/20240405_MR_KNEE/SE002_T1_SE_COR/IM0001")
        XCTAssertEqual(try Dicomidx.run(["index", archive, "--db", db, "--quiet"]).status, 1)
        let failed = try Dicomidx.run(["export", "--db", db, "--changed", "--format", "json",
                                       "-o", directory.path + "/missing/dir/out.json"])
        XCTAssertEqual(failed.status, 3)
        let changed = try Dicomidx.run(["export", "--db", db, "--changed", "--format", "json", "--quiet"])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        let studies = try XCTUnwrap(parseJSON(changed.stdout) as? [[String: Any]])
        XCTAssertEqual(studies.map(modalities), [["MR", "MR"]])
        XCTAssertEqual(studies.first?["numberOfInstances"] as? Int, 3)
        XCTAssertEqual(try Dicomidx.run(["export", "--db", db, "--changed", "--quiet"]).stdout, "")
        // Another consumer with its own mark still gets everything.
        let other = try Dicomidx.run(["export", "--db", db, "--changed", "--mark", "warehouse", "--format", "ndjson", "--quiet"])
        XCTAssertEqual(other.lines.filter { $0.contains(#""resourceType":"ImagingStudy""#) }.count, 4)
    }
}
