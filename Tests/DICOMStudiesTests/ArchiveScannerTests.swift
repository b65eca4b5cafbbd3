@testable import DICOMStudies
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

final class ArchiveScannerTests: XCTestCase {
    /// Scans `inputs` and returns the items in the order the consumer got them, the summary and the catalog.
    private func scan(_ inputs: [String], jobs: Int, batchSize: Int = 64,
                      options: ArchiveWalker.Options = .init()) -> ([ScanItem], ScanSummary, StudyCatalog) {
        var scanner = ArchiveScanner(jobs: jobs)
        scanner.batchSize = batchSize
        var items: [ScanItem] = []
        var summary = ScanSummary()
        var catalog = StudyCatalog()
        scanner.scan(ArchiveWalker(paths: inputs, options: options)) { item in
            items.append(item)
            summary.count(item)
            if let record = item.record { catalog.add(record) }
        }
        summary.setCounts(from: catalog)
        return (items, summary, catalog)
    }

    func testTestDataArchiveHasFifteenInstancesInFourStudiesAndTheOtherFiveAccountedFor() {
        let (items, summary, catalog) = scan([testDataArchive], jobs: 4)
        XCTAssertEqual(items.count, 20)
        XCTAssertEqual(summary.filesSeen, 20)
        XCTAssertEqual(summary.dicomFiles, 15)
        XCTAssertEqual(summary.dicomdirs, 0)
        XCTAssertEqual(summary.skipped, [.notDICOM: 2, .empty: 1])
        XCTAssertEqual(summary.failed, [.damaged: 2])
        XCTAssertEqual(summary.excluded, 0)
        XCTAssertEqual(summary.warnings, [])
        XCTAssertEqual([catalog.studyCount, catalog.seriesCount, catalog.instanceCount], [4, 10, 15])
        XCTAssertEqual(catalog.duplicates, [])
        XCTAssertEqual(catalog.ungroupable, [])

        func outcome(_ relative: String) -> ScanItem.Outcome? {
            items.first { $0.path == ScanPath(testDataArchive + "/" + relative) }?.outcome
        }
        guard case .skipped(.notDICOM, _)? = outcome("PAT001_MUELLER/notes.dcm"),
              case .skipped(.notDICOM, _)? = outcome("PAT003_DOE/20240520_US_ABDOMEN/SE001_LEBER/IM0002") else {
            return XCTFail("the text file and the PNG are not DICOM")
        }
        XCTAssertEqual(outcome("PAT001_MUELLER/20240312_CT_THORAX/SE002_LUNGE_1MM/IM0003.dcm"), .skipped(.empty, detail: "0 bytes"))

        let overflow = testDataArchive + "/PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0004"
        let truncated = testDataArchive + "/PAT001_MUELLER/20240115_DX_THORAX/SE002_THORAX_LAT/IM0002.dcm"
        XCTAssertEqual(summary.errors.map(\.path), [truncated, overflow], "in walk order: 20240115 before 20240312")
        XCTAssertEqual(summary.errors.last?.offset, 462)
        XCTAssertEqual(summary.errors.last?.message.hasPrefix("(0008,0020)"), true, summary.errors.last?.message ?? "")
        XCTAssertEqual(summary.errors.first?.message.hasPrefix("(0010,0010)"), true, summary.errors.first?.message ?? "")
    }

    func testResultsArriveInWalkOrderWhateverTheNumberOfJobs() {
        let walkOrder = ArchiveWalker(paths: [testDataArchive]).map(\.path)
        let one = scan([testDataArchive], jobs: 1).0
        let eight = scan([testDataArchive], jobs: 8).0
        let eightSmallBatches = scan([testDataArchive], jobs: 8, batchSize: 1).0
        XCTAssertEqual(one.map(\.path), walkOrder)
        XCTAssertEqual(one, eight)
        XCTAssertEqual(one, eightSmallBatches)
    }

    func testOrderHoldsOverManyFilesWithSmallBatchesAndABoundedWindow() throws {
        let tree = try TemporaryTree()
        let dicom = try testDataFile("PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0001")
        for index in 0..<300 {
            try tree.file("d\(index % 7)/f\(index)", index % 5 == 0 ? Array("text".utf8) : dicom)
        }
        var scanner = ArchiveScanner(jobs: 8)
        scanner.batchSize = 3
        scanner.window = 2
        var paths: [ScanPath] = []
        scanner.scan(ArchiveWalker(paths: [tree.root])) { paths.append($0.path) }
        XCTAssertEqual(paths, ArchiveWalker(paths: [tree.root]).map(\.path))
        XCTAssertEqual(paths.count, 300)
    }

