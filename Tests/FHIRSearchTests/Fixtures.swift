import DICOMParser
@testable import DICOMStudies
import FHIRExport
import FHIRSearch
import Foundation
import XCTest

/// Hand-built studies, the TestData archive, and a query helper.
///
/// The five hand-built studies, in this order (`started` with the default timezone UTC):
///
/// | | UID | patient | started | accession | series (body part) | referrer |
/// |---|---|---|---|---|---|---|
/// | A | 1.2.10 | PAT001 (issuer 1.2.3.4) | 2024-03-12T14:30:00+01:00 | ACC1 (issuer `HOSP A`), RP1, Study ID S1 | CT (CHEST), MG (BREAST), SR | Weber^Hans |
/// | B | 1.2.20 | PAT002 (no issuer) | 2024-03-12 (no time) | ACC2 | MR (KNEE) | Schäfer^Björn^^Dr. med. |
/// | C | 1.2.30 | PAT001 (issuer 1.2.3.4) | 2023-11 (month) | ACC3 (issuer 2.16.840.1.113883.3.1) | US (`Abdomen`) | none |
/// | D | 1.2.40 | no Patient ID | none | none | one series without Modality, no SOP class | none |
/// | E | 1.2.50 | PAT003 (issuer http://hospital.example/ids) | 2023-12-31T23:59:59.5+00:00 | RP5, Study ID S5 | CT, PR | none |
enum Fixtures {
    static let utc = FHIROptions(defaultTimezone: .offset(.utc))

    static let ct = "1.2.840.10008.5.1.4.1.1.2"
    static let mr = "1.2.840.10008.5.1.4.1.1.4"

    static var a: StudyEntry {
        var study = StudyEntry(uid: "1.2.10")
        study.patient = PatientInfo(id: "PAT001", issuer: "1.2.3.4", name: "Smith^John")
        (study.date, study.time, study.timezoneOffset) = ("20240312", "143000", "+0100")
        (study.accessionNumber, study.issuerOfAccessionNumber, study.studyID) = ("ACC1", "HOSP A", "S1")
        (study.description, study.referringPhysicianName, study.requestedProcedureID) = ("CT Thorax", "Weber^Hans", "RP1")
        study.series = [
            series("1.2.10.1", 1, "CT", bodyPart: "CHEST", classes: [ct, ct]),
            series("1.2.10.2", 2, "MG", bodyPart: "BREAST", classes: ["1.2.840.10008.5.1.4.1.1.1.2"]),
            series("1.2.10.3", 3, "SR", classes: ["1.2.840.10008.5.1.4.1.1.88.11"]),
        ]
        return study
    }

    static var b: StudyEntry {
        var study = StudyEntry(uid: "1.2.20")
        study.patient = PatientInfo(id: "PAT002", name: "Müller^Jürgen")
        study.date = "20240312"
        study.accessionNumber = "ACC2"
        study.referringPhysicianName = "Schäfer^Björn^^Dr. med."
        study.series = [series("1.2.20.1", 1, "MR", bodyPart: "KNEE", classes: [mr])]
        return study
    }

    static var c: StudyEntry {
        var study = StudyEntry(uid: "1.2.30")
        study.patient = PatientInfo(id: "PAT001", issuer: "1.2.3.4", name: "Smith^John")
        study.date = "202311"
        (study.accessionNumber, study.issuerOfAccessionNumber) = ("ACC3", "2.16.840.1.113883.3.1")
        study.series = [series("1.2.30.1", 1, "US", bodyPart: "Abdomen", classes: ["1.2.840.10008.5.1.4.1.1.6.1"])]
        return study
    }

    static var d: StudyEntry {
        var study = StudyEntry(uid: "1.2.40")
        var only = SeriesEntry(uid: "1.2.40.1")
        only.instances = [InstanceEntry(sopInstanceUID: "1.2.40.1.1", path: "/d")]
        study.series = [only]
        return study
    }

    static var e: StudyEntry {
        var study = StudyEntry(uid: "1.2.50")
        study.patient = PatientInfo(id: "PAT003", issuer: "http://hospital.example/ids", name: "Doe^Jane")
        (study.date, study.time) = ("20231231", "235959.5")
        (study.studyID, study.requestedProcedureID) = ("S5", "RP5")
        study.series = [series("1.2.50.1", 1, "CT", classes: [ct]), series("1.2.50.2", 2, "PR", classes: ["1.2.840.10008.5.1.4.1.1.11.1"])]
        return study
    }

    /// A, B, C, D, E.
    static var handBuilt: [StudyEntry] { [a, b, c, d, e] }

    static func series(_ uid: String, _ number: Int, _ modality: String?, bodyPart: String? = nil,
                       classes: [String]) -> SeriesEntry {
        var series = SeriesEntry(uid: uid)
        (series.number, series.modality, series.bodyPartExamined) = (number, modality, bodyPart)
        series.instances = classes.enumerated().map { index, sopClass in
            InstanceEntry(sopInstanceUID: "\(uid).\(index + 1)", sopClassUID: sopClass, number: index + 1,
                          path: "/\(uid)/\(index + 1)")
        }
        return series
    }

    // MARK: TestData

    /// The TestData studies in catalog order (by date): DX, CT, MR, US.
    static let testData = studies(under: repositoryRoot.appendingPathComponent("TestData/archive").path)

    enum TestDataUID {
        static let dx = "2.25.211769577785434010041845952209580338754"
        static let ct = "2.25.176733766475802836697651024572961627173"
        static let mr = "2.25.83941119281791816171501232854798692266"
        static let us = "2.25.297733700810053991293117201720078788794"
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `shared/` beside the clone (`../shared`).
    static let sharedDirectory = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The studies of a directory tree, read as a scan reads them (files in path order).
    static func studies(under directory: String) -> [StudyEntry] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        let paths = enumerator.compactMap { $0 as? String }.sorted()
        var catalog = StudyCatalog()
        for relative in paths {
            guard let file = try? DICOMReader.read(path: directory + "/" + relative, options: InstanceRecord.parseOptions)
            else { continue }
            catalog.add(InstanceRecord(file: file))
        }
        return catalog.studies
    }
}

/// The fixed "now" of the `ap` tests: 2024-03-13T00:00:00Z.
let fixedNow = Date(timeIntervalSince1970: 1_710_288_000)

extension XCTestCase {
    /// The UIDs of the studies `arguments` selects from `studies`, in result order.
    func uids(_ arguments: [String], in studies: [StudyEntry] = Fixtures.handBuilt,
              options: FHIROptions = Fixtures.utc, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            return try ImagingStudyQuery(arguments, options: options, now: fixedNow).apply(studies).map(\.uid)
        } catch {
            XCTFail("\(arguments): \(error)", file: file, line: line)
            return []
        }
    }

    /// The error `arguments` give, or nil (with a failure) when they parse.
    func searchError(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> SearchError? {
        do {
            _ = try ImagingStudyQuery(arguments, options: Fixtures.utc)
            XCTFail("\(arguments) parsed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }
}
