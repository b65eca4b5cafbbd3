import Foundation
import XCTest

/// `dicomidx scan` over pydicom's bundled test files (`test_files`, `charset_files`,
/// `palettes` of pydicom 3.0.2, copied to a temporary directory so the scan sees exactly
/// those files) against pydicom's own reading of them (`scripts/pydicom_reference.py`):
/// the same studies, series and instances, and the files that cannot be indexed are exactly
/// the broken ones and the ones that are not DICOM.
///
/// Without pydicom the tests are skipped, or fail when `CI` is set.
final class ScanPydicomTests: XCTestCase {
    /// What the scan makes of a damaged file.
    private enum Verdict: Equatable {
        /// Failed (damaged) at `offset`, with `message`.
        case failed(offset: Int, message: String)
        /// Damaged after everything the scan reads, so indexed; `dicomidx dump`, which reads
        /// on, reports the damage at `offset` with `message`.
        case indexed(offset: Int, message: String)
        /// Not recognised as DICOM: skipped.
        case notDICOM
    }

    /// Every broken file among pydicom's: what is wrong with it and what the scan does. pydicom
    /// reads all of them without an error (its reference says "readable": true).
    private static let broken: [(path: String, verdict: Verdict, why: String)] = [
        ("test_files/dicomdirtests/DICOMDIR-nooffset",
         .failed(offset: 10860, message: "(FFFE,E000): length 248 exceeds the 224 bytes left"),
         "made from DICOMDIR by deleting (0004,1400) and (0004,1420), 12 bytes each, from the last directory record "
            + "without correcting its item length of 248; pydicom reads the item short at the end of the file, silently"),
        ("test_files/MR_truncated.dcm",
         .indexed(offset: 1488, message: "(7FE0,0010) OW: length 8192 exceeds the 8130 bytes left"),
         "Pixel Data is cut short; the scan stops before (0070,0081), far before Pixel Data, as pydicom's "
            + "stop_before_pixels reading does, and both index the instance"),
        ("test_files/rtplan_truncated.dcm",
         .indexed(offset: 1410, message: "(300A,00B0) SQ: length 976 exceeds the 711 bytes left"),
         "the Beam Sequence (300A,00B0) is cut short, after every attribute the scan reads; both index the instance"),
        ("test_files/no_meta.dcm",
         .notDICOM,
         "CT_small.dcm with its file meta cut off one byte too late: offset 0 holds the last byte of the meta group "
            + "(the space padding \"DCTOOL100 \") and the data set starts at offset 1, so no element is at offset 0; "
            + "pydicom's force=True reads one garbage element (0820,0500) UN and no UIDs"),
    ]

    /// The files that are not DICOM at all (text, JSON, an ICC profile, gzip), plus the
    /// not-recognised broken file above: pydicom's force=True reads each as one garbage
    /// element without a preamble or a UID.
    private static let notDICOM: Set<String> = [
        "test_files/README.txt", "test_files/crayons.icc", "test_files/rtplan.dump", "test_files/rtstruct.dump",
        "test_files/test1.json", "test_files/test_PN.json", "test_files/zipMR.gz", "test_files/dicomdirtests/README.txt",
        "test_files/dicomdirtests/TINY_ALPHA/README", "charset_files/FileInfo.txt", "palettes/README.md",
        "test_files/no_meta.dcm",
    ]

    func testStudySeriesAndInstanceCountsEqualPydicoms() throws {
        let corpus = try loadCorpus()
        let indexed = corpus.reference.compactMap(\.uids)
        let studies = Set(indexed.map(\.study)).count, series = Set(indexed.map(\.series)).count
        let instances = Set(indexed.map(\.sop)).count
        print("pydicom reads \(indexed.count) of \(corpus.reference.count) files with all three UIDs: "
              + "\(studies) studies, \(series) series, \(instances) instances")
        let summary = corpus.summary
        XCTAssertEqual(summary["files_seen"] as? Int, corpus.reference.count, "both see the same files")
        XCTAssertEqual(summary["studies"] as? Int, studies)
        XCTAssertEqual(summary["series"] as? Int, series)
        XCTAssertEqual(summary["instances"] as? Int, instances)
        XCTAssertEqual(summary["duplicates"] as? Int, indexed.count - instances)
        let grouped = (summary["dicom_files"] as? Int ?? 0) - (summary["dicomdir"] as? Int ?? 0) - (summary["ungroupable"] as? Int ?? 0)
        XCTAssertEqual(grouped, indexed.count, "the files grouped are as many as those pydicom finds the UIDs in")
    }

