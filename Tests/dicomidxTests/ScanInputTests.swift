import Foundation
import XCTest

/// Which files `dicomidx scan` reads: --files-from (newline, --null, standard input),
/// --exclude, symbolic links; and the usage errors that exit 2.
final class ScanInputTests: XCTestCase {
    private let archive = Dicomidx.archive

    /// The four files of the MR study (one of them a bare data set) and the PNG next to the US image.
    private let mrFiles = [
        "PAT002_YAMADA/20240405_MR_KNEE/SE001_PD_TSE_FS_SAG/IM0001",
        "PAT002_YAMADA/20240405_MR_KNEE/SE001_PD_TSE_FS_SAG/IM0002",
        "PAT002_YAMADA/20240405_MR_KNEE/SE002_T1_SE_COR/IM0001",
        "PAT002_YAMADA/20240405_MR_KNEE/SE002_T1_SE_COR/IM0002",
    ]
    private let png = "PAT003_DOE/20240520_US_ABDOMEN/SE001_LEBER/IM0002"

    /// The counts of a summary that the input tests look at.
    private func counts(_ summary: [String: Any]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for key in ["files_seen", "dicom_files", "skipped", "failed", "studies", "series", "instances"] {
            counts[key] = summary[key] as? Int
        }
        return counts
    }

    /// The MR study and the PNG: 5 files, 4 instances in 2 series of 1 study, 1 skipped.
    private let mrAndPNG = ["files_seen": 5, "dicom_files": 4, "skipped": 1, "failed": 0, "studies": 1, "series": 2, "instances": 4]

    // MARK: --files-from

    func testFilesFromReadsOnePathALine() throws {
        let directory = try TemporaryDirectory()
        let list = (mrFiles + [png]).map { archive + "/" + $0 }.joined(separator: "\n") + "\n"
        let listPath = try directory.write("list.txt", Data(list.utf8))
        let (result, summary) = try Dicomidx.scanWithSummary(["--files-from", listPath])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(counts(summary), mrAndPNG)
    }

    func testFilesFromAddsToThePathsGiven() throws {
        let directory = try TemporaryDirectory()
        let listPath = try directory.write("list.txt", Data((archive + "/" + png + "\n").utf8))
        let (result, summary) = try Dicomidx.scanWithSummary([archive + "/PAT002_YAMADA", "--files-from", listPath])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(counts(summary), mrAndPNG)
    }

    func testFilesFromStandardInputWithNullSeparators() throws {
        // Relative paths, read from the archive as the working directory; a name with a newline
        // in it could only be given this way.
        let list = (mrFiles + [png]).map { $0 + "\0" }.joined()
        let (result, summary) = try Dicomidx.scanWithSummary(["--files-from", "-", "--null"], stdin: Data(list.utf8), in: archive)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(counts(summary), mrAndPNG)
    }

    func testFilesFromStandardInputWithNewlines() throws {
        let list = (mrFiles + [png]).joined(separator: "\n")  // no newline after the last path
        let (result, summary) = try Dicomidx.scanWithSummary(["--files-from", "-"], stdin: Data(list.utf8), in: archive)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(counts(summary), mrAndPNG)
    }

