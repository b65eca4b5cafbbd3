import DICOMStudies
import XCTest
@testable import DICOMIndexStore

/// What the indexer asks of the store a batch or a page at a time, instead of loading every
/// file it holds.
final class KnownFileLookupTests: XCTestCase {
    func testABatchOfPathsComesBackInOrderWithNilForPathsNotHeld() throws {
        let archive = try TestArchive()
        try archive.index()
        let store = try archive.store()
        let paths = [Files.ctFirst, "no/such/file", Files.dxUnchanged].map { ScanPath(archive.path($0)) }
        let known = try store.knownFiles(paths)
        XCTAssertEqual(known.map { $0?.path }, [paths[0], nil, paths[2]])
        XCTAssertEqual(known[2]?.outcome, .instance(warning: nil))
        XCTAssertEqual(try store.knownFiles([]).count, 0)
    }

    func testPagesGoThroughEveryFileOnceInIDOrder() throws {
        let archive = try TestArchive()
        try archive.index()
        let store = try archive.store()
        var ids: [Int64] = []
        var after: Int64 = 0
        while true {
            let page = try store.indexedFiles(after: after, limit: 6)
            guard let last = page.last else { break }
            XCTAssertLessThanOrEqual(page.count, 6)
            ids += page.map(\.id)
            after = last.id
        }
        XCTAssertEqual(ids.count, 20)
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertEqual(Set(ids).count, 20)
        XCTAssertEqual(ids.last, try store.lastFileID())
    }

    func testTheSetOfFilesSeenHoldsExactlyTheIDsPutIn() {
        var set = FileIDSet()
        let ids: [Int64] = [0, 1, 63, 64, 65, 1000, 100_000]
        for id in ids { set.insert(id) }
        for id in ids { XCTAssertTrue(set.contains(id), "\(id)") }
        for id: Int64 in [2, 62, 66, 999, 1001, 99_999, 100_001, 5_000_000, -1] { XCTAssertFalse(set.contains(id), "\(id)") }
    }
}
