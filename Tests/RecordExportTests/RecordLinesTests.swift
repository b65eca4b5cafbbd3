@testable import DICOMStudies
import Foundation
import RecordExport
import XCTest

final class RecordLinesTests: XCTestCase {
    func testStudyLineThenOneLinePerSeriesWithDjangoFieldNamesLinkAndCounts() throws {
        let (lines, warnings) = try RecordWriter().records([Studies.ctWithReport])
        XCTAssertEqual(lines, [
            #"{"model":"dicomstudy","pk":1,"study_instance_uid":"1.2.840.99.1","accession_number":"A1001","study_date":"2024-03-12","study_time":"10:15:30.500000","study_description":"CT Thorax","modality":"CT\\SR","manufacturer":null,"institution_name":"Klinik \"Nord\", Haus 2","number_of_series":2,"number_of_instances":3}"#,
            #"{"model":"dicomseries","pk":1,"study":1,"study_instance_uid":"1.2.840.99.1","series_instance_uid":"1.2.840.99.1.1","series_number":1,"series_description":"Thorax 5mm","modality":"CT","body_part_examined":"CHEST","number_of_instances":2}"#,
            #"{"model":"dicomseries","pk":2,"study":1,"study_instance_uid":"1.2.840.99.1","series_instance_uid":"1.2.840.99.1.2","series_number":2,"series_description":"Befund","modality":"SR","body_part_examined":"","number_of_instances":1}"#,
        ])
        XCTAssertEqual(warnings, [RecordWarning(model: .series, studyInstanceUID: "1.2.840.99.1",
                                                seriesInstanceUID: "1.2.840.99.1.2", field: "body_part_examined",
                                                problem: .missing, fixture: .storedEmpty)])
        XCTAssertEqual(warnings.map(\.description), [
            #"series 1.2.840.99.1.2 of study 1.2.840.99.1: body_part_examined is missing; fixture: stored as """#,
        ])
    }

    func testFixtureHoldsModelFieldsOnlyWithTheAppLabelAndForeignKeys() throws {
        let (text, warnings) = try RecordWriter(djangoApp: "radiology").fixture([Studies.ctWithReport])
        XCTAssertEqual(text, #"""
            [
            {"model":"radiology.dicomstudy","pk":1,"fields":{"imaging_study":1,"study_instance_uid":"1.2.840.99.1","accession_number":"A1001","study_date":"2024-03-12","study_time":"10:15:30.500000","study_description":"CT Thorax","modality":"CT\\SR","manufacturer":null,"institution_name":"Klinik \"Nord\", Haus 2"}},
            {"model":"radiology.dicomseries","pk":1,"fields":{"study":1,"series_instance_uid":"1.2.840.99.1.1","series_number":1,"series_description":"Thorax 5mm","modality":"CT","body_part_examined":"CHEST"}},
            {"model":"radiology.dicomseries","pk":2,"fields":{"study":1,"series_instance_uid":"1.2.840.99.1.2","series_number":2,"series_description":"Befund","modality":"SR","body_part_examined":""}}
            ]

            """#)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(try RecordWriter().fixture([]).text, "[]\n")
    }

    func testPKsCountStudiesAndSeriesSeparatelyAndSeriesPointToTheirStudy() throws {
        let studies = [Studies.study("1.1", accession: "A", modalities: ["CT", "CT"]),
                       Studies.study("1.2", accession: "B", modalities: ["MR", "MR", "SR"])]
        let (lines, _) = try RecordWriter().records(studies)
        let keys = try lines.map { line -> String in
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let model = try XCTUnwrap(object["model"] as? String)
            return "\(model) \(object["pk"] ?? "") \(object["study"] ?? "-")"
        }
        XCTAssertEqual(keys, ["dicomstudy 1 -", "dicomseries 1 1", "dicomseries 2 1",
                              "dicomstudy 2 -", "dicomseries 3 2", "dicomseries 4 2", "dicomseries 5 2"])
        XCTAssertTrue(lines[3].contains(#""modality":"MR\\SR""#), lines[3])
    }

    func testInvalidDjangoAppLabelsAreRejected() {
        for label in ["", "1app", "my-app", "app.models", "imaging "] {
            XCTAssertThrowsError(try RecordWriter(djangoApp: label)) {
                XCTAssertEqual($0 as? RecordExportError, .invalidDjangoApp(label))
            }
        }
        XCTAssertNoThrow(try RecordWriter(djangoApp: "_Imaging2"))
    }

    func testSameStudiesGiveByteIdenticalOutputInEveryFormat() throws {
        let first = TestDataArchive.studies()
        let second = TestDataArchive.studies()
        let writer = try RecordWriter()
        XCTAssertEqual(writer.records(first).lines, try RecordWriter().records(second).lines)
        XCTAssertEqual(writer.fixture(first).text, writer.fixture(second).text)
        XCTAssertEqual(writer.csv(first).studies, writer.csv(second).studies)
        XCTAssertEqual(writer.csv(first).series, writer.csv(second).series)
        XCTAssertEqual(writer.records(first).warnings, writer.fixture(second).warnings)
    }

    func testBuilderStreamsTheSameRecordsStudyByStudy() throws {
        let studies = TestDataArchive.studies()
        let writer = try RecordWriter()
        var builder = writer.builder()
        let streamed = studies.map { builder.add($0) }
        XCTAssertEqual(streamed.flatMap(\.all).map { $0.jsonLine() }, writer.records(studies).lines)
        XCTAssertEqual(streamed.flatMap(\.warnings), writer.records(studies).warnings)
    }
}