    func testTheUnreadableFilesAreExactlyTheBrokenOnes() throws {
        let corpus = try loadCorpus()
        XCTAssertEqual(corpus.scan.status, 1, "a broken DICOMDIR fails")
        let errors = try XCTUnwrap(corpus.summary["errors"] as? [[String: Any]])
        let failed = Dictionary(uniqueKeysWithValues: errors.map { error in
            (corpus.relative(error["path"] as? String ?? ""),
             Verdict.failed(offset: error["offset"] as? Int ?? -1, message: error["message"] as? String ?? ""))
        })
        let expected = Dictionary(uniqueKeysWithValues: Self.broken.compactMap { file -> (String, Verdict)? in
            if case .failed = file.verdict { return (file.path, file.verdict) }
            return nil
        })
        XCTAssertEqual(failed, expected)
        XCTAssertEqual(corpus.summary["failed_by_reason"] as? [String: Int], ["damaged": expected.count])
        XCTAssertEqual((corpus.summary["warnings"] as? [Any])?.count, 0, "no file is read with damage after its UIDs")

        for file in Self.broken {
            let reference = try XCTUnwrap(corpus.reference.first { $0.path == file.path }, file.path)
            XCTAssertTrue(reference.readable, "\(file.path): pydicom raises nothing")
        }
    }

    func testFilesDamagedAfterWhatTheScanReadsAreIndexedAndDumpReportsTheDamage() throws {
        let corpus = try loadCorpus()
        for file in Self.broken {
            guard case .indexed(let offset, let message) = file.verdict else { continue }
            let path = corpus.directory.path + "/" + file.path
            let (scan, summary) = try Dicomidx.scanWithSummary([path, "--format", "json"])
            XCTAssertEqual(scan.status, 0, "\(file.path): \(scan.stderr)")
            XCTAssertEqual(summary["instances"] as? Int, 1, file.path)
            XCTAssertNotNil(corpus.reference.first { $0.path == file.path }?.uids, "\(file.path): pydicom indexes it too")
            let dump = try Dicomidx.run(["dump", path])
            XCTAssertEqual(dump.status, 1, file.path)
            XCTAssertTrue(dump.stderr.contains("\(path): offset \(offset), \(message)"), "\(file.path): \(dump.stderr)")
        }
    }

    func testFilesThatAreNotDICOMAreSkippedAndPydicomReadsThemAsGarbage() throws {
        let corpus = try loadCorpus()
        let garbage = corpus.reference.filter { !$0.preamble && !$0.hasAnyUID }.map(\.path)
        XCTAssertEqual(Set(garbage), Self.notDICOM)
        XCTAssertEqual(corpus.summary["skipped_by_reason"] as? [String: Int], ["not_dicom": Self.notDICOM.count])
        // Each of them alone, so that the count says which files were skipped.
        let (alone, summary) = try Dicomidx.scanWithSummary(Self.notDICOM.sorted().map { corpus.directory.path + "/" + $0 })
        XCTAssertEqual(alone.status, 0, alone.stderr)
        XCTAssertEqual(summary["skipped_by_reason"] as? [String: Int], ["not_dicom": Self.notDICOM.count])
    }

