import DICOMCore
import DICOMParser

/// The first element of each tag an `InstanceRecord` reads at the top level of a data set,
/// found in one pass over the elements recorded there: what a lookup by tag gives for each
/// (strictly ascending tags have one element each; otherwise the first one counts), without a
/// lookup per attribute.
struct RecordElements {
    var sopClassUID, sopInstanceUID, instanceNumber, numberOfFrames: Element?
    var contentLabel, documentTitle, conceptNameCodeSequence: Element?
    var patientName, patientID, issuerOfPatientID, patientBirthDate, patientSex: Element?
    var studyInstanceUID, studyDate, studyTime, timezoneOffsetFromUTC, accessionNumber: Element?
    var issuerOfAccessionNumberSequence, studyID, studyDescription, referringPhysicianName: Element?
    var namesOfPhysiciansReadingStudy, procedureCodeSequence, requestAttributesSequence: Element?
    var requestedProcedureID, reasonForRequestedProcedure, reasonForRequestedProcedureCodeSequence: Element?
    var institutionName, manufacturer: Element?
    var seriesInstanceUID, seriesNumber, modality, seriesDescription, seriesDate, seriesTime: Element?
    var bodyPartExamined, laterality, imageLaterality: Element?
    var performingPhysicianName, operatorsName: Element?

    init(_ elements: [Element]) {
        for element in elements {
            // Literal cases, so that the switch compiles to a search, not to a comparison per case.
            switch element.tag.rawValue {
            case 0x0008_0016: Self.first(&sopClassUID, element)
            case 0x0008_0018: Self.first(&sopInstanceUID, element)
            case 0x0008_0020: Self.first(&studyDate, element)
            case 0x0008_0021: Self.first(&seriesDate, element)
            case 0x0008_0030: Self.first(&studyTime, element)
            case 0x0008_0031: Self.first(&seriesTime, element)
            case 0x0008_0050: Self.first(&accessionNumber, element)
            case 0x0008_0051: Self.first(&issuerOfAccessionNumberSequence, element)
            case 0x0008_0060: Self.first(&modality, element)
            case 0x0008_0070: Self.first(&manufacturer, element)
            case 0x0008_0080: Self.first(&institutionName, element)
            case 0x0008_0090: Self.first(&referringPhysicianName, element)
            case 0x0008_0201: Self.first(&timezoneOffsetFromUTC, element)
            case 0x0008_1030: Self.first(&studyDescription, element)
            case 0x0008_1032: Self.first(&procedureCodeSequence, element)
            case 0x0008_103E: Self.first(&seriesDescription, element)
            case 0x0008_1050: Self.first(&performingPhysicianName, element)
            case 0x0008_1060: Self.first(&namesOfPhysiciansReadingStudy, element)
            case 0x0008_1070: Self.first(&operatorsName, element)
            case 0x0010_0010: Self.first(&patientName, element)
            case 0x0010_0020: Self.first(&patientID, element)
            case 0x0010_0021: Self.first(&issuerOfPatientID, element)
            case 0x0010_0030: Self.first(&patientBirthDate, element)
            case 0x0010_0040: Self.first(&patientSex, element)
            case 0x0018_0015: Self.first(&bodyPartExamined, element)
            case 0x0020_000D: Self.first(&studyInstanceUID, element)
            case 0x0020_000E: Self.first(&seriesInstanceUID, element)
            case 0x0020_0010: Self.first(&studyID, element)
            case 0x0020_0011: Self.first(&seriesNumber, element)
            case 0x0020_0013: Self.first(&instanceNumber, element)
            case 0x0020_0060: Self.first(&laterality, element)
            case 0x0020_0062: Self.first(&imageLaterality, element)
            case 0x0028_0008: Self.first(&numberOfFrames, element)
            case 0x0040_0275: Self.first(&requestAttributesSequence, element)
            case 0x0040_1001: Self.first(&requestedProcedureID, element)
            case 0x0040_1002: Self.first(&reasonForRequestedProcedure, element)
            case 0x0040_100A: Self.first(&reasonForRequestedProcedureCodeSequence, element)
            case 0x0040_A043: Self.first(&conceptNameCodeSequence, element)
            case 0x0042_0010: Self.first(&documentTitle, element)
            case 0x0070_0080: Self.first(&contentLabel, element)
            default: break
            }
        }
    }

    @inline(__always)
    private static func first(_ slot: inout Element?, _ element: Element) {
        if slot == nil { slot = element }
    }
}
