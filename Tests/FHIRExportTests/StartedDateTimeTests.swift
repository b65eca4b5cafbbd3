#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DICOMCore
@testable import FHIRExport
import Foundation
import XCTest

final class StartedDateTimeTests: XCTestCase {
    private let plusTwo = DefaultTimezone.offset(UTCOffset(minutes: 120)!)

    private func started(_ date: String?, _ time: String?, _ offset: String? = nil,
                         _ zone: DefaultTimezone = .offset(.utc)) -> String? {
        StartedDateTime.value(date: date, time: time, offset: offset, default: zone)
    }

    func testTheFilesOffsetWinsOverTheDefault() {
        XCTAssertEqual(started("20040119", "072730", "-0500", plusTwo), "2004-01-19T07:27:30-05:00")
        XCTAssertEqual(started("20040119", "072730.123", "+0000", plusTwo), "2004-01-19T07:27:30.123+00:00")
    }

    func testWithoutAnOffsetTheDefaultTimezoneIsUsed() {
        XCTAssertEqual(started("20040119", "0727", nil, plusTwo), "2004-01-19T07:27:00+02:00")
        XCTAssertEqual(started("20040119", "07", nil, .offset(.utc)), "2004-01-19T07:00:00+00:00")
        XCTAssertEqual(started("20040119", "072730", "bogus", plusTwo), "2004-01-19T07:27:30+02:00")
    }

    func testDateOnlyDropsTheTimeWhenTheOffsetIsUnknown() {
        XCTAssertEqual(started("20040119", "072730", nil, .dateOnly), "2004-01-19")
        XCTAssertEqual(started("20040119", "072730", "+0100", .dateOnly), "2004-01-19T07:27:30+01:00")
    }

    func testADateWithoutTimeIsWrittenAlone() {
        XCTAssertEqual(started("20040119", nil), "2004-01-19")
        XCTAssertEqual(started("20040119", "99"), "2004-01-19")  // invalid time
        XCTAssertEqual(started("2004", "072730"), "2004")        // reduced precision: no time
        XCTAssertEqual(started("20040119", "235960"), "2004-01-19")  // leap second
    }

    func testNoValidDateGivesNothing() {
        XCTAssertNil(started(nil, "072730"))
        XCTAssertNil(started("20040230", "072730"))
        XCTAssertNil(started("00000000", nil))
    }

    func testLocalUsesTheMachinesZoneWithDaylightSavingTime() throws {
        guard FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Berlin") else {
            throw XCTSkip("no tz database")
        }
        let saved = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", "Europe/Berlin", 1)
        tzset()
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        XCTAssertEqual(started("20240115", "101500", nil, .local), "2024-01-15T10:15:00+01:00")
        XCTAssertEqual(started("20240715", "101500", nil, .local), "2024-07-15T10:15:00+02:00")
    }
}
