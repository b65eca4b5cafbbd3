@testable import DICOMStudies
import XCTest

/// The catalog's compact instance lists and their temporary file give back exactly what was
/// added, in the same order, whether the lists stayed in memory or not.
final class StudyCatalogSpillTests: XCTestCase {
    /// Records of 3 studies, 6 series (one shared by two studies, one with a Modality
    /// conflict), instance numbers out of order, negative and missing, titles with escapes and
    /// non-ASCII text, SOP classes absent, a duplicate inside a series and one across series.
    private func records() -> [InstanceRecord] {
        var records: [InstanceRecord] = []
        for study in 1...3 {
            for series in 1...2 {
                for instance in [5, 3, -1, 4, 1, 2, 0] {
                    let uid = "1.2.826.0.1.3680043.8.498.\(study).\(series)"
                    var record = InstanceRecord(path: "/archive/S\(study)/SE\(series)/IM\(instance + 10).dcm")
                    record.studyInstanceUID = "1.2.826.0.1.3680043.8.498.\(study)"
                    record.seriesInstanceUID = uid
                    record.sopInstanceUID = uid + ".\(instance + 10)"
                    record.sopClassUID = instance == 4 ? nil : "1.2.840.10008.5.1.4.1.1.\(series + 1)"
                    record.instanceNumber = instance == 0 ? nil : instance
                    record.numberOfFrames = instance == 2 ? 120 : nil
                    record.title = instance == 3 ? "Tête \"axiale\"\n\\ 頭部" : nil
                    record.seriesNumber = series
                    record.modality = series == 1 ? "CT" : "SR"
                    record.patientID = "P\(study)"
                    record.studyDate = "2024010\(4 - study)"
                    records.append(record)
                }
            }
        }
        var shared = records[0]
        (shared.path, shared.sopInstanceUID, shared.studyInstanceUID) = ("/archive/other/IM1.dcm", "9.9.9", "1.2.826.0.1.3680043.8.498.3")
        var conflicting = records[1]
        (conflicting.path, conflicting.sopInstanceUID, conflicting.modality) = ("/archive/other/IM2.dcm", "9.9.8", "MR")
        var sameSeries = records[2]
        sameSeries.path = "/archive/copy/IM3.dcm"
        var otherSeries = records[3]
        (otherSeries.path, otherSeries.seriesInstanceUID) = ("/archive/copy/IM4.dcm", "7.7.7")
        return records + [shared, conflicting, sameSeries, otherSeries]
    }

    private func catalog(spillThreshold: Int) -> StudyCatalog {
        var catalog = StudyCatalog(spillThreshold: spillThreshold)
        for record in records() { catalog.add(record) }
        return catalog
    }

    func testASpilledCatalogGivesTheSameStudiesDuplicatesAndConflictsAsOneInMemory() {
        let memory = catalog(spillThreshold: .max)
        let spilled = catalog(spillThreshold: 0)
        XCTAssertNil(memory.spill.file, "nothing written under the threshold")
        XCTAssertNotNil(spilled.spill.file, "every instance written at once")
        XCTAssertNil(spilled.spillProblem)
        XCTAssertEqual(spilled.studies, memory.studies)
        XCTAssertEqual(spilled.duplicates, memory.duplicates)
        XCTAssertEqual(spilled.conflicts, memory.conflicts)
        XCTAssertEqual([spilled.studyCount, spilled.seriesCount, spilled.instanceCount, spilled.duplicateCount], [3, 6, 44, 2])
    }

    func testInstanceListsHoldTheInstancesOfTheStudies() {
        let catalog = catalog(spillThreshold: 0)
        var fromLists: [StudyEntry] = []
        catalog.sortedStudies.forEachStudy { study, lists in
            var study = study
            XCTAssertEqual(study.series.map(\.instances.count), study.series.map { _ in 0 }, "left empty")
            for index in study.series.indices { study.series[index].instances = lists[index].entries }
            fromLists.append(study)
        }
        XCTAssertEqual(fromLists, catalog.studies)
        XCTAssertEqual(InstanceList(catalog.studies[0].series[0].instances).entries, catalog.studies[0].series[0].instances)
    }

    func testUIDsSortAsStringsDoAlsoWhenNotASCII() {
        var list = InstanceList()
        let uids = ["1.2.10", "1.2.9", "1.2.é", "1.2.e\u{301}x", "1.2.ea", "1.2.", "1.2.f"]
        for uid in uids {
            list.append(number: 1, numberOfFrames: nil, uid: uid.utf8, sopClassUID: nil as String.UTF8View?,
                        title: nil as String.UTF8View?, path: "/".utf8)
        }
        list.append(number: nil, numberOfFrames: nil, uid: "0".utf8, sopClassUID: nil as String.UTF8View?,
                    title: nil as String.UTF8View?, path: "/".utf8)
        list.sortByNumberThenUID()
        XCTAssertEqual(list.entries.map(\.sopInstanceUID), uids.sorted() + ["0"])
    }

    func testInstancesComeBackWithEveryValueInNumberThenUIDOrder() throws {
        let study = try XCTUnwrap(catalog(spillThreshold: 0).studies.last)
        let series = study.series[0]
        XCTAssertEqual(series.instances.map(\.number), [-1, 1, 2, 3, 3, 4, 5, 5, nil], "with two files of study 3")
        let title = try XCTUnwrap(series.instances.first { $0.number == 3 })
        XCTAssertEqual(title.title, "Tête \"axiale\"\n\\ 頭部")
        XCTAssertEqual(title.path, "/archive/S1/SE1/IM13.dcm")
        XCTAssertEqual(series.instances.first { $0.number == 2 }?.numberOfFrames, 120)
        XCTAssertNil(series.instances.first { $0.number == 4 }?.sopClassUID)
        XCTAssertEqual(series.instances.first { $0.number == 5 }?.sopClassUID, "1.2.840.10008.5.1.4.1.1.2")
    }

