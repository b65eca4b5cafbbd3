extension StudyCatalog {
    // The first record of a study or series sets each value; later records fill only what is
    // still missing.

    static func fillStudy(_ record: InstanceRecord, into study: inout StudyEntry) {
        fill(&study.patient.id, record.patientID)
        fill(&study.patient.issuer, record.issuerOfPatientID)
        fill(&study.patient.name, record.patientName)
        fill(&study.patient.birthDate, record.patientBirthDate)
        fill(&study.patient.sex, record.patientSex)
        fill(&study.date, record.studyDate)
        fill(&study.time, record.studyTime)
        fill(&study.timezoneOffset, record.timezoneOffset)
        fill(&study.accessionNumber, record.accessionNumber)
        fill(&study.issuerOfAccessionNumber, record.issuerOfAccessionNumber)
        fill(&study.studyID, record.studyID)
        fill(&study.description, record.studyDescription)
        fill(&study.referringPhysicianName, record.referringPhysicianName)
        if study.physiciansReadingStudy.isEmpty { study.physiciansReadingStudy = record.physiciansReadingStudy }
        if study.procedureCodes.isEmpty { study.procedureCodes = record.procedureCodes }
        fill(&study.requestedProcedureID, record.requestedProcedureID)
        fill(&study.reasonForRequestedProcedure, record.reasonForRequestedProcedure)
        if study.reasonForRequestedProcedureCodes.isEmpty {
            study.reasonForRequestedProcedureCodes = record.reasonForRequestedProcedureCodes
        }
        fill(&study.institutionName, record.institutionName)
        fill(&study.manufacturer, record.manufacturer)
    }

    /// Fills the series from `record`; returns a conflict when they disagree on Modality.
    static func mergeSeries(_ record: InstanceRecord, into series: inout SeriesEntry, firstPath: String) -> Conflict? {
        var conflict: Conflict?
        if let modality = record.modality, let known = series.modality, modality != known {
            conflict = Conflict(
                studyInstanceUID: record.studyInstanceUID ?? "", seriesInstanceUID: series.uid, attribute: "Modality",
                firstValue: known, firstPath: firstPath, otherValue: modality, otherPath: record.path)
        }
        fill(&series.number, record.seriesNumber)
        fill(&series.modality, record.modality)
        fill(&series.description, record.seriesDescription)
        fill(&series.date, record.seriesDate)
        fill(&series.time, record.seriesTime)
        fill(&series.bodyPartExamined, record.bodyPartExamined)
        fill(&series.laterality, record.laterality)
        if series.performingPhysicianName.isEmpty { series.performingPhysicianName = record.performingPhysicianName }
        if series.operatorsName.isEmpty { series.operatorsName = record.operatorsName }
        return conflict
    }

    static func fill<T>(_ slot: inout T?, _ value: T?) {
        if slot == nil { slot = value }
    }
}