    func testUngroupableFilesAreThosePydicomFindsWithoutAllThreeUIDs() throws {
        let corpus = try loadCorpus()
        // "dicomidx: warning: PATH: not grouped, no StudyInstanceUID, SeriesInstanceUID"
        let prefix = "dicomidx: warning: "
        let ungroupable = corpus.scan.stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix(prefix), let end = line.range(of: ": not grouped, no ") else { return nil }
            return corpus.relative(String(line[..<end.lowerBound].dropFirst(prefix.count)))
        }
        // pydicom: Part 10 files that are not DICOMDIRs and lack one of the three UIDs. (Where
        // pydicom lacks the SOP Instance UID we take the Media Storage SOP Instance UID.)
        let expected = corpus.reference.filter { $0.preamble && $0.uids == nil && !$0.path.contains("DICOMDIR") }.map(\.path)
        XCTAssertEqual(Set(ungroupable), Set(expected))
        XCTAssertEqual(ungroupable.count, corpus.summary["ungroupable"] as? Int)
        let dicomdirs = corpus.reference.filter { $0.path.contains("DICOMDIR") }.count
        XCTAssertEqual((corpus.summary["dicomdir"] as? Int).map { $0 + 1 }, dicomdirs, "all DICOMDIRs but the broken one")
    }

    // MARK: The corpus, copied and read once for all tests

    private struct ReferenceFile {
        /// Relative to the copy: "test_files/CT_small.dcm".
        var path: String
        var readable: Bool
        var preamble: Bool
        /// Study, series and SOP Instance UID, when pydicom read all three.
        var uids: (study: String, series: String, sop: String)?
        var hasAnyUID: Bool
    }

    private struct Corpus {
        var directory: TemporaryDirectory
        var reference: [ReferenceFile]
        var scan: Dicomidx.Result
        var summary: [String: Any]

        func relative(_ path: String) -> String {
            path.hasPrefix(directory.path + "/") ? String(path.dropFirst(directory.path.count + 1)) : path
        }
    }

    private struct PydicomMissing: Error {}

    private static let folders = ["test_files", "charset_files", "palettes"]
    nonisolated(unsafe) private static var cached: Result<Corpus, Error>?

    private func loadCorpus() throws -> Corpus {
        let corpus = Self.cached ?? Result { try Self.makeCorpus() }
        Self.cached = corpus
        do {
            return try corpus.get()
        } catch is PydicomMissing {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pydicom is not installed (make deps)") }
            throw XCTSkip("pydicom 3.0.2 is not installed; run scripts/install-deps.sh")
        }
    }

    override class func tearDown() {
        cached = nil  // removes the copy
        super.tearDown()
    }

    private static func makeCorpus() throws -> Corpus {
        let found = try python(["-c", "import pydicom, os; print(os.path.join(os.path.dirname(pydicom.__file__), 'data'))"])
        let data = found.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !data.isEmpty, FileManager.default.fileExists(atPath: data + "/test_files") else { throw PydicomMissing() }
        let directory = try TemporaryDirectory()
        for folder in folders { try directory.copy(data + "/" + folder, to: folder) }
        let paths = folders.map { directory.path + "/" + $0 }

        let script = Dicomidx.repositoryRoot.appendingPathComponent("scripts/pydicom_reference.py").path
        var reference: [ReferenceFile] = []
        for line in try python([script] + paths).split(separator: "\n") {
            guard let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = json["path"] as? String else { continue }
            let readable = json["readable"] as? Bool == true
            func uid(_ key: String) -> String? { (json[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
            let study = uid("StudyInstanceUID"), series = uid("SeriesInstanceUID"), sop = uid("SOPInstanceUID")
            var uids: (String, String, String)?
            if readable, let study, let series, let sop { uids = (study, series, sop) }
            reference.append(ReferenceFile(
                path: String(path.dropFirst(directory.path.count + 1)), readable: readable,
                preamble: json["preamble"] as? Bool == true, uids: uids,
                hasAnyUID: readable && (study != nil || series != nil || sop != nil || uid("SOPClassUID") != nil)))
        }
        guard !reference.isEmpty else { throw PydicomMissing() }
        let (scan, summary) = try Dicomidx.scanWithSummary(paths + ["-o", directory.path + "/bundles.ndjson"])
        return Corpus(directory: directory, reference: reference, scan: scan, summary: summary)
    }

    private static func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
