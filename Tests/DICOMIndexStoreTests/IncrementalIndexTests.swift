import DICOMStudies
import Foundation
import GRDB
import XCTest
@testable import DICOMIndexStore

/// Runs of `Indexer` over a copy of TestData: what is read, what is counted, what is kept.
final class IncrementalIndexTests: XCTestCase {
    func testFirstRunReadsEverythingAndCountsAsScanDoes() throws {
        let archive = try TestArchive()
        let summary = try archive.index().summary
        XCTAssertEqual(summary.new, 20)
        XCTAssertEqual(summary.filesRead, 20)
        XCTAssertEqual(summary.unchanged, 0)
        XCTAssertEqual(summary.scan.filesSeen, 20)
        XCTAssertEqual(summary.scan.dicomFiles, 15)
        XCTAssertEqual(summary.scan.skippedCount, 3)
        XCTAssertEqual(summary.scan.failedCount, 2)
        XCTAssertEqual([summary.scan.studies, summary.scan.series, summary.scan.instances], [4, 10, 15])
        XCTAssertEqual(summary.studiesChanged, 4)
        XCTAssertEqual(try archive.indexedStudies(), try archive.scannedStudies())
    }

    func testSecondRunOpensNothingAndReportsTheSameCounts() throws {
        let archive = try TestArchive()
        let first = try archive.index().summary
        let second = try archive.index().summary
        XCTAssertEqual(second.unchanged, 20)
        XCTAssertEqual(second.filesRead, 0)
        XCTAssertEqual([second.new, second.changed, second.rechecked, second.removed], [0, 0, 0, 0])
        XCTAssertEqual(second.studiesChanged, 0)
        // Files not read are counted by what their last read found, errors included.
        XCTAssertEqual(second.scan.summaryFields.map(\.0), first.scan.summaryFields.map(\.0))
        XCTAssertEqual(second.scan.errors, first.scan.errors)
        XCTAssertEqual(second.scan.skipped, first.scan.skipped)
        XCTAssertEqual([second.scan.dicomFiles, second.scan.instances], [15, 15])
    }

    func testTouchAddDeleteReadsOnlyTheTouchedAndAddedFiles() throws {
        let archive = try TestArchive()
        try archive.index()
        let store = try archive.store()
        let stampBefore = try store.latestStamp()

        let sop = try XCTUnwrap(archive.record(Files.ctFirst)?.sopInstanceUID)
        try archive.copy(Files.ctFirst, to: Files.ctAdded, replacing: sop, with: variant(of: sop, tail: "99"))
        try archive.touch(Files.usTouched)
        try archive.remove(Files.mrDeleted)

        let summary = try archive.index().summary
        XCTAssertEqual(summary.new, 1)
        XCTAssertEqual(summary.changed, 1)
        XCTAssertEqual(summary.unchanged, 18)
        XCTAssertEqual(summary.removed, 1)
        XCTAssertEqual(summary.filesRead, 2)
        XCTAssertEqual([summary.scan.studies, summary.scan.series, summary.scan.instances], [4, 10, 15])
        XCTAssertEqual(try archive.indexedStudies(), try archive.scannedStudies())

        // The touched US file has the same content: its study keeps its stamp.
        XCTAssertEqual(summary.studiesChanged, 2)
        let changes = try store.changes(since: stampBefore)
        XCTAssertEqual(Set(changes.changed.map(\.study.uid)), [Files.ctStudy, Files.mrStudy])
        XCTAssertTrue(changes.changed.allSatisfy { $0.stamp > stampBefore })
        XCTAssertEqual(changes.latest, try store.latestStamp())
        XCTAssertEqual(try store.studies(uids: [Files.mrStudy]).first?.numberOfInstances, 3)
    }

    func testAnUnchangedFileIsNotOpened() throws {
        let archive = try TestArchive()
        try archive.index()
        // Same inode, size and time, other bytes: a reader that opened it would find no DICOM.
        try archive.scramble(Files.dxUnchanged)
        let summary = try archive.index().summary
        XCTAssertEqual(summary.unchanged, 20)
        XCTAssertEqual(summary.scan.dicomFiles, 15)
        let dx = try XCTUnwrap(try archive.store().studies(uids: [Files.dxStudy]).first)
        XCTAssertEqual(dx.numberOfInstances, 2)
        // Once its time changes, it is read and found not to be DICOM any more.
        try archive.touch(Files.dxUnchanged)
        let after = try archive.index().summary
        XCTAssertEqual(after.changed, 1)
        XCTAssertEqual(after.scan.skipped[.notDICOM], 3)
        XCTAssertEqual(try archive.store().studies(uids: [Files.dxStudy]).first?.numberOfInstances, 1)
    }

