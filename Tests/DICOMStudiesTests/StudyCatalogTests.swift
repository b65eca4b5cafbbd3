import DICOMParser
@testable import DICOMStudies
import Foundation
import XCTest

final class StudyCatalogTests: XCTestCase {
    private let archive = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestData/archive").path

    private func records() throws -> [InstanceRecord] {
        let paths = FileManager.default.enumerator(atPath: archive)!.compactMap { $0 as? String }.sorted()
        return paths.compactMap { relative in
            try? DICOMReader.read(path: archive + "/" + relative, options: InstanceRecord.parseOptions)
        }.map(InstanceRecord.init(file:))
    }

    func testTestDataGroupsIntoFourStudiesTenSeriesFifteenInstances() throws {
        var catalog = StudyCatalog()
        for record in try records() { catalog.add(record) }
        XCTAssertEqual(catalog.studyCount, 4)
        XCTAssertEqual(catalog.seriesCount, 10)
        XCTAssertEqual(catalog.instanceCount, 15)
        XCTAssertEqual(catalog.duplicates, [])
        XCTAssertEqual(catalog.conflicts, [])
        let mr = try XCTUnwrap(catalog.studies.first { $0.modalities == ["MR"] })
        XCTAssertEqual(mr.patient.name, "Yamada^Tarou=山田^太郎=やまだ^たろう")
        XCTAssertEqual(mr.series.map(\.number), [1, 2])
        XCTAssertEqual(mr.numberOfInstances, 4)
    }

    func testSameSOPInstanceUIDTwiceIsOneInstanceAndADuplicate() throws {
        let first = try XCTUnwrap(records().first { $0.modality == "MR" })
        var copy = first
        copy.path = "/elsewhere/copy.dcm"
        var catalog = StudyCatalog()
        catalog.add(first)
        catalog.add(copy)
        XCTAssertEqual(catalog.instanceCount, 1)
        XCTAssertEqual(catalog.duplicates, [.init(sopInstanceUID: first.sopInstanceUID!, firstPath: first.path,
                                                  duplicatePath: "/elsewhere/copy.dcm")])
    }

    func testMissingUIDsAreUngroupableAndConflictsAreNamed() throws {
        var noStudy = InstanceRecord(path: "/a")
        noStudy.seriesInstanceUID = "1.2"
        noStudy.sopInstanceUID = "1.2.3"
        var one = InstanceRecord(path: "/b")
        (one.studyInstanceUID, one.seriesInstanceUID, one.sopInstanceUID) = ("1", "1.1", "1.1.1")
        one.patientID = "P1"
        one.modality = "CT"
        var two = one
        (two.path, two.sopInstanceUID, two.patientID, two.modality) = ("/c", "1.1.2", "P2", "MR")
        var catalog = StudyCatalog()
        [noStudy, one, two].forEach { catalog.add($0) }
        XCTAssertEqual(catalog.ungroupable, [.init(path: "/a", missing: ["StudyInstanceUID"])])
        XCTAssertEqual(catalog.conflicts.map(\.description), [
            #"study 1: PatientID is "P1" in /b but "P2" in /c"#,
            #"series 1.1 of study 1: Modality is "CT" in /b but "MR" in /c"#,
        ])
    }
}
