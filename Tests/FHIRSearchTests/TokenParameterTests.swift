import FHIRExport
import FHIRSearch
import XCTest

/// Token parameters on the hand-built studies A-E (see `Fixtures`).
final class TokenParameterTests: XCTestCase {
    private let idA = NameBasedUUID.study(uid: "1.2.10")
    private let idC = NameBasedUUID.study(uid: "1.2.30")

    func testIdIsTheNDJSONIdOfTheStudyUID() {
        XCTAssertEqual(uids(["_id=\(NameBasedUUID.study(uid: "1.2.20"))"]), ["1.2.20"])
        XCTAssertEqual(uids(["_id=\(idC),\(idA)"]), ["1.2.10", "1.2.30"])
        XCTAssertEqual(uids(["_id:not=\(idA)"]), ["1.2.20", "1.2.30", "1.2.40", "1.2.50"])
        XCTAssertEqual(uids(["_id=1.2.10"]), [])  // the UID itself is no id
    }

    func testIdentifierMatchesStudyUIDAccessionAndStudyID() {
        XCTAssertEqual(uids(["identifier=urn:dicom:uid|urn:oid:1.2.10"]), ["1.2.10"])
        XCTAssertEqual(uids(["identifier=urn:oid:1.2.50"]), ["1.2.50"])
        XCTAssertEqual(uids(["identifier=ACC1"]), ["1.2.10"])
        XCTAssertEqual(uids(["identifier=urn:dicom:issuer:HOSP%20A|ACC1"]), ["1.2.10"])
        XCTAssertEqual(uids(["identifier=|ACC1"]), [])  // ACC1 has a system
        XCTAssertEqual(uids(["identifier=|ACC2"]), ["1.2.20"])
        XCTAssertEqual(uids(["identifier=urn:oid:2.16.840.1.113883.3.1|ACC3"]), ["1.2.30"])
        XCTAssertEqual(uids(["identifier=S1"]), ["1.2.10"])
        XCTAssertEqual(uids(["identifier=|S5"]), ["1.2.50"])
        XCTAssertEqual(uids(["identifier=urn:dicom:uid|"]), ["1.2.10", "1.2.20", "1.2.30", "1.2.40", "1.2.50"])
        XCTAssertEqual(uids(["identifier=S1,ACC2"]), ["1.2.10", "1.2.20"])
        XCTAssertEqual(uids(["identifier:not=S1"]), ["1.2.20", "1.2.30", "1.2.40", "1.2.50"])
    }

    func testIdentifierOfTypeMatchesTheAccessionByItsACSNType() {
        let acsn = "http://terminology.hl7.org/CodeSystem/v2-0203|ACSN"
        XCTAssertEqual(uids(["identifier:of-type=\(acsn)|ACC2"]), ["1.2.20"])
        XCTAssertEqual(uids(["identifier:of-type=\(acsn)|S1"]), [])  // a Study ID has no type
        XCTAssertEqual(uids(["identifier:of-type=\(acsn)|ACC1,\(acsn)|ACC3"]), ["1.2.10", "1.2.30"])
    }

    func testAccessionMatchesTheACSNIdentifierWithItsIssuerSystem() {
        XCTAssertEqual(uids(["accession=ACC1"]), ["1.2.10"])
        XCTAssertEqual(uids(["accession=ACC2,ACC1"]), ["1.2.10", "1.2.20"])
        XCTAssertEqual(uids(["accession=urn:oid:2.16.840.1.113883.3.1|ACC3"]), ["1.2.30"])
        XCTAssertEqual(uids(["accession=urn:oid:1.2.3.4|ACC3"]), [])
        XCTAssertEqual(uids(["accession=S1"]), [])
        XCTAssertEqual(uids(["accession:missing=true"]), ["1.2.40", "1.2.50"])
        XCTAssertEqual(uids(["accession:missing=false"]), ["1.2.10", "1.2.20", "1.2.30"])
        XCTAssertEqual(uids(["accession:not=ACC1"]), ["1.2.20", "1.2.30", "1.2.40", "1.2.50"])
    }

