import DICOMStudies
import Foundation

/// A `StudyEntry` as the JSON text a store keeps of it, and back.
///
/// The text is canonical (sorted keys, absent values left out), so two encodings of equal
/// studies are equal strings: a rebuilt study is "changed" exactly when its text differs.
struct StudyCoding {
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    private let decoder = JSONDecoder()

    func encode(_ study: StudyEntry) throws -> String {
        String(decoding: try encoder.encode(StoredStudy(study)), as: UTF8.self)
    }

    func decode(_ text: String) throws -> StudyEntry {
        try decoder.decode(StoredStudy.self, from: Data(text.utf8)).entry
    }

    func encode(_ strings: [String]) throws -> String? {
        strings.isEmpty ? nil : String(decoding: try encoder.encode(strings), as: UTF8.self)
    }

    func decodeStrings(_ text: String?) throws -> [String] {
        guard let text else { return [] }
        return try decoder.decode([String].self, from: Data(text.utf8))
    }

    func encode(_ codes: [CodedEntry]) throws -> String? {
        codes.isEmpty ? nil : String(decoding: try encoder.encode(codes.map(StoredCode.init)), as: UTF8.self)
    }

    func decodeCodes(_ text: String?) throws -> [CodedEntry] {
        guard let text else { return [] }
        return try decoder.decode([StoredCode].self, from: Data(text.utf8)).map(\.entry)
    }
}

// Codable mirrors of the study model, so DICOMStudies stays free of Foundation and coding.

private struct StoredCode: Codable {
    var value: String
    var scheme: String?
    var schemeVersion: String?
    var meaning: String?

    init(_ code: CodedEntry) {
        value = code.value
        scheme = code.scheme
        schemeVersion = code.schemeVersion
        meaning = code.meaning
    }

    var entry: CodedEntry { CodedEntry(value: value, scheme: scheme, schemeVersion: schemeVersion, meaning: meaning) }
}

private struct StoredInstance: Codable {
    var sop: String
    var sopClass: String?
    var number: Int?
    var title: String?
    var frames: Int?
    var path: String

    init(_ instance: InstanceEntry) {
        sop = instance.sopInstanceUID
        sopClass = instance.sopClassUID
        number = instance.number
        title = instance.title
        frames = instance.numberOfFrames
        path = instance.path
    }

    var entry: InstanceEntry {
        InstanceEntry(sopInstanceUID: sop, sopClassUID: sopClass, number: number, title: title,
                      numberOfFrames: frames, path: path)
    }
}

private struct StoredSeries: Codable {
    var uid: String
    var number: Int?
    var modality: String?
    var description: String?
    var date: String?
    var time: String?
    var bodyPart: String?
    var laterality: String?
    var performers: [String]?
    var operators: [String]?
    var instances: [StoredInstance]

    init(_ series: SeriesEntry) {
        uid = series.uid
        number = series.number
        modality = series.modality
        description = series.description
        date = series.date
        time = series.time
        bodyPart = series.bodyPartExamined
        laterality = series.laterality
        performers = series.performingPhysicianName.nilIfEmpty
        operators = series.operatorsName.nilIfEmpty
        instances = series.instances.map(StoredInstance.init)
    }

    var entry: SeriesEntry {
        var series = SeriesEntry(uid: uid)
        series.number = number
        series.modality = modality
        series.description = description
        series.date = date
        series.time = time
        series.bodyPartExamined = bodyPart
        series.laterality = laterality
        series.performingPhysicianName = performers ?? []
        series.operatorsName = operators ?? []
        series.instances = instances.map(\.entry)
        return series
    }
}

private struct StoredStudy: Codable {
    var uid: String
    var patientID: String?
    var patientIssuer: String?
    var patientName: String?
    var patientBirthDate: String?
    var patientSex: String?
    var date: String?
    var time: String?
    var timezoneOffset: String?
    var accessionNumber: String?
    var issuerOfAccessionNumber: String?
    var studyID: String?
    var description: String?
    var referringPhysicianName: String?
    var physiciansReadingStudy: [String]?
    var procedureCodes: [StoredCode]?
    var requestedProcedureID: String?
    var reasonForRequestedProcedure: String?
    var reasonForRequestedProcedureCodes: [StoredCode]?
    var institutionName: String?
    var manufacturer: String?
    var series: [StoredSeries]

    init(_ study: StudyEntry) {
        uid = study.uid
        patientID = study.patient.id
        patientIssuer = study.patient.issuer
        patientName = study.patient.name
        patientBirthDate = study.patient.birthDate
        patientSex = study.patient.sex
        date = study.date
        time = study.time
        timezoneOffset = study.timezoneOffset
        accessionNumber = study.accessionNumber
        issuerOfAccessionNumber = study.issuerOfAccessionNumber
        studyID = study.studyID
        description = study.description
        referringPhysicianName = study.referringPhysicianName
        physiciansReadingStudy = study.physiciansReadingStudy.nilIfEmpty
        procedureCodes = study.procedureCodes.map(StoredCode.init).nilIfEmpty
        requestedProcedureID = study.requestedProcedureID
        reasonForRequestedProcedure = study.reasonForRequestedProcedure
        reasonForRequestedProcedureCodes = study.reasonForRequestedProcedureCodes.map(StoredCode.init).nilIfEmpty
        institutionName = study.institutionName
        manufacturer = study.manufacturer
        series = study.series.map(StoredSeries.init)
    }

    var entry: StudyEntry {
        var study = StudyEntry(uid: uid)
        study.patient = PatientInfo(id: patientID, issuer: patientIssuer, name: patientName,
                                    birthDate: patientBirthDate, sex: patientSex)
        study.date = date
        study.time = time
        study.timezoneOffset = timezoneOffset
        study.accessionNumber = accessionNumber
        study.issuerOfAccessionNumber = issuerOfAccessionNumber
        study.studyID = studyID
        study.description = description
        study.referringPhysicianName = referringPhysicianName
        study.physiciansReadingStudy = physiciansReadingStudy ?? []
        study.procedureCodes = (procedureCodes ?? []).map(\.entry)
        study.requestedProcedureID = requestedProcedureID
        study.reasonForRequestedProcedure = reasonForRequestedProcedure
        study.reasonForRequestedProcedureCodes = (reasonForRequestedProcedureCodes ?? []).map(\.entry)
        study.institutionName = institutionName
        study.manufacturer = manufacturer
        study.series = series.map(\.entry)
        return study
    }
}

private extension Array {
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
