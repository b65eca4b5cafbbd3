import DICOMStudies
import Foundation
import GRDB

/// `InstanceRecord`s in the `instances` table: the column list, a record's values in that
/// order, and a record back from a row that selects them in that order.
enum InstanceRows {
    /// The record columns, in the order of `values(_:)` and `record(_:at:path:)`.
    static let columns = [
        "transfer_syntax_uid", "sop_instance_uid", "sop_class_uid", "instance_number", "number_of_frames", "title",
        "patient_id", "issuer_of_patient_id", "patient_name", "patient_birth_date", "patient_sex",
        "study_instance_uid", "study_date", "study_time", "timezone_offset", "accession_number",
        "issuer_of_accession_number", "study_id", "study_description", "referring_physician_name",
        "physicians_reading_study", "procedure_codes", "requested_procedure_id", "reason_for_requested_procedure",
        "reason_for_requested_procedure_codes", "institution_name", "manufacturer",
        "series_instance_uid", "series_number", "modality", "series_description", "series_date", "series_time",
        "body_part_examined", "laterality", "performing_physician_name", "operators_name",
    ]

    /// `INSERT INTO instances (file_id, ...) VALUES (?, ...)`.
    static let insertSQL = "INSERT INTO instances (file_id, " + columns.joined(separator: ", ") + ") VALUES (?"
        + String(repeating: ", ?", count: columns.count) + ")"

    /// The columns qualified with a table alias, for a SELECT.
    static func selectList(_ alias: String) -> String {
        columns.map { alias + "." + $0 }.joined(separator: ", ")
    }

    /// The values of `record`, in `columns` order.
    static func values(_ record: InstanceRecord, _ coding: StudyCoding) throws -> [(any DatabaseValueConvertible)?] {
        [
            record.transferSyntaxUID, record.sopInstanceUID, record.sopClassUID, record.instanceNumber,
            record.numberOfFrames, record.title,
            record.patientID, record.issuerOfPatientID, record.patientName, record.patientBirthDate, record.patientSex,
            record.studyInstanceUID, record.studyDate, record.studyTime, record.timezoneOffset, record.accessionNumber,
            record.issuerOfAccessionNumber, record.studyID, record.studyDescription, record.referringPhysicianName,
            try coding.encode(record.physiciansReadingStudy), try coding.encode(record.procedureCodes),
            record.requestedProcedureID, record.reasonForRequestedProcedure,
            try coding.encode(record.reasonForRequestedProcedureCodes), record.institutionName, record.manufacturer,
            record.seriesInstanceUID, record.seriesNumber, record.modality, record.seriesDescription,
            record.seriesDate, record.seriesTime, record.bodyPartExamined, record.laterality,
            try coding.encode(record.performingPhysicianName), try coding.encode(record.operatorsName),
        ]
    }

    /// The record in `row`, whose columns from index `start` on are `columns`.
    static func record(_ row: Row, at start: Int, path: String, _ coding: StudyCoding) throws -> InstanceRecord {
        var record = InstanceRecord(path: path)
        var index = start
        func text() -> String? { defer { index += 1 }; return row[index] }
        func int() -> Int? { defer { index += 1 }; return row[index] }
        record.transferSyntaxUID = text()
        record.sopInstanceUID = text()
        record.sopClassUID = text()
        record.instanceNumber = int()
        record.numberOfFrames = int()
        record.title = text()
        record.patientID = text()
        record.issuerOfPatientID = text()
        record.patientName = text()
        record.patientBirthDate = text()
        record.patientSex = text()
        record.studyInstanceUID = text()
        record.studyDate = text()
        record.studyTime = text()
        record.timezoneOffset = text()
        record.accessionNumber = text()
        record.issuerOfAccessionNumber = text()
        record.studyID = text()
        record.studyDescription = text()
        record.referringPhysicianName = text()
        record.physiciansReadingStudy = try coding.decodeStrings(text())
        record.procedureCodes = try coding.decodeCodes(text())
        record.requestedProcedureID = text()
        record.reasonForRequestedProcedure = text()
        record.reasonForRequestedProcedureCodes = try coding.decodeCodes(text())
        record.institutionName = text()
        record.manufacturer = text()
        record.seriesInstanceUID = text()
        record.seriesNumber = int()
        record.modality = text()
        record.seriesDescription = text()
        record.seriesDate = text()
        record.seriesTime = text()
        record.bodyPartExamined = text()
        record.laterality = text()
        record.performingPhysicianName = try coding.decodeStrings(text())
        record.operatorsName = try coding.decodeStrings(text())
        return record
    }
}

extension ScanPath {
    /// The path's bytes as a BLOB.
    var blob: Data { Data(bytes) }

    /// The path whose bytes are `blob`.
    init(blob: Data) { self.init(bytes: [UInt8](blob)) }
}
