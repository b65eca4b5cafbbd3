@testable import DICOMStudies
import RecordExport
import XCTest

/// Values the Django models cannot hold: kept in records, reported, and left out of the fixture.
final class FieldLimitsTests: XCTestCase {
    private let writer = try! RecordWriter()

    private func warning(_ study: String, series: String? = nil, _ field: String, _ problem: RecordWarning.Problem,
                         _ effect: RecordWarning.FixtureEffect) -> RecordWarning {
        RecordWarning(model: series == nil ? .study : .series, studyInstanceUID: study, seriesInstanceUID: series,
                      field: field, problem: problem, fixture: effect)
    }

    private func fixtureObjects(_ studies: [StudyEntry]) throws -> [[String: Any]] {
        let text = writer.fixture(studies).text
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    func testOverlongTextIsKeptInRecordsAndLeftOutOfTheFixtureValueOnly() throws {
        var study = Studies.study("1.1", accession: "A1", modalities: ["CT", "PT", "SR", "KO", "PR", "SEG"])
        study.description = String(repeating: "山", count: 65)
        study.manufacturer = String(repeating: "m", count: 64)
        study.series[0].bodyPartExamined = "ABDOMENPELVISLEG"
        study.series[1].bodyPartExamined = "ABDOMENPELVISLEGS"
        let (lines, warnings) = writer.records([study])
        XCTAssertEqual(warnings, [
            warning("1.1", "study_description", .tooLong(length: 65, maxLength: 64), .valueLeftOut),
            warning("1.1", "modality", .tooLong(length: 18, maxLength: 16), .valueLeftOut),
            warning("1.1", series: "1.1.2", "body_part_examined", .tooLong(length: 17, maxLength: 16), .valueLeftOut),
        ])
        XCTAssertEqual(warnings[0].description,
                       "study 1.1: study_description has 65 characters, over max_length 64; fixture: value left out")
        XCTAssertTrue(lines[0].contains(#""study_description":"\#(study.description!)""#))
        XCTAssertTrue(lines[0].contains(#""modality":"CT\\PT\\SR\\KO\\PR\\SEG""#))
        XCTAssertTrue(lines[2].contains(#""body_part_examined":"ABDOMENPELVISLEGS""#))

        let objects = try fixtureObjects([study])
        XCTAssertEqual(objects.count, 7)
        let fields = try XCTUnwrap(objects[0]["fields"] as? [String: Any])
        XCTAssertNil(fields["study_description"])
        XCTAssertNil(fields["modality"])
        XCTAssertEqual(fields["manufacturer"] as? String, study.manufacturer)
        XCTAssertEqual((objects[1]["fields"] as? [String: Any])?["body_part_examined"] as? String, "ABDOMENPELVISLEG")
        XCTAssertNil((objects[2]["fields"] as? [String: Any])?["body_part_examined"])
    }

    func testOverlongUniqueValuesLeaveTheRowOutOfTheFixture() throws {
        let longUID = "1.2." + String(repeating: "9", count: 61)
        var longSeries = Studies.study("1.1", accession: "A1", modalities: ["CT", "CT"])
        longSeries.series[1].uid = longUID
        var longStudy = Studies.study(longUID, accession: "A2")
        longStudy.series[0].uid = "1.2.1"
        let longAccession = Studies.study("1.3", accession: "ACC-0123456789ABC")
        let (lines, warnings) = writer.records([longSeries, longStudy, longAccession])
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(warnings, [
            warning("1.1", series: longUID, "series_instance_uid", .tooLong(length: 65, maxLength: 64), .recordLeftOut),
            warning(longUID, "study_instance_uid", .tooLong(length: 65, maxLength: 64), .recordLeftOut),
            warning("1.3", "accession_number", .tooLong(length: 17, maxLength: 16), .recordLeftOut),
        ])
        XCTAssertEqual(warnings[1].description, "study \(longUID): study_instance_uid has 65 characters, "
                       + "over max_length 64; fixture: study and its series left out")
        let objects = try fixtureObjects([longSeries, longStudy, longAccession])
        XCTAssertEqual(objects.map { "\($0["model"]!) \($0["pk"]!)" },
                       ["imaging.dicomstudy 1", "imaging.dicomseries 1"])
    }

    func testMissingRequiredValuesAreNullOrEmptyAndReported() throws {
        var study = Studies.study("1.1", accession: nil, date: nil, time: nil)
        study.description = nil
        study.series[0].number = nil
        study.series[0].modality = nil
        study.series[0].description = nil
        study.series[0].bodyPartExamined = nil
        let (lines, warnings) = writer.records([study])
        XCTAssertEqual(lines, [
            #"{"model":"dicomstudy","pk":1,"study_instance_uid":"1.1","accession_number":"","study_date":null,"study_time":null,"study_description":"","modality":"","manufacturer":null,"institution_name":null,"number_of_series":1,"number_of_instances":1}"#,
            #"{"model":"dicomseries","pk":1,"study":1,"study_instance_uid":"1.1","series_instance_uid":"1.1.1","series_number":null,"series_description":"","modality":"","body_part_examined":"","number_of_instances":1}"#,
        ])
        XCTAssertEqual(warnings, [
            warning("1.1", "accession_number", .missing, .storedEmpty),
            warning("1.1", "study_date", .missing, .recordLeftOut),
            warning("1.1", "study_time", .missing, .recordLeftOut),
            warning("1.1", "study_description", .missing, .storedEmpty),
            warning("1.1", "modality", .missing, .storedEmpty),
            warning("1.1", series: "1.1.1", "series_number", .missing, .recordLeftOut),
            warning("1.1", series: "1.1.1", "series_description", .missing, .storedEmpty),
            warning("1.1", series: "1.1.1", "modality", .missing, .storedEmpty),
            warning("1.1", series: "1.1.1", "body_part_examined", .missing, .storedEmpty),
        ])
        XCTAssertEqual(try fixtureObjects([study]).count, 0)
    }

    func testDatesAndTimesDjangoCannotHoldAreNullAndReported() throws {
        let partial = Studies.study("1.1", accession: "A1", date: "202403")
        let leapSecond = Studies.study("1.2", accession: "A2", time: "235960")
        let (lines, warnings) = writer.records([partial, leapSecond])
        XCTAssertTrue(lines[0].contains(#""study_date":null,"study_time":"12:00:00""#), lines[0])
        XCTAssertTrue(lines[2].contains(#""study_date":"2024-01-01","study_time":null"#), lines[2])
        XCTAssertEqual(warnings, [
            warning("1.1", "study_date", .notADate("202403"), .recordLeftOut),
            warning("1.2", "study_time", .notATime("235960"), .recordLeftOut),
        ])
        XCTAssertEqual(warnings.map(\.description), [
            #"study 1.1: study_date "202403" is not a whole date; fixture: study and its series left out"#,
            #"study 1.2: study_time "235960" is not a time of day; fixture: study and its series left out"#,
        ])
    }

    func testSeriesNumberOutsideIntegerFieldLeavesTheSeriesOut() throws {
        var study = Studies.study("1.1", accession: "A1", modalities: ["CT", "CT"])
        study.series[1].number = 99_999_999_999
        let warnings = writer.records([study]).warnings
        XCTAssertEqual(warnings, [warning("1.1", series: "1.1.2", "series_number", .outOfRange(99_999_999_999), .recordLeftOut)])
        XCTAssertEqual(try fixtureObjects([study]).count, 2)
    }

    func testRepeatedAccessionNumbersLeaveLaterStudiesOutOfTheFixture() throws {
        let studies = [Studies.study("1.1", accession: nil), Studies.study("1.2", accession: "X7"),
                       Studies.study("1.3", accession: nil), Studies.study("1.4", accession: "X7")]
        let warnings = writer.records(studies).warnings
        XCTAssertEqual(warnings, [
            warning("1.1", "accession_number", .missing, .storedEmpty),
            warning("1.3", "accession_number", .missing, .storedEmpty),
            warning("1.3", "accession_number", .duplicate("", firstStudyInstanceUID: "1.1"), .recordLeftOut),
            warning("1.4", "accession_number", .duplicate("X7", firstStudyInstanceUID: "1.2"), .recordLeftOut),
        ])
        XCTAssertEqual(warnings[3].description,
                       #"study 1.4: accession_number "X7" is already that of study 1.2 (unique); fixture: study and its series left out"#)
        XCTAssertEqual(try fixtureObjects(studies).compactMap { ($0["fields"] as? [String: Any])?["study_instance_uid"] as? String },
                       ["1.1", "1.2"])
    }

    func testAStudyLeftOutForAnotherReasonDoesNotTakeItsAccessionNumber() throws {
        let studies = [Studies.study("1.1", accession: "X7", date: nil), Studies.study("1.2", accession: "X7")]
        XCTAssertEqual(writer.records(studies).warnings, [warning("1.1", "study_date", .missing, .recordLeftOut)])
        XCTAssertEqual(try fixtureObjects(studies).count, 2)
    }

    func testImagingStudyPKsFromATableByStudyInstanceUID() throws {
        let writer = try RecordWriter(imagingStudy: .byStudyInstanceUID(["1.1": 41, "1.2": 41]))
        let studies = [Studies.study("1.1", accession: "A1"), Studies.study("1.2", accession: "A2"),
                       Studies.study("1.3", accession: "A3")]
        let (text, warnings) = writer.fixture(studies)
        XCTAssertEqual(warnings, [
            warning("1.2", "imaging_study", .duplicate("41", firstStudyInstanceUID: "1.1"), .recordLeftOut),
            warning("1.3", "imaging_study", .missing, .recordLeftOut),
        ])
        XCTAssertTrue(text.hasPrefix(#"[\#n{"model":"imaging.dicomstudy","pk":1,"fields":{"imaging_study":41,"#), text)
        XCTAssertEqual(text.components(separatedBy: "\n").count, 5)
    }
}
