import DICOMParser
@testable import DICOMStudies
import Foundation

/// Hand-built studies and the paths the tests need.
enum Fixtures {
    /// A study that fills every element of the mapping.
    static var fullStudy: StudyEntry {
        var study = StudyEntry(uid: "1.2.3")
        study.patient = PatientInfo(id: "PAT001", issuer: "1.2.3.4", name: "Smith^John^Paul^Dr^Jr",
                                    birthDate: "19580214", sex: "M")
        (study.date, study.time, study.timezoneOffset) = ("20240312", "143000", "+0100")
        (study.accessionNumber, study.issuerOfAccessionNumber, study.studyID) = ("ACC1", "HOSP A", "S1")
        study.description = "CT Thorax"
        study.referringPhysicianName = "Weber^Hans"
        study.physiciansReadingStudy = ["Klein^Eva"]
        study.procedureCodes = [CodedEntry(value: "24627-2", scheme: "LN", meaning: "Chest CT"),
                                CodedEntry(value: "CTCHEST", scheme: "99LOCAL", meaning: "CT chest local")]
        study.requestedProcedureID = "RP1"
        study.reasonForRequestedProcedure = "Persistent cough"
        study.reasonForRequestedProcedureCodes = [CodedEntry(value: "49727002", scheme: "SCT", meaning: "Cough")]

        var ct = SeriesEntry(uid: "1.2.3.1")
        (ct.number, ct.modality, ct.description) = (1, "CT", "Thorax 5mm")
        (ct.date, ct.time, ct.bodyPartExamined) = ("20240312", "143105.5", "CHEST")
        ct.performingPhysicianName = ["House^Gregory"]
        ct.operatorsName = ["Tech^Tom"]
        ct.instances = [
            InstanceEntry(sopInstanceUID: "1.2.3.1.1", sopClassUID: "1.2.840.10008.5.1.4.1.1.2", number: 1, path: "/a/1"),
            InstanceEntry(sopInstanceUID: "1.2.3.1.2", sopClassUID: "1.2.840.10008.5.1.4.1.1.2", number: 2, path: "/a/2"),
        ]
        var mg = SeriesEntry(uid: "1.2.3.2")
        (mg.number, mg.modality, mg.bodyPartExamined, mg.laterality) = (2, "MG", "BREAST", "L")
        mg.instances = [InstanceEntry(sopInstanceUID: "1.2.3.2.1", sopClassUID: "1.2.840.10008.5.1.4.1.1.1.2",
                                      number: 1, path: "/a/3")]
        var sr = SeriesEntry(uid: "1.2.3.3")
        (sr.number, sr.modality) = (3, "SR")
        sr.instances = [InstanceEntry(sopInstanceUID: "1.2.3.3.1", sopClassUID: "1.2.840.10008.5.1.4.1.1.88.11",
                                      number: 1, title: "Report", path: "/a/4")]
        study.series = [ct, mg, sr]
        return study
    }

    /// A study with nothing but its UIDs: one series without Modality, one instance.
    static var bareStudy: StudyEntry {
        var study = StudyEntry(uid: "1.2.9")
        var series = SeriesEntry(uid: "1.2.9.1")
        series.instances = [InstanceEntry(sopInstanceUID: "1.2.9.1.1", path: "/b")]
        study.series = [series]
        return study
    }

    /// A small study of `patientID` (issuer `issuer`) with UID `uid`.
    static func study(_ uid: String, patientID: String?, issuer: String? = nil, name: String? = nil) -> StudyEntry {
        var study = StudyEntry(uid: uid)
        study.patient = PatientInfo(id: patientID, issuer: issuer, name: name)
        var series = SeriesEntry(uid: uid + ".1")
        series.modality = "CT"
        series.instances = [InstanceEntry(sopInstanceUID: uid + ".1.1", sopClassUID: "1.2.840.10008.5.1.4.1.1.2",
                                          path: "/" + uid)]
        study.series = [series]
        return study
    }

    /// The repository root.
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
