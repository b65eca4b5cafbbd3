import Foundation
import RecordExport
import XCTest

/// The TestData archive read as the scan reads it: 4 studies and 10 series.
final class TestDataRecordsTests: XCTestCase {
    private let writer = try! RecordWriter()

    func testArchiveGivesFourStudyAndTenSeriesRecordsEachStudyBeforeItsSeries() throws {
        let (lines, warnings) = writer.records(TestDataArchive.studies())
        let objects = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let studies = objects.filter { $0["model"] as? String == "dicomstudy" }
        let series = objects.filter { $0["model"] as? String == "dicomseries" }
        XCTAssertEqual(studies.count, 4)
        XCTAssertEqual(series.count, 10)
        XCTAssertEqual(studies.map { $0["pk"] as? Int }, [1, 2, 3, 4])
        XCTAssertEqual(series.map { $0["pk"] as? Int }, Array(1...10))
        XCTAssertEqual(studies.map { $0["study_date"] as? String }, ["2024-01-15", "2024-03-12", "2024-04-05", "2024-05-20"])
        XCTAssertEqual(studies.map { $0["modality"] as? String }, ["DX", "CT\\OT\\SR", "MR", "US"])
        XCTAssertEqual(studies.compactMap { $0["number_of_instances"] as? Int }.reduce(0, +), 15)
        XCTAssertEqual(series.compactMap { $0["number_of_instances"] as? Int }.reduce(0, +), 15)

        var currentStudy: [String: Any] = [:]
        var seriesCounts: [Int: Int] = [:]
        for object in objects {
            if object["model"] as? String == "dicomstudy" { currentStudy = object; continue }
            XCTAssertEqual(object["study"] as? Int, currentStudy["pk"] as? Int)
            XCTAssertEqual(object["study_instance_uid"] as? String, currentStudy["study_instance_uid"] as? String)
            seriesCounts[object["study"] as? Int ?? 0, default: 0] += 1
        }
        XCTAssertEqual(seriesCounts, [1: 2, 2: 4, 3: 2, 4: 2])
        XCTAssertEqual(studies.map { $0["number_of_series"] as? Int }, [2, 4, 2, 2])

        XCTAssertEqual(warnings.map(\.description), [
            #"series 2.25.178767855591072222573509663827014676320 of study 2.25.176733766475802836697651024572961627173: body_part_examined is missing; fixture: stored as """#,
            #"series 2.25.34513951976950101730263384121623920776 of study 2.25.176733766475802836697651024572961627173: body_part_examined is missing; fixture: stored as """#,
            #"study 2.25.297733700810053991293117201720078788794: accession_number is missing; fixture: stored as """#,
        ])
    }

    func testMRStudyRecordsKeepUTF8TextAndTheTimeAsWritten() throws {
        let lines = writer.records(TestDataArchive.studies()).lines
        XCTAssertEqual(lines[8], #"{"model":"dicomstudy","pk":3,"study_instance_uid":"2.25.83941119281791816171501232854798692266","accession_number":"TK2404050017","study_date":"2024-04-05","study_time":"14:10:00","study_description":"MR 右膝関節","modality":"MR","manufacturer":"Synthetica","institution_name":"東京中央病院","number_of_series":2,"number_of_instances":4}"#)
        XCTAssertEqual(lines[9], #"{"model":"dicomseries","pk":7,"study":3,"study_instance_uid":"2.25.83941119281791816171501232854798692266","series_instance_uid":"2.25.338574393918921250254004895124756205183","series_number":1,"series_description":"pd_tse_fs_sag","modality":"MR","body_part_examined":"KNEE","number_of_instances":2}"#)
        XCTAssertTrue(lines[0].contains(#""study_time":"09:15:00""#), "StudyTime 0915 (HHMM) is 09:15:00")
        XCTAssertTrue(lines[3].contains(#""study_time":"10:15:30.123456""#))
    }

    func testFixtureHoldsAllFourteenRowsAndTheCSVFilesTheSameRows() throws {
        let studies = TestDataArchive.studies()
        let text = writer.fixture(studies).text
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.count, 14)
        XCTAssertEqual(objects.filter { $0["model"] as? String == "imaging.dicomstudy" }.count, 4)
        let csv = writer.csv(studies)
        XCTAssertEqual(csv.studies.components(separatedBy: "\r\n").count, 1 + 4 + 1)
        XCTAssertEqual(csv.series.components(separatedBy: "\r\n").count, 1 + 10 + 1)
        XCTAssertTrue(csv.studies.contains("\r\n4,2.25.297733700810053991293117201720078788794,,2024-05-20,08:30:00,US Abdomen,US,"))
    }
}