    func testAFileThatVanishesBetweenWalkAndReadIsFailed() throws {
        let tree = try TemporaryTree()
        try tree.file("a.dcm", try testDataFile("PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0001"))
        try tree.file("b.dcm")
        let entries = Array(ArchiveWalker(paths: [tree.root]))
        XCTAssertEqual(unlink(tree.path("a.dcm")), 0)
        var items: [ScanItem] = []
        ArchiveScanner(jobs: 2).scan(entries: entries) { items.append($0) }
        XCTAssertEqual(items.map(\.outcome), [
            .failed(.notFound, ScanProblem(path: tree.path("a.dcm"), offset: nil,
                                           message: "vanished before it could be read: No such file or directory")),
            .skipped(.notDICOM, detail: "no DICM prefix at offset 128 and no plausible data element at offset 0"),
        ])
    }

    func testANameThatIsNotUTF8IsReadAsAnInstance() throws {
        let tree = try TemporaryTree()
        let bytes = try testDataFile("PAT002_YAMADA/20240405_MR_KNEE/SE001_PD_TSE_FS_SAG/IM0001")
        let path = ScanPath(tree.root).appending([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]) // "Müller" in Latin-1
        let fd = path.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        XCTAssertEqual(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, bytes.count)
        close(fd)
        let (items, summary, _) = scan([tree.root], jobs: 2)
        XCTAssertEqual(summary.dicomFiles, 1)
        XCTAssertEqual(items.first?.path, path)
        XCTAssertEqual(items.first?.record?.path, tree.root + #"/M\xFCller"#)
    }

    func testAFIFOHandedToTheReaderIsSkippedWithoutBlocking() throws {
        let tree = try TemporaryTree()
        XCTAssertEqual(mkfifo(tree.path("pipe"), 0o644), 0)
        // As if the walk had seen a regular file that was then replaced by a FIFO.
        let entry = WalkEntry(path: ScanPath(tree.path("pipe")), kind: .file)
        let item = try XCTUnwrap(withTimeout(20) { ArchiveScanner(jobs: 1).item(for: entry) }, "the read blocked")
        XCTAssertEqual(item.outcome, .skipped(.specialFile, detail: "no longer a regular file when it was opened"))
    }

    func testAFileWithoutReadPermissionIsFailed() throws {
        let tree = try TemporaryTree()
        let path = try tree.file("locked.dcm", try testDataFile("PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0001"))
        XCTAssertEqual(chmod(path, 0), 0)
        let item = ArchiveScanner(jobs: 1).item(for: WalkEntry(path: ScanPath(path), kind: .file))
        if geteuid() == 0 {
            throw XCTSkip("running as root: chmod 000 does not deny root, so the denied case cannot be checked here")
        }
        XCTAssertEqual(item.outcome, .failed(.permissionDenied, ScanProblem(path: path, offset: nil,
                                                                            message: "cannot open: Permission denied")))
    }

    func testAFileDamagedAfterItsUIDsIsAnInstanceWithAWarning() throws {
        let tree = try TemporaryTree()
        // Cut 2 bytes into the value of Pixel Spacing (0028,0030) DS at offset 1518, well after
        // the Series Instance UID (0020,000E) at offset 1242.
        let whole = try testDataFile("PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0001")
        let path = try tree.file("cut", Array(whole.prefix(1518 + 8 + 2)))
        let (items, summary, catalog) = scan([tree.root], jobs: 1)
        guard case .instance(let record, let warning?)? = items.first?.outcome else {
            return XCTFail("\(items)")
        }
        XCTAssertEqual(record.seriesNumber, 1)
        XCTAssertEqual(warning.path, path)
        XCTAssertEqual(warning.offset, 1518)
        XCTAssertTrue(warning.message.hasPrefix("(0028,0030) DS: "), warning.message)
        XCTAssertEqual(summary.dicomFiles, 1)
        XCTAssertEqual(summary.failedCount, 0)
        XCTAssertEqual(summary.warnings, [warning])
        XCTAssertEqual(catalog.instanceCount, 1)
    }

    func testASymlinkLoopIsSkippedAndListedAsAWarning() throws {
        let tree = try TemporaryTree()
        try tree.file("real/f.dcm", try testDataFile("PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0001"))
        try tree.link("real/loop", to: "..")
        let (_, summary, _) = scan([tree.root], jobs: 2, options: ArchiveWalker.Options(followSymlinks: true))
        XCTAssertEqual(summary.filesSeen, 2)
        XCTAssertEqual(summary.dicomFiles, 1)
        XCTAssertEqual(summary.skipped, [.symlinkLoop: 1])
        XCTAssertEqual(summary.warnings, [ScanProblem(path: tree.path("real/loop"), offset: nil,
                                                      message: "directory loop: leads back to \(tree.root)")])
    }

    func testADICOMDIRIsCountedNotGrouped() throws {
        let tree = try TemporaryTree()
        try tree.file("DICOMDIR", minimalDICOMDIR())
        let (items, summary, catalog) = scan([tree.root], jobs: 1)
        XCTAssertEqual(items.map(\.outcome), [.dicomdir])
        XCTAssertEqual(summary.dicomFiles, 1)
        XCTAssertEqual(summary.dicomdirs, 1)
        XCTAssertEqual(catalog.instanceCount + catalog.ungroupable.count, 0)
    }

    func testADICOMDIRWithADamagedRecordIsFailedNotCounted() throws {
        let tree = try TemporaryTree()
        let bytes = minimalDICOMDIR(records: [
            0x04, 0x00, 0x20, 0x12, 0x53, 0x51, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, // (0004,1220) SQ, undefined length
            0xFE, 0xFF, 0x00, 0xE0, 0xF8, 0x00, 0x00, 0x00,                   // Item, length 248
            0x04, 0x00, 0x10, 0x14,                                           // ... but only 4 bytes follow
        ])
        let path = try tree.file("DICOMDIR", bytes)
        let (items, summary, _) = scan([tree.root], jobs: 1)
        XCTAssertEqual(items.map(\.outcome), [.failed(.damaged, ScanProblem(
            path: path, offset: bytes.count - 12, message: "(FFFE,E000): length 248 exceeds the 4 bytes left"))])
        XCTAssertEqual(summary.dicomFiles, 0)
        XCTAssertEqual(summary.dicomdirs, 0)
        XCTAssertEqual(summary.failed, [.damaged: 1])
    }

    func testAnErrorFromTheConsumerStopsTheScanAndIsRethrown() throws {
        struct Stop: Error {}
        var seen = 0
        XCTAssertThrowsError(try ArchiveScanner(jobs: 4).scan(ArchiveWalker(paths: [testDataArchive])) { _ in
            seen += 1
            if seen == 3 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, 3)
    }

    func testExcludedPathsAreCountedApartFromFilesSeen() {
        let options = ArchiveWalker.Options(exclude: ExcludePatterns(["PAT00[23]_*", "*.dcm"]))
        let (_, summary, _) = scan([testDataArchive], jobs: 2, options: options)
        // PAT001 without its .dcm files: IM0001-IM0004 of the CT series.
        XCTAssertEqual(summary.filesSeen, 4)
        XCTAssertEqual(summary.dicomFiles, 3)
        XCTAssertEqual(summary.failed, [.damaged: 1])
        XCTAssertEqual(summary.excluded, 2 + 9)
    }

    /// A DICOMDIR reduced to what identifies one: file meta naming the Media Storage Directory
    /// SOP Class, and `records`, by default an empty Directory Record Sequence.
    private func minimalDICOMDIR(records: [UInt8]? = nil) -> [UInt8] {
        func element(_ group: UInt16, _ element: UInt16, _ vr: String, _ value: [UInt8]) -> [UInt8] {
            var bytes = [UInt8(group & 0xFF), UInt8(group >> 8), UInt8(element & 0xFF), UInt8(element >> 8)]
            bytes += Array(vr.utf8)
            if ["OB", "SQ", "UN"].contains(vr) {
                bytes += [0, 0] + withUnsafeBytes(of: UInt32(value.count).littleEndian, Array.init)
            } else {
                bytes += withUnsafeBytes(of: UInt16(value.count).littleEndian, Array.init)
            }
            return bytes + value
        }
        func uid(_ text: String) -> [UInt8] { Array(text.utf8) + (text.utf8.count % 2 == 1 ? [0] : []) }
        var meta: [UInt8] = []
        meta += element(0x0002, 0x0001, "OB", [0, 1])                             // File Meta Information Version
        meta += element(0x0002, 0x0002, "UI", uid("1.2.840.10008.1.3.10"))        // Media Storage SOP Class: DICOMDIR
        meta += element(0x0002, 0x0003, "UI", uid("2.25.1"))                      // Media Storage SOP Instance UID
        meta += element(0x0002, 0x0010, "UI", uid("1.2.840.10008.1.2.1"))         // Explicit VR Little Endian
        var bytes = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
        bytes += element(0x0002, 0x0000, "UL", withUnsafeBytes(of: UInt32(meta.count).littleEndian, Array.init))
        bytes += meta
        bytes += element(0x0004, 0x1130, "CS", Array("FILESET ".utf8))          // File-set ID
        bytes += records ?? element(0x0004, 0x1220, "SQ", [])                    // Directory Record Sequence, empty
        return bytes
    }
}
