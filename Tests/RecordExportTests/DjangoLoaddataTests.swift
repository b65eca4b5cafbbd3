@testable import DICOMStudies
import Foundation
import RecordExport
import XCTest

/// The proof that `manage.py loaddata` accepts the fixture: a throwaway Django project with the
/// seed's models, migrated on SQLite. Runs when Django is importable by `python3`
/// (`scripts/install-deps.sh` installs it); skipped otherwise, and failed when `CI` is set.
final class DjangoLoaddataTests: XCTestCase {
    private var project: DjangoProject?

    override func tearDown() {
        project?.remove()
    }

    private func makeProject(app: String) throws -> DjangoProject {
        let check = try DjangoProject.run(["python3", "-c", "import django; print(django.get_version())"])
        guard check.status == 0 else {
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
                throw DjangoMissing(output: check.output)
            }
            throw XCTSkip("python3 cannot import Django: pip install django")
        }
        let project = try DjangoProject(app: app)
        self.project = project
        _ = try project.manage(["makemigrations", app])
        _ = try project.manage(["migrate"])
        return project
    }

    func testEmbeddedModelsAreTheSeedsModelsVerbatim() throws {
        let seed = TestDataArchive.root.deletingLastPathComponent().appendingPathComponent("shared/seeds/002_c0d89b3221c4425c.txt")
        guard let text = try? String(contentsOf: seed, encoding: .utf8) else {
            throw XCTSkip("\(seed.path) is not there")
        }
        for model in DjangoProject.seedModels {
            XCTAssertTrue(text.contains(model), "not in the seed:\n\(model)")
        }
    }

    func testLoaddataAcceptsTheTestDataFixtureOnceImagingStudiesExist() throws {
        let project = try makeProject(app: "imaging")
        let writer = try RecordWriter()
        let studies = TestDataArchive.studies()
        try project.write(writer.fixture(studies).text, to: "dicom.json")

        let (status, output) = try project.python(["manage.py", "loaddata", "dicom.json"])
        XCTAssertNotEqual(status, 0, "without ImagingStudy rows the OneToOneField cannot be satisfied")
        XCTAssertTrue(output.contains("imaging_dicomstudy.imaging_study_id"), output)
        XCTAssertEqual(try project.rows().studies.count, 0, "loaddata is all or nothing")

        XCTAssertEqual(try project.python(["make_imaging_studies.py", "4"]).status, 0)
        XCTAssertTrue(try project.manage(["loaddata", "dicom.json"]).contains("Installed 14 object(s) from 1 fixture(s)"))
        XCTAssertTrue(try project.manage(["loaddata", "dicom.json"]).contains("Installed 14 object(s)"), "loads again")

        let rows = try project.rows()
        XCTAssertEqual(rows.studies.count, 4)
        XCTAssertEqual(rows.series.count, 10)
        // Every value reads back as the records wrote it: dates, times with microseconds, UTF-8, "" and links.
        let records = try writer.records(studies).lines.map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let studyRecords = records.filter { $0["model"] as? String == "dicomstudy" }
        let seriesRecords = records.filter { $0["model"] as? String == "dicomseries" }
        for (row, record) in zip(rows.studies, studyRecords) {
            let expected: [Any] = [record["pk"]!, record["pk"]!] + ["study_instance_uid", "accession_number", "study_date",
                "study_time", "study_description", "modality", "manufacturer", "institution_name"].map { record[$0]! }
            XCTAssertEqual(Self.text(row), Self.text(expected))
        }
        for (row, record) in zip(rows.series, seriesRecords) {
            let expected: [Any] = ["pk", "study", "series_instance_uid", "series_number", "series_description", "modality",
                                   "body_part_examined"].map { record[$0]! }
            XCTAssertEqual(Self.text(row), Self.text(expected))
        }
    }

    func testRowsLeftOutOfTheFixtureLetTheRestLoad() throws {
        let project = try makeProject(app: "radiology")
        var overlong = Studies.study("1.1", accession: "", modalities: ["CT", "PT", "SR", "KO", "PR", "SEG"])
        overlong.description = String(repeating: "D", count: 65)
        overlong.manufacturer = String(repeating: "M", count: 65)
        let sameAccession = Studies.study("1.2", accession: nil)
        let noDate = Studies.study("1.3", accession: "A3", date: "2024")
        var noSeriesNumber = Studies.study("1.4", accession: "A4", modalities: ["MR", "MR"])
        noSeriesNumber.series[0].number = nil
        let writer = try RecordWriter(djangoApp: "radiology")
        let (text, warnings) = writer.fixture([overlong, sameAccession, noDate, noSeriesNumber])
        XCTAssertEqual(warnings.map { "\($0.studyInstanceUID) \($0.field) \($0.fixture)" }, [
            "1.1 accession_number storedEmpty", "1.1 study_description valueLeftOut", "1.1 modality valueLeftOut",
            "1.1 manufacturer valueLeftOut", "1.2 accession_number storedEmpty", "1.2 accession_number recordLeftOut",
            "1.3 study_date recordLeftOut", "1.4 series_number recordLeftOut",
        ])
        try project.write(text, to: "dicom.json")
        XCTAssertEqual(try project.python(["make_imaging_studies.py", "4"]).status, 0)
        XCTAssertTrue(try project.manage(["loaddata", "dicom.json"]).contains("Installed 9 object(s)"))
        let rows = try project.rows()
        XCTAssertEqual(rows.studies.map { "\($0[2])" }, ["1.1", "1.4"])
        XCTAssertEqual(Self.text(rows.studies[0]),
                       Self.text([1, 1, "1.1", "", "2024-01-01", "12:00:00", "", "", NSNull(), NSNull()]),
                       "values over max_length take the field's default")
        XCTAssertEqual(rows.series.map { "\($0[2])" }, ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6", "1.4.2"])
    }

    /// Under CI, Django must be there: `scripts/install-deps.sh` installs it.
    private struct DjangoMissing: Error, CustomStringConvertible {
        let output: String
        var description: String { "CI is set but python3 cannot import Django (scripts/install-deps.sh installs it): \(output)" }
    }

    /// Values as comparable text (JSON numbers and strings from two parsers).
    private static func text(_ values: [Any]) -> [String] {
        values.map { $0 is NSNull ? "null" : "\($0)" }
    }
}