    func testModalityMatchesEverySeriesModalityWithOTForNone() {
        XCTAssertEqual(uids(["modality=CT"]), ["1.2.10", "1.2.50"])
        XCTAssertEqual(uids(["modality=http://dicom.nema.org/resources/ontology/DCM|MR"]), ["1.2.20"])
        XCTAssertEqual(uids(["modality=SR"]), ["1.2.10"])  // series.modality, not only acquisition ones
        XCTAssertEqual(uids(["modality=PR"]), ["1.2.50"])
        XCTAssertEqual(uids(["modality=OT"]), ["1.2.40"])  // written OT when the series has none
        XCTAssertEqual(uids(["modality=CT,US"]), ["1.2.10", "1.2.30", "1.2.50"])
        XCTAssertEqual(uids(["modality=|CT"]), [])
        XCTAssertEqual(uids(["modality=http://example.org|CT"]), [])
        XCTAssertEqual(uids(["modality:not=CT"]), ["1.2.20", "1.2.30", "1.2.40"])
        XCTAssertEqual(uids(["modality:not=CT,MR"]), ["1.2.30", "1.2.40"])
        XCTAssertEqual(uids(["modality=CT", "modality=PR"]), ["1.2.50"])  // AND
    }

    func testStatusIsAvailableForEveryStudy() {
        XCTAssertEqual(uids(["status=available"]), ["1.2.10", "1.2.20", "1.2.30", "1.2.40", "1.2.50"])
        XCTAssertEqual(uids(["status=http://hl7.org/fhir/imagingstudy-status|available"]).count, 5)
        XCTAssertEqual(uids(["status=cancelled,registered"]), [])
        XCTAssertEqual(uids(["status:not=available"]), [])
    }

    func testSeriesAndUidMatchSeriesAndInstanceUIDs() {
        XCTAssertEqual(uids(["series=1.2.20.1"]), ["1.2.20"])
        XCTAssertEqual(uids(["series=1.2.50.2,1.2.10.2"]), ["1.2.10", "1.2.50"])
        XCTAssertEqual(uids(["series=1.2.20"]), [])
        XCTAssertEqual(uids(["uid=1.2.10.1.2"]), ["1.2.10"])
        XCTAssertEqual(uids(["uid=1.2.40.1.1"]), ["1.2.40"])
        XCTAssertEqual(uids(["instance=1.2.40.1.1"]), ["1.2.40"])  // R4's name for uid
        XCTAssertEqual(uids(["uid=1.2.10.1"]), [])
    }

    func testBodysiteMatchesSNOMEDCodesAndBodyPartTerms() {
        XCTAssertEqual(uids(["bodysite=43799004"]), ["1.2.10"])  // CHEST
        XCTAssertEqual(uids(["bodysite=http://snomed.info/sct|72696002"]), ["1.2.20"])  // KNEE
        XCTAssertEqual(uids(["bodysite=KNEE"]), ["1.2.20"])
        XCTAssertEqual(uids(["bodysite=abdomen"]), ["1.2.30"])  // written `Abdomen`, found as ABDOMEN
        XCTAssertEqual(uids(["bodysite=BREAST,KNEE"]), ["1.2.10", "1.2.20"])
        XCTAssertEqual(uids(["bodysite=http://example.org|KNEE"]), [])
        XCTAssertEqual(uids(["bodysite:missing=true"]), ["1.2.40", "1.2.50"])
    }

    func testDicomClassMatchesSOPClassUIDsBareOrAsURN() {
        XCTAssertEqual(uids(["dicom-class=\(Fixtures.ct)"]), ["1.2.10", "1.2.50"])
        XCTAssertEqual(uids(["dicom-class=urn:oid:\(Fixtures.mr)"]), ["1.2.20"])
        XCTAssertEqual(uids(["dicom-class=urn:ietf:rfc:3986|urn:oid:1.2.840.10008.5.1.4.1.1.88.11"]), ["1.2.10"])
        XCTAssertEqual(uids(["dicom-class=urn:ietf:rfc:3986|1.2.840.10008.5.1.4.1.1.6.1"]), ["1.2.30"])
        XCTAssertEqual(uids(["dicom-class:missing=true"]), ["1.2.40"])
        XCTAssertEqual(uids(["dicom-class:not=\(Fixtures.ct)"]), ["1.2.20", "1.2.30", "1.2.40"])
    }

    func testEscapedCommasAndBarsArePartOfTheValue() throws {
        var odd = Fixtures.b
        odd.accessionNumber = "A,1|2"
        XCTAssertEqual(uids(["accession=A\\,1\\|2"], in: [odd]), ["1.2.20"])
        XCTAssertEqual(uids(["accession=|A\\,1\\|2"], in: [odd]), ["1.2.20"])
        XCTAssertEqual(uids(["accession=A"], in: [odd]), [])
    }
}
