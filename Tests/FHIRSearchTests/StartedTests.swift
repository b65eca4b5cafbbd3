import DICOMCore
import FHIRExport
import FHIRSearch
import XCTest

/// `started` on the hand-built studies, whose `started` ranges are (UTC):
/// A [2024-03-12T13:30:00, +1 s), B [2024-03-12, 2024-03-13), C [2023-11-01, 2023-12-01),
/// D none, E [2023-12-31T23:59:59.5, +0.1 s).
final class StartedTests: XCTestCase {
    private let (a, b, c, e) = ("1.2.10", "1.2.20", "1.2.30", "1.2.50")

    func testEqMeansTheSearchRangeContainsTheStudysRange() {
        XCTAssertEqual(uids(["started=2024-03-12"]), [a, b])
        XCTAssertEqual(uids(["started=eq2024-03-12"]), [a, b])
        XCTAssertEqual(uids(["started=2024"]), [a, b])
        XCTAssertEqual(uids(["started=2023"]), [c, e])
        XCTAssertEqual(uids(["started=2023-11"]), [c])
        XCTAssertEqual(uids(["started=2023-11-15"]), [])  // a day cannot contain a month
        XCTAssertEqual(uids(["started=2024-03-12T14:30:00+01:00"]), [a])
        XCTAssertEqual(uids(["started=2024-03-12T13:30Z"]), [a])  // minute precision
        XCTAssertEqual(uids(["started=2024-03-12T13:30:00.5Z"]), [])
        XCTAssertEqual(uids(["started=2023-12-31T23:59:59Z"]), [e])  // .5 lies within that second
        XCTAssertEqual(uids(["started=2023-12-31T23:59:59.5Z"]), [e])
        XCTAssertEqual(uids(["started=2023-12-31T23:59:59.50Z"]), [])  // a hundredth cannot contain a tenth
    }

    func testNeIsEverythingEqIsNotButStudiesWithoutStarted() {
        XCTAssertEqual(uids(["started=ne2024-03-12"]), [c, e])
        XCTAssertEqual(uids(["started=ne2024-03-12T14:30:00+01:00"]), [b, c, e])
    }

    func testGtMeansTheStudyReachesPastTheEndOfTheSearchRange() {
        XCTAssertEqual(uids(["started=gt2023-12-31"]), [a, b])
        XCTAssertEqual(uids(["started=gt2024-03-11"]), [a, b])
        XCTAssertEqual(uids(["started=gt2024-03-12"]), [])
        XCTAssertEqual(uids(["started=gt2024-03-12T14:00:00+01:00"]), [a, b])  // B's day reaches past 13:00Z
        XCTAssertEqual(uids(["started=gt2023-11-15"]), [a, b, c, e])  // C's month reaches past the 15th
    }

    func testLtMeansTheStudyBeginsBeforeTheSearchRange() {
        XCTAssertEqual(uids(["started=lt2024-03-12"]), [c, e])
        XCTAssertEqual(uids(["started=lt2024-03-12T14:00:00+01:00"]), [b, c, e])
        XCTAssertEqual(uids(["started=lt2023-11-15"]), [c])
        XCTAssertEqual(uids(["started=lt2023-11"]), [])
    }

    func testGeAndLeAddTheStudiesTheSearchRangeContains() {
        XCTAssertEqual(uids(["started=ge2024-03-12"]), [a, b])
        XCTAssertEqual(uids(["started=ge2023-12-31T23:59:59.5Z"]), [a, b, e])
        XCTAssertEqual(uids(["started=ge2024-03-12T14:30:00+01:00"]), [a, b])
        XCTAssertEqual(uids(["started=le2023-11-15"]), [c])
        XCTAssertEqual(uids(["started=le2023-12-31"]), [c, e])
        XCTAssertEqual(uids(["started=le2024-03-12T14:30:00+01:00"]), [a, b, c, e])
    }

