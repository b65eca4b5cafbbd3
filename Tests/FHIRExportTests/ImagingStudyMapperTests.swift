import DICOMCore
@testable import DICOMStudies
@testable import FHIRExport
import JSONWriting
import XCTest

final class ImagingStudyMapperTests: XCTestCase {
    private let dcm = #""system":"http://dicom.nema.org/resources/ontology/DCM""#
    private let acsn = #"{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"ACSN"}]}"#

    private func r4(_ study: StudyEntry, _ options: FHIROptions = FHIROptions(defaultTimezone: .offset(.utc))) -> String {
        ImagingStudyMapper(options: options).imagingStudy(study).serialized()
    }

    func testR4MapsEveryRowOfTheTable() {
        let sop = #"{"system":"urn:ietf:rfc:3986","code":"urn:oid:1.2.840.10008.5.1.4.1.1.2"}"#
        let expected = [
            #"{"resourceType":"ImagingStudy","#,
            #""identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.3"},"#,
            #"{"type":\#(acsn),"system":"urn:dicom:issuer:HOSP%20A","value":"ACC1"},{"value":"S1"}],"#,
            #""status":"available","#,
            // acquisition modalities only (SR is not one), in order of the series
            #""modality":[{\#(dcm),"code":"CT","display":"Computed Tomography"},{\#(dcm),"code":"MG","display":"Mammography"}],"#,
            #""subject":{"type":"Patient","identifier":{"system":"urn:oid:1.2.3.4","value":"PAT001"},"display":"Dr John Paul Smith Jr"},"#,
            #""started":"2024-03-12T14:30:00+01:00","#,
            #""basedOn":[{"type":"ServiceRequest","identifier":{"type":\#(acsn),"system":"urn:dicom:issuer:HOSP%20A","value":"ACC1"}},"#,
            #"{"type":"ServiceRequest","identifier":{"value":"RP1"}}],"#,
            #""referrer":{"display":"Hans Weber"},"interpreter":[{"display":"Eva Klein"}],"#,
            #""numberOfSeries":3,"numberOfInstances":4,"#,
            #""procedureCode":[{"coding":[{"system":"http://loinc.org","code":"24627-2","display":"Chest CT"}]},"#,
            #"{"coding":[{"code":"CTCHEST","display":"CT chest local"}]}],"#,
            #""reasonCode":[{"coding":[{"system":"http://snomed.info/sct","code":"49727002","display":"Cough"}],"text":"Persistent cough"}],"#,
            #""description":"CT Thorax","#,
            #""series":[{"uid":"1.2.3.1","number":1,"modality":{\#(dcm),"code":"CT","display":"Computed Tomography"},"#,
            #""description":"Thorax 5mm","numberOfInstances":2,"#,
            #""bodySite":{"system":"http://snomed.info/sct","code":"43799004","display":"Chest"},"#,
            #""started":"2024-03-12T14:31:05.5+01:00","#,
            #""performer":[{"function":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"PRF","display":"performer"}]},"actor":{"display":"Gregory House"}},"#,
            #"{"function":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationType","code":"SPRF","display":"secondary performer"}]},"actor":{"display":"Tom Tech"}}],"#,
            #""instance":[{"uid":"1.2.3.1.1","sopClass":\#(sop),"number":1},{"uid":"1.2.3.1.2","sopClass":\#(sop),"number":2}]},"#,
            #"{"uid":"1.2.3.2","number":2,"modality":{\#(dcm),"code":"MG","display":"Mammography"},"numberOfInstances":1,"#,
            #""bodySite":{"system":"http://snomed.info/sct","code":"76752008","display":"Breast"},"#,
            #""laterality":{"system":"http://snomed.info/sct","code":"419161000","display":"Unilateral left"},"#,
            #""instance":[{"uid":"1.2.3.2.1","sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:1.2.840.10008.5.1.4.1.1.1.2"},"number":1}]},"#,
            #"{"uid":"1.2.3.3","number":3,"modality":{\#(dcm),"code":"SR","display":"Structured Report Document"},"numberOfInstances":1,"#,
            #""instance":[{"uid":"1.2.3.3.1","sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:1.2.840.10008.5.1.4.1.1.88.11"},"number":1,"title":"Report"}]}]}"#,
        ].joined()
        XCTAssertEqual(r4(Fixtures.fullStudy), expected)
    }

    func testAbsentAttributesAreLeftOutAndRequiredOnesStayValid() {
        // No patient ID: a contained Patient; no Modality: OT; no dates, codes or names: nothing;
        // an instance without SOP Class UID (required in FHIR) is left out but still counted.
        let expected = [
            #"{"resourceType":"ImagingStudy","contained":[{"resourceType":"Patient","id":"patient"}],"#,
            #""identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.9"}],"status":"available","#,
            ##""subject":{"reference":"#patient"},"numberOfSeries":1,"numberOfInstances":1,"##,
            #""series":[{"uid":"1.2.9.1","modality":{\#(dcm),"code":"OT","display":"Other"},"numberOfInstances":1}]}"#,
        ].joined()
        XCTAssertEqual(r4(Fixtures.bareStudy), expected)
    }

