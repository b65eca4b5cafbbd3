import FHIRExport
import FHIRSearch
import XCTest

/// `patient`, `subject`, `basedon` and `referrer` on the hand-built studies A-E.
final class ReferenceParameterTests: XCTestCase {
    private let pat001 = NameBasedUUID.patient(system: "urn:oid:1.2.3.4", value: "PAT001")
    private let pat002 = NameBasedUUID.patient(system: nil, value: "PAT002")

    func testPatientByIdentifierValueOrToken() {
        XCTAssertEqual(uids(["patient=PAT001"]), ["1.2.10", "1.2.30"])
        XCTAssertEqual(uids(["patient=urn:oid:1.2.3.4|PAT001"]), ["1.2.10", "1.2.30"])
        XCTAssertEqual(uids(["patient=urn:oid:9.9|PAT001"]), [])
        XCTAssertEqual(uids(["patient=|PAT002"]), ["1.2.20"])
        XCTAssertEqual(uids(["patient=|PAT001"]), [])  // PAT001 has an issuer
        XCTAssertEqual(uids(["patient=http://hospital.example/ids|PAT003"]), ["1.2.50"])
        XCTAssertEqual(uids(["patient=PAT001,PAT003"]), ["1.2.10", "1.2.30", "1.2.50"])
        XCTAssertEqual(uids(["patient:identifier=urn:oid:1.2.3.4|PAT001"]), ["1.2.10", "1.2.30"])
        XCTAssertEqual(uids(["patient:identifier=PAT003"]), ["1.2.50"])
    }

    func testPatientByResourceIdAsTheNDJSONWritesIt() {
        XCTAssertEqual(uids(["patient=Patient/\(pat001)"]), ["1.2.10", "1.2.30"])
        XCTAssertEqual(uids(["patient=\(pat002)"]), ["1.2.20"])
        XCTAssertEqual(uids(["patient=https://fhir.example.org/r4/Patient/\(pat002)"]), ["1.2.20"])
        XCTAssertEqual(uids(["patient:identifier=\(pat002)"]), [])  // an id is no identifier
        XCTAssertEqual(uids(["patient=Patient/PAT001"]), [])  // nor an identifier an id
    }

    func testSubjectIsThePatient() {
        XCTAssertEqual(uids(["subject=PAT002"]), ["1.2.20"])
        XCTAssertEqual(uids(["subject=Patient/\(pat001)"]), ["1.2.10", "1.2.30"])
        XCTAssertEqual(uids(["subject=Group/\(pat001)"]), [])
        XCTAssertEqual(uids(["subject:missing=true"]), ["1.2.40"])
    }

    func testAStudyWithoutPatientIDHasAContainedPatientThatCountsAsMissing() {
        XCTAssertEqual(uids(["patient:missing=true"]), ["1.2.40"])
        XCTAssertEqual(uids(["patient:missing=false"]), ["1.2.10", "1.2.20", "1.2.30", "1.2.50"])
    }

    func testTheDefaultPatientIDSystemIsTheSystemOfPatientsWithoutIssuer() {
        let options = FHIROptions(defaultTimezone: .offset(.utc), defaultPatientIDSystem: "urn:example:pid")
        XCTAssertEqual(uids(["patient=|PAT002"], options: options), [])
        XCTAssertEqual(uids(["patient=urn:example:pid|PAT002"], options: options), ["1.2.20"])
        let id = NameBasedUUID.patient(system: "urn:example:pid", value: "PAT002")
        XCTAssertEqual(uids(["patient=Patient/\(id)"], options: options), ["1.2.20"])
    }

    func testBasedonMatchesTheServiceRequestIdentifiers() {
        XCTAssertEqual(uids(["basedon=ACC1"]), ["1.2.10"])
        XCTAssertEqual(uids(["basedon=RP1"]), ["1.2.10"])
        XCTAssertEqual(uids(["basedon=|RP5"]), ["1.2.50"])
        XCTAssertEqual(uids(["basedon=ACC2,RP5"]), ["1.2.20", "1.2.50"])
        XCTAssertEqual(uids(["basedon:identifier=urn:dicom:issuer:HOSP%20A|ACC1"]), ["1.2.10"])
        XCTAssertEqual(uids(["basedon:identifier=|ACC1"]), [])
        XCTAssertEqual(uids(["basedon=ServiceRequest/ACC1"]), [])  // the ServiceRequests have no ids
        XCTAssertEqual(uids(["basedon:missing=true"]), ["1.2.40"])
    }

    func testReferrerMatchesPartOfTheNameIgnoringCaseAndAccents() {
        XCTAssertEqual(uids(["referrer=weber"]), ["1.2.10"])
        XCTAssertEqual(uids(["referrer=Hans Weber"]), ["1.2.10"])
        XCTAssertEqual(uids(["referrer=weber hans"]), ["1.2.10"])  // family name first, as DICOM writes it
        XCTAssertEqual(uids(["referrer=schafer"]), ["1.2.20"])
        XCTAssertEqual(uids(["referrer=BJÖRN"]), ["1.2.20"])
        XCTAssertEqual(uids(["referrer=dr. med"]), ["1.2.20"])
        XCTAssertEqual(uids(["referrer=weber,schäfer"]), ["1.2.10", "1.2.20"])
        XCTAssertEqual(uids(["referrer=meier"]), [])
        XCTAssertEqual(uids(["referrer=Practitioner/1"]), [])
        XCTAssertEqual(uids(["referrer:missing=true"]), ["1.2.30", "1.2.40", "1.2.50"])
    }
}
