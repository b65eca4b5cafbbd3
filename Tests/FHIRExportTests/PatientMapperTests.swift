@testable import DICOMStudies
@testable import FHIRExport
import XCTest

final class PatientMapperTests: XCTestCase {
    private let mapper = PatientMapper(options: FHIROptions())

    func testPatientHasIdentifierHumanNameGenderAndBirthDate() {
        XCTAssertEqual(mapper.patient(Fixtures.fullStudy.patient).serialized(), [
            #"{"resourceType":"Patient","identifier":[{"system":"urn:oid:1.2.3.4","value":"PAT001"}],"#,
            #""name":[{"text":"Dr John Paul Smith Jr","family":"Smith","given":["John","Paul"],"prefix":["Dr"],"suffix":["Jr"]}],"#,
            #""gender":"male","birthDate":"1958-02-14"}"#,
        ].joined())
    }

    func testIdeographicAndPhoneticNamesAreMarked() {
        let info = PatientInfo(id: "PAT002", name: "Yamada^Tarou=山田^太郎=やまだ^たろう", birthDate: "1979", sex: "F")
        let representation = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
        XCTAssertEqual(mapper.patient(info, id: "x").serialized(), [
            #"{"resourceType":"Patient","id":"x","identifier":[{"value":"PAT002"}],"name":["#,
            #"{"text":"Tarou Yamada","family":"Yamada","given":["Tarou"]},"#,
            #"{"extension":[{"url":"\#(representation)","valueCode":"IDE"}],"text":"山田 太郎","family":"山田","given":["太郎"]},"#,
            #"{"extension":[{"url":"\#(representation)","valueCode":"SYL"}],"text":"やまだ たろう","family":"やまだ","given":["たろう"]}],"#,
            #""gender":"female","birthDate":"1979"}"#,
        ].joined())
    }

    func testGenderMapsMFOAndAnythingElseToUnknownButAbsentStaysAbsent() {
        XCTAssertEqual(PatientMapper.gender("O"), "other")
        XCTAssertEqual(PatientMapper.gender("U"), "unknown")
        XCTAssertNil(PatientMapper.gender(nil))
        XCTAssertNil(PatientMapper.gender(" "))
        let empty = PatientInfo(id: "P", birthDate: "19580231")
        XCTAssertEqual(mapper.patient(empty).serialized(), #"{"resourceType":"Patient","identifier":[{"value":"P"}]}"#)
    }
}