    func testEmptyAndInvalidValuesAreLeftOut() {
        var study = Fixtures.study("1.2.5", patientID: "  ")
        (study.accessionNumber, study.studyID, study.date, study.referringPhysicianName) = (" ", "", "2024xx", "^^^")
        study.series[0].number = -1
        study.series[0].bodyPartExamined = "NOWHERE"
        study.series[0].laterality = "U"
        study.patient.name = "Doe^Jane"
        let json = r4(study)
        for absent in ["ACSN", "\"started\"", "\"referrer\"", "\"number\"", "bodySite", "laterality", "\"\""] {
            XCTAssertFalse(json.contains(absent), absent)
        }
        XCTAssertTrue(json.contains(#""contained":[{"resourceType":"Patient","id":"patient","name":[{"text":"Jane Doe","family":"Doe","given":["Jane"]}]}]"#))
        XCTAssertTrue(json.contains(##""subject":{"reference":"#patient","display":"Jane Doe"}"##))
    }

    func testAccessionWithoutIssuerHasNoSystemAndPatientDefaultSystemApplies() {
        var study = Fixtures.study("1.2.6", patientID: "P9")
        study.accessionNumber = "A7"
        let json = r4(study, FHIROptions(defaultPatientIDSystem: "urn:oid:9.9"))
        XCTAssertTrue(json.contains(#"{"type":\#(acsn),"value":"A7"}"#))
        XCTAssertTrue(json.contains(#""subject":{"type":"Patient","identifier":{"system":"urn:oid:9.9","value":"P9"}}"#))
    }

    func testEndpointIsContainedInStandaloneStudies() {
        let options = FHIROptions(wadoRSBase: "https://pacs.example.org/dicom-web")
        let json = r4(Fixtures.study("1.2.7", patientID: "P1"), options)
        XCTAssertTrue(json.contains(#""contained":[{"resourceType":"Endpoint","id":"wado-rs","identifier":[{"system":"urn:ietf:rfc:3986","value":"https://pacs.example.org/dicom-web"}],"status":"active","connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"dicom-wado-rs"},"payloadType":[{"text":"DICOM WADO-RS"}],"payloadMimeType":["application/dicom"],"address":"https://pacs.example.org/dicom-web"}]"#), json)
        XCTAssertTrue(json.contains(##""endpoint":[{"reference":"#wado-rs"}]"##))
    }

    func testR5UsesCodeableConceptsCodeableReferencesAndBasedOnForTheAccession() {
        let json = ImagingStudyMapper(options: FHIROptions(version: .r5, defaultTimezone: .offset(.utc)))
            .imagingStudy(Fixtures.fullStudy).serialized()
        XCTAssertTrue(json.contains(#""identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.3"},{"value":"S1"}]"#))
        XCTAssertTrue(json.contains(#""modality":[{"coding":[{\#(dcm),"code":"CT","display":"Computed Tomography"}]},"#))
        XCTAssertTrue(json.contains(#""basedOn":[{"type":"ServiceRequest","identifier":{"type":\#(acsn),"system":"urn:dicom:issuer:HOSP%20A","value":"ACC1"}},"#))
        XCTAssertTrue(json.contains(#""procedure":[{"concept":{"coding":[{"system":"http://loinc.org","code":"24627-2","display":"Chest CT"}]}},"#))
        XCTAssertTrue(json.contains(#""reason":[{"concept":{"coding":[{"system":"http://snomed.info/sct","code":"49727002","display":"Cough"}],"text":"Persistent cough"}}]"#))
        XCTAssertTrue(json.contains(#""bodySite":{"concept":{"coding":[{"system":"http://snomed.info/sct","code":"43799004","display":"Chest"}]}}"#))
        XCTAssertTrue(json.contains(#""laterality":{"coding":[{"system":"http://snomed.info/sct","code":"419161000","display":"Unilateral left"}]}"#))
        XCTAssertFalse(json.contains("interpreter"))
        XCTAssertFalse(json.contains("reasonCode"))
    }

    func testSTU3UsesUidAccessionAvailabilityModalityListAndPatient() {
        let json = ImagingStudyMapper(options: FHIROptions(version: .stu3, defaultTimezone: .offset(.utc)))
            .imagingStudy(Fixtures.fullStudy).serialized()
        let stu3Acsn = #"{"coding":[{"system":"http://hl7.org/fhir/v2/0203","code":"ACSN"}]}"#
        XCTAssertTrue(json.hasPrefix(#"{"resourceType":"ImagingStudy","uid":"urn:oid:1.2.3","accession":{"type":\#(stu3Acsn),"system":"urn:dicom:issuer:HOSP%20A","value":"ACC1"},"identifier":[{"value":"S1"}],"availability":"ONLINE","modalityList":[{\#(dcm),"code":"CT","display":"Computed Tomography"},"#), json)
        XCTAssertTrue(json.contains(#""patient":{"identifier":{"system":"urn:oid:1.2.3.4","value":"PAT001"},"display":"Dr John Paul Smith Jr"}"#))
        XCTAssertTrue(json.contains(#""reason":{"coding":[{"system":"http://snomed.info/sct","code":"49727002","display":"Cough"}],"text":"Persistent cough"}"#))
        XCTAssertTrue(json.contains(#""performer":[{"display":"Gregory House"},{"display":"Tom Tech"}]"#))
        XCTAssertTrue(json.contains(#"{"uid":"urn:oid:1.2.3.1.1","number":1,"sopClass":"urn:oid:1.2.840.10008.5.1.4.1.1.2"}"#))
        XCTAssertFalse(json.contains("\"status\""))
        XCTAssertFalse(json.contains("\"type\":\"ServiceRequest\""))  // STU3 Reference has no type
    }
}