    func testANameWithANewlineIsReadFromANullSeparatedList() throws {
        let directory = try TemporaryDirectory()
        let odd = try directory.copy(archive + "/" + mrFiles[0], to: "two\nlines")
        let (result, summary) = try Dicomidx.scanWithSummary(["--files-from", "-", "--null"], stdin: Data((odd + "\0").utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(summary["instances"] as? Int, 1)
    }

    func testANullSeparatedListReadAsLinesIsAnInvalidPathAndTheMessageIsWhole() throws {
        let list = mrFiles.map { $0 + "\0" }.joined() + "\n" + mrFiles[0] + "\n"
        let (result, summary) = try Dicomidx.scanWithSummary(["--files-from", "-"], stdin: Data(list.utf8), in: archive)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(summary["failed_by_reason"] as? [String: Int], ["invalid_path": 1])
        XCTAssertEqual(summary["instances"] as? Int, 1, "the line after it is still read")
        // The shown path holds the NUL bytes; the message and the summary after it are not cut there.
        XCTAssertTrue(result.stderr.contains(mrFiles[3] + "\0: a path in - contains a NUL byte (is the list NUL-separated?)\n"),
                      result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("(is the list NUL-separated?)\n"), "the summary ends with the error list")
    }

    func testAMissingListIsAUsageError() throws {
        let result = try Dicomidx.run(["scan", "--files-from", "/nonexistent/list.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("/nonexistent/list.txt: cannot open the list"), result.stderr)
        XCTAssertTrue(result.stdoutData.isEmpty)
    }

    // MARK: --exclude

    func testExcludeSkipsADirectoryByNameAndFilesByPattern() throws {
        // PAT001 holds both damaged files: without it the scan is clean.
        let (result, summary) = try Dicomidx.scanWithSummary([archive, "--exclude", "PAT001_MUELLER"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(counts(summary), ["files_seen": 7, "dicom_files": 6, "skipped": 1, "failed": 0,
                                         "studies": 2, "series": 4, "instances": 6])
        XCTAssertEqual(summary["excluded"] as? Int, 1, "the directory is not entered")

        let (patterns, patternSummary) = try Dicomidx.scanWithSummary([archive, "--exclude", "*.dcm", "--exclude", "*/SE002_*"])
        XCTAssertEqual(patterns.status, 1, patterns.stderr)
        // Left: PAT001 CT SE001 IM0001-IM0004 (IM0004 damaged), PAT002 SE001 IM0001-IM0002, PAT003 SE001 IM0002 (PNG).
        XCTAssertEqual(counts(patternSummary), ["files_seen": 7, "dicom_files": 5, "skipped": 1, "failed": 1,
                                                "studies": 2, "series": 2, "instances": 5])
    }

    // MARK: Symbolic links

    func testSymbolicLinksAreNotFollowedUnlessAsked() throws {
        let directory = try TemporaryDirectory()
        let links = directory.path + "/links"
        try FileManager.default.createDirectory(atPath: links, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: links + "/mr", withDestinationPath: archive + "/PAT002_YAMADA")
        try FileManager.default.createSymbolicLink(atPath: links + "/us.dcm",
                                                   withDestinationPath: archive + "/PAT003_DOE/20240520_US_ABDOMEN/SE001_LEBER/IM0001.dcm")

        let (plain, plainSummary) = try Dicomidx.scanWithSummary([links, "--format", "json"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(counts(plainSummary), ["files_seen": 2, "dicom_files": 0, "skipped": 2, "failed": 0,
                                              "studies": 0, "series": 0, "instances": 0])
        XCTAssertEqual(plainSummary["skipped_by_reason"] as? [String: Int], ["symlink": 2])
        XCTAssertEqual(plain.stdout, "[]\n", "no study")

        let (followed, followedSummary) = try Dicomidx.scanWithSummary([links, "--follow-symlinks"])
        XCTAssertEqual(followed.status, 0, followed.stderr)
        XCTAssertEqual(counts(followedSummary), ["files_seen": 5, "dicom_files": 5, "skipped": 0, "failed": 0,
                                                 "studies": 2, "series": 3, "instances": 5])
    }

    // MARK: Usage errors exit 2

    func testUsageErrorsExitTwoAndWriteNothing() throws {
        let directory = try TemporaryDirectory()
        let cases: [([String], String)] = [
            (["--format", "csv"], "--format csv needs --output-dir"),
            (["--null"], "--null needs --files-from"),
            (["--timezone", "Europe/Zurich"], "--timezone must be local, UTC, +hh:mm, -hh:mm or none"),
            (["--timezone", "+25:00"], "--timezone must be"),
            (["--jobs", "0"], "--jobs must be between 1 and 256"),
            (["--jobs", "many"], "--jobs"),
            (["--bundle-size", "0"], "--bundle-size must be at least 1"),
            (["--format", "xml"], "--format"),
            (["--output-dir", directory.path], "--output-dir is for --format csv"),
            (["--no-such-flag"], "--no-such-flag"),
        ]
        for (arguments, message) in cases {
            let result = try Dicomidx.run(["scan", archive] + arguments + ["--summary-json", directory.path + "/summary.json"])
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stdoutData.isEmpty, "\(arguments)")
            XCTAssertFalse(result.stderr.contains("files in"), "\(arguments): no scan ran")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "no summary was written")
        XCTAssertEqual(try Dicomidx.run(["scan"]).status, 2, "no path at all")
    }
}
