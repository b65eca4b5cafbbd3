import DICOMStudies
import FHIRExport
import Foundation
import XCTest
@testable import DICOMIndexStore

/// Studies rebuilt from the index equal those a scan groups, also when files of one study
/// change another (a shared series, a duplicated SOP Instance UID), and stamps only grow.
final class StudyRebuildTests: XCTestCase {
    func testAFileLinkingTwoStudiesChangesBothAndTheirRebuildMatchesAScan() throws {
        let archive = try TestArchive()
        try archive.index()
        XCTAssertEqual(Files.ctStudy.count, Files.dxStudy.count)
        // A CT file relabelled into the DX study, first in walk order: its series and SOP
        // Instance UID are the CT's, so the CT series and that instance now belong to the DX study.
        let link = "PAT001_MUELLER/0_relabelled/IM0001"
        try archive.copy(Files.ctFirst, to: link, replacing: Files.ctStudy, with: Files.dxStudy)
        let linked = try archive.index()
        XCTAssertEqual(linked.summary.studiesChanged, 2)
        XCTAssertFalse(linked.conflicts.isEmpty, "the series in two studies is a conflict")
        XCTAssertEqual(linked.summary.scan.duplicates, 1)
        XCTAssertEqual(try archive.indexedStudies(), try archive.scannedStudies())

        try archive.remove(link)
        let unlinked = try archive.index().summary
        XCTAssertEqual(unlinked.studiesChanged, 2)
        XCTAssertEqual(unlinked.scan.duplicates, 0)
        XCTAssertEqual(try archive.indexedStudies(), try archive.scannedStudies())
    }

    func testIndexedStudiesWriteTheSameFHIRAsScannedOnes() throws {
        let archive = try TestArchive()
        try archive.index()
        var catalog = StudyCatalog()
        ArchiveScanner().scan(ArchiveWalker(paths: [archive.archive])) { if let record = $0.record { catalog.add(record) } }
        let writer = FHIRWriter()
        var scanned = "", indexed = ""
        writer.write(.json, catalog.studies) { scanned += $0 }
        writer.write(.json, try archive.store().studies()) { indexed += $0 }
        XCTAssertEqual(indexed, scanned)
        XCTAssertTrue(indexed.contains("\"resourceType\":\"ImagingStudy\""))
    }

    func testAStudyWhoseFilesAreAllGoneIsRemovedWithAStamp() throws {
        let archive = try TestArchive()
        try archive.index()
        let store = try archive.store()
        let before = try store.latestStamp()
        try FileManager.default.removeItem(atPath: archive.path("PAT003_DOE"))
        let summary = try archive.index().summary
        XCTAssertEqual([summary.removed, summary.studiesRemoved, summary.scan.studies], [3, 1, 3])
        let changes = try store.changes(since: before)
        XCTAssertEqual(changes.removed.map(\.uid), [Files.usStudy])
        XCTAssertTrue(changes.changed.isEmpty)
        XCTAssertGreaterThan(changes.latest, before)
        XCTAssertTrue(try store.studies(uids: [Files.usStudy]).isEmpty)
    }

    func testMarksAreSavedByName() throws {
        let archive = try TestArchive()
        try archive.index()
        let store = try archive.store()
        XCTAssertNil(try store.mark("export"))
        try store.setMark("export", to: 7)
        try store.setMark("export", to: 9)
        XCTAssertEqual(try store.mark("export"), 9)
        XCTAssertTrue(try store.changes(since: store.latestStamp()).changed.isEmpty)
        XCTAssertEqual(try store.changes(since: 0).changed.map(\.study.uid), try store.studies().map(\.uid))
    }

    func testWalkOrderRanksTheSlashFirst() {
        // A walk of a/ yields a/b (inside directory "a") before a.x ("a" < "a.x" as names).
        XCTAssertTrue(WalkOrder.precedes(ScanPath("/r/a/b"), ScanPath("/r/a.x")))
        XCTAssertFalse(WalkOrder.precedes(ScanPath("/r/a.x"), ScanPath("/r/a/b")))
        XCTAssertTrue(WalkOrder.precedes(ScanPath("/r/a"), ScanPath("/r/a/b")))
        XCTAssertTrue(WalkOrder.precedes(ScanPath("/r/A"), ScanPath("/r/a")))
        XCTAssertFalse(WalkOrder.precedes(ScanPath("/r/a"), ScanPath("/r/a")))
    }

    func testAReadOnlyStoreOfNoIndexIsAnError() throws {
        let archive = try TestArchive()
        XCTAssertThrowsError(try SQLiteIndexStore(path: archive.root.appendingPathComponent("none.sqlite").path, mode: .readOnly))
        try archive.index()
        let reader = try SQLiteIndexStore(path: archive.database, mode: .readOnly)
        XCTAssertEqual(try reader.studies().count, 4)
    }
}