    func testKeepMissingKeepsGoneFilesMarkedUntilARunWithout() throws {
        let archive = try TestArchive()
        try archive.index()
        try archive.remove(Files.mrDeleted)

        let kept = try archive.index(keepMissing: true).summary
        XCTAssertEqual(kept.removed, 1)
        XCTAssertEqual(kept.missing, 1)
        XCTAssertEqual(kept.scan.instances, 15, "a missing file keeps its instance")
        XCTAssertEqual(kept.studiesChanged, 0)
        let store = try archive.store()
        let missingFiles = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT missing_files FROM studies WHERE study_instance_uid = ?", arguments: [Files.mrStudy])
        }
        XCTAssertEqual(missingFiles, 1)
        let marked = try store.pool.read { db in
            try Data.fetchAll(db, sql: "SELECT path FROM files WHERE missing").map { ScanPath(bytes: [UInt8]($0)).description }
        }
        XCTAssertEqual(marked, [archive.path(Files.mrDeleted)])

        let again = try archive.index(keepMissing: true).summary
        XCTAssertEqual([again.removed, again.missing, again.scan.instances], [0, 1, 15])

        let removed = try archive.index().summary
        XCTAssertEqual([removed.removed, removed.missing, removed.scan.instances], [1, 0, 14])
        XCTAssertEqual(removed.studiesChanged, 1)
        XCTAssertEqual(try archive.indexedStudies(), try archive.scannedStudies())
    }

    func testAFileBackUnchangedIsNoLongerMissing() throws {
        let archive = try TestArchive()
        try archive.index()
        let moved = archive.root.appendingPathComponent("aside").path
        try FileManager.default.moveItem(atPath: archive.path(Files.mrDeleted), toPath: moved)
        XCTAssertEqual(try archive.index(keepMissing: true).summary.missing, 1)
        try FileManager.default.moveItem(atPath: moved, toPath: archive.path(Files.mrDeleted))
        let back = try archive.index(keepMissing: true).summary
        XCTAssertEqual([back.unchanged, back.missing, back.filesRead], [20, 0, 0])
    }

    func testFilesUnderAnInputThatCannotBeReadAreKept() throws {
        let archive = try TestArchive()
        let inputs = [archive.path("PAT001_MUELLER"), archive.path("PAT002_YAMADA")]
        try archive.index(inputs)
        let aside = archive.root.appendingPathComponent("PAT002_aside").path
        try FileManager.default.moveItem(atPath: archive.path("PAT002_YAMADA"), toPath: aside)
        let summary = try archive.index(inputs).summary
        XCTAssertEqual(summary.removed, 0, "a missing input (an unmounted disk?) empties nothing")
        XCTAssertEqual(summary.scan.failed[.notFound], 1)
        XCTAssertEqual(summary.scan.studies, 3)
    }

    func testFilesOutsideTheInputsAreLeftAlone() throws {
        let archive = try TestArchive()
        try archive.index()
        let summary = try archive.index([archive.path("PAT003_DOE")]).summary
        XCTAssertEqual([summary.unchanged, summary.removed], [3, 0])
        XCTAssertEqual(summary.scan.studies, 4)
    }

    func testRacyFilesAreReadAgainOnce() throws {
        let archive = try TestArchive()
        try archive.touch(Files.usTouched, Date())
        try archive.index()
        let second = try archive.index().summary
        XCTAssertEqual([second.rechecked, second.unchanged], [1, 19])
        XCTAssertEqual(second.studiesChanged, 0)
        try archive.touch(Files.usTouched, TestArchive.later)
        let third = try archive.index().summary
        XCTAssertEqual([third.changed, third.unchanged], [1, 19])
        let fourth = try archive.index().summary
        XCTAssertEqual(fourth.unchanged, 20)
    }
}