    func testSaAndEbNeedNoOverlapAtAll() {
        XCTAssertEqual(uids(["started=sa2023-11"]), [a, b, e])
        XCTAssertEqual(uids(["started=sa2023-12-31"]), [a, b])
        XCTAssertEqual(uids(["started=sa2024-03-12T00:00:00Z"]), [a])  // B's day begins within that second
        XCTAssertEqual(uids(["started=eb2024-03-12"]), [c, e])
        XCTAssertEqual(uids(["started=eb2024-03-12T13:30:00Z"]), [c, e])  // B's day is not over by then
        XCTAssertEqual(uids(["started=eb2024"]), [c, e])
    }

    func testApWidensTheSearchRangeByATenthOfTheTimeToNow() {
        // now is 2024-03-13T00:00Z: 2024-03-12 widens by 2.4 h each side, the last second of 2023 by ~7.2 days.
        XCTAssertEqual(uids(["started=ap2024-03-12"]), [a, b])
        XCTAssertEqual(uids(["started=ap2024-03-12T16:00:00Z"]), [b])  // 48 min each side: A at 13:30Z is too early
        XCTAssertEqual(uids(["started=ap2023-12-31T23:59:59Z"]), [e])
        XCTAssertEqual(uids(["started=ap2023-12-24T00:00:00Z"]), [e])
        XCTAssertEqual(uids(["started=ap2023-12-20T00:00:00Z"]), [])
    }

    func testCommasAreOrAndRepeatedParametersAreAnd() {
        XCTAssertEqual(uids(["started=2023-11,2024-03-12T14:30:00+01:00"]), [a, c])
        XCTAssertEqual(uids(["started=ge2024-01-01", "started=lt2024-03-12T14:00:00+01:00"]), [b])
        XCTAssertEqual(uids(["started=ge2023-12", "started=le2023-12-31"]), [e])
    }

    func testMissing() {
        XCTAssertEqual(uids(["started:missing=true"]), ["1.2.40"])
        XCTAssertEqual(uids(["started:missing=false"]), [a, b, c, e])
    }

    func testDatesAndTimesWithoutOffsetArePlacedInTheDefaultTimezone() {
        let plusOne = FHIROptions(defaultTimezone: .offset(UTCOffset(minutes: 60)!))
        // B's day 2024-03-12 is [03-11T23:00Z, 03-12T23:00Z) at +01:00.
        XCTAssertEqual(uids(["started=lt2024-03-12T00:00:00Z"], options: plusOne), [b, c, e])
        XCTAssertEqual(uids(["started=lt2024-03-12T00:00:00Z"]), [c, e])
        XCTAssertEqual(uids(["started=2024-03-12T23:30:00Z"], options: plusOne), [])
        XCTAssertEqual(uids(["started=gt2024-03-12T23:30:00Z"]), [b])
        XCTAssertEqual(uids(["started=gt2024-03-12T23:30:00Z"], options: plusOne), [])
        // A search value without offset is read at +01:00 too, so the same day matches B either way.
        XCTAssertEqual(uids(["started=2024-03-12"], options: plusOne), [a, b])
        // E's time has no offset in the file: at +01:00 it is 22:59:59.5Z.
        XCTAssertEqual(uids(["started=2023-12-31T22:59:59Z"], options: plusOne), [e])
        XCTAssertEqual(uids(["started=2023-12-31T23:59:59"], options: plusOne), [e])
    }

    func testLocalTimeUsesThisMachinesOffsetForTheSearchAndTheStudyAlike() {
        let local = FHIROptions(defaultTimezone: .local)
        XCTAssertEqual(uids(["started=2024-03-12"], options: local), [a, b])
        XCTAssertEqual(uids(["started=2023-12-31T23:59:59"], options: local), [e])
        let dateOnly = FHIROptions(defaultTimezone: .dateOnly)
        XCTAssertEqual(uids(["started=2023-12-31"], options: dateOnly), [e])  // written as the date alone
        XCTAssertEqual(uids(["started=2023-12-31T23:59:59"], options: dateOnly), [])
    }
}
