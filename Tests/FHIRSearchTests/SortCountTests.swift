import FHIRExport
import FHIRSearch
import XCTest

/// `_sort` and `_count`, and `search` reporting the total before `_count`.
final class SortCountTests: XCTestCase {
    func testWithoutSortTheGivenOrderIsKept() {
        XCTAssertEqual(uids(["modality=CT,MR,US"], in: Fixtures.handBuilt.reversed()), ["1.2.50", "1.2.30", "1.2.20", "1.2.10"])
    }

    func testSortByStartedPutsStudiesWithoutOneLastInBothDirections() {
        XCTAssertEqual(uids(["_sort=started"]), ["1.2.30", "1.2.50", "1.2.20", "1.2.10", "1.2.40"])
        XCTAssertEqual(uids(["_sort=-started"]), ["1.2.10", "1.2.20", "1.2.50", "1.2.30", "1.2.40"])
    }

    func testSortByIdOrdersTheNameBasedUUIDs() {
        let expected = Fixtures.handBuilt.map(\.uid).sorted { NameBasedUUID.study(uid: $0) < NameBasedUUID.study(uid: $1) }
        XCTAssertEqual(uids(["_sort=_id"]), expected)
        XCTAssertEqual(uids(["_sort=-_id"]), expected.reversed())
    }

    func testSeveralKeysAreMostSignificantFirst() {
        XCTAssertEqual(uids(["_sort=patient,-started"]), ["1.2.10", "1.2.30", "1.2.20", "1.2.50", "1.2.40"])
        XCTAssertEqual(uids(["_sort=modality,accession"]), ["1.2.10", "1.2.50", "1.2.20", "1.2.40", "1.2.30"])
        XCTAssertEqual(uids(["_sort=-accession"]), ["1.2.30", "1.2.20", "1.2.10", "1.2.40", "1.2.50"])
        XCTAssertEqual(uids(["_sort=referrer"]), ["1.2.20", "1.2.10", "1.2.30", "1.2.40", "1.2.50"])
        XCTAssertEqual(uids(["_sort=status,-identifier"]), ["1.2.50", "1.2.40", "1.2.30", "1.2.20", "1.2.10"])
    }

    func testCountCutsAfterSortingAndTheTotalCountsEveryMatch() throws {
        let query = try ImagingStudyQuery(["status=available", "_sort=started", "_count=2"], options: Fixtures.utc)
        let result = query.search(Fixtures.handBuilt)
        XCTAssertEqual(result.total, 5)
        XCTAssertEqual(result.studies.map(\.uid), ["1.2.30", "1.2.50"])
        XCTAssertEqual(query.apply(Fixtures.handBuilt).map(\.uid), ["1.2.30", "1.2.50"])
        let none = try ImagingStudyQuery(["modality=CT", "_count=0"]).search(Fixtures.handBuilt)
        XCTAssertEqual(none.total, 2)
        XCTAssertEqual(none.studies.count, 0)
    }

    func testMatchesIsTheFilterOfApply() throws {
        let query = try ImagingStudyQuery(["modality=CT", "started=ge2024"], options: Fixtures.utc)
        XCTAssertEqual(Fixtures.handBuilt.map(query.matches), [true, false, false, false, false])
    }
}