    func testDuplicatesNameTheFirstFileAlsoPastOnePass() {
        let duplicates = catalog(spillThreshold: 0).duplicates
        XCTAssertEqual(duplicates.map(\.duplicatePath), ["/archive/copy/IM3.dcm", "/archive/copy/IM4.dcm"])
        XCTAssertEqual(duplicates.map(\.firstPath), ["/archive/S1/SE1/IM9.dcm", "/archive/S1/SE1/IM14.dcm"])

        var many = StudyCatalog(spillThreshold: 1000)
        for copy in 0..<2 {
            for index in 0..<(StudyCatalog.duplicatesPerPass + 10) {
                var record = InstanceRecord(path: "/copy\(copy)/\(index)")
                (record.studyInstanceUID, record.seriesInstanceUID, record.sopInstanceUID) = ("1", "1.1", "1.1.\(index)")
                many.add(record)
            }
        }
        let listed = many.duplicates
        XCTAssertEqual(listed.count, StudyCatalog.duplicatesPerPass + 10)
        XCTAssertEqual(listed.last, .init(sopInstanceUID: "1.1.\(StudyCatalog.duplicatesPerPass + 9)",
                                          firstPath: "/copy0/\(StudyCatalog.duplicatesPerPass + 9)",
                                          duplicatePath: "/copy1/\(StudyCatalog.duplicatesPerPass + 9)"))
    }

    func testACopyOfACatalogIsIndependentOfTheOriginal() {
        let original = catalog(spillThreshold: 0)
        let before = original.studies
        var copy = original
        var record = records()[5]
        (record.path, record.sopInstanceUID) = ("/archive/late.dcm", "8.8.8")
        copy.add(record)
        XCTAssertEqual(original.studies, before)
        XCTAssertEqual(copy.instanceCount, original.instanceCount + 1)
        XCTAssertEqual(copy.studies.flatMap(\.series).map(\.instances.count).reduce(0, +), original.instanceCount + 1)
    }

    func testSOPClassesPastTheTableLimitAreKeptAsText() {
        var catalog = StudyCatalog(spillThreshold: 0)
        for index in 0..<(catalog.sopClasses.limit + 5) {
            var record = InstanceRecord(path: "/\(index)")
            (record.studyInstanceUID, record.seriesInstanceUID, record.sopInstanceUID) = ("1", "1.1", "1.1.\(index)")
            record.sopClassUID = "1.2.3.\(index)"
            record.instanceNumber = index
            catalog.add(record)
        }
        let instances = catalog.studies[0].series[0].instances
        XCTAssertEqual(catalog.sopClasses.strings.count, catalog.sopClasses.limit)
        XCTAssertEqual(instances.map(\.sopClassUID), (0..<(catalog.sopClasses.limit + 5)).map { "1.2.3.\($0)" })
    }

    func testIntegersAndFrontCodedTextsRoundTrip() {
        var bytes: [UInt8] = []
        let numbers = [0, 1, -1, 63, -64, 64, 300, Int.max, Int.min, Int(Int32.min)]
        for number in numbers { ByteCoding.appendSigned(number, to: &bytes) }
        var previous: [UInt8] = []
        let texts = ["1.2.3.4.5", "1.2.3.4.6", "1.2.3.4.6", "", "1.2.3.45", "Ü/ä.dcm", "Ü/b.dcm",
                     "1.2.826.0.1.3680043.8.498.12345678901234567890", "1.2.826.0.1.3680043.8.498.12345678901234567891",
                     "1.2.826.0.1.3680043.8.498.1234567", "1.2.826.0.1.3680043.8.498.1234567", "1.2.826.0.1.3680043"]
        for text in texts { ByteCoding.appendFrontCoded(text, previous: &previous, to: &bytes) }
        var cursor = ByteCursor(bytes)
        XCTAssertEqual(numbers.map { _ in cursor.signed() }, numbers)
        var decoded: [UInt8] = []
        XCTAssertEqual(texts.map { _ in cursor.frontCoded(previous: &decoded) ? String(decoding: decoded, as: UTF8.self) : nil },
                       texts)
        XCTAssertTrue(cursor.isAtEnd)
        XCTAssertNil(cursor.byte(), "past the end: nil, not a trap")
    }

    func testDamagedBytesAreAnErrorNotATrap() {
        var stream = InstanceStream()
        stream.append(uid: "1.2.3", sopClass: .interned(7), number: 1, title: nil, frames: nil, path: "/a")
        XCTAssertThrowsError(try stream.list(file: nil, sopClasses: [])) {
            XCTAssertEqual($0 as? CatalogError, .damagedSpill, "SOP class index 7 of an empty table")
        }
    }

    func testTheKeySetHoldsEveryKeyOnce() {
        var set = InstanceKeySet()
        for index in 0..<50_000 { XCTAssertTrue(set.insert(.init("1.2.\(index)"))) }
        for index in stride(from: 0, to: 50_000, by: 7) { XCTAssertFalse(set.insert(.init("1.2.\(index)"))) }
        XCTAssertEqual(set.count, 50_000)
        XCTAssertTrue(set.contains(.init("1.2.49999")))
        XCTAssertFalse(set.contains(.init("1.2.50000")))
    }
}
