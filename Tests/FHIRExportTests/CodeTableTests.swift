import DICOMCore
@testable import FHIRExport
import XCTest

final class CodeTableTests: XCTestCase {
    func testModalitiesKnowTheirMeaningAndWhetherTheyAreAcquisitionModalities() {
        XCTAssertEqual(ModalityCode.lookup("CT"), ModalityCode(meaning: "Computed Tomography", isAcquisition: true))
        XCTAssertEqual(ModalityCode.lookup("SR"), ModalityCode(meaning: "Structured Report Document", isAcquisition: false))
        XCTAssertEqual(ModalityCode.lookup("OT")?.isAcquisition, false)
        XCTAssertNil(ModalityCode.lookup("CAT"))
        XCTAssertEqual(ModalityCode.table.values.filter(\.isAcquisition).count, 51)  // CID 29
    }

    func testBodyPartExaminedMapsThroughAnnexLToSNOMED() {
        XCTAssertEqual(BodyPartCode.lookup("HEAD").map { [$0.code, $0.meaning] }, ["69536005", "Head"])
        XCTAssertEqual(BodyPartCode.lookup("CSPINE")?.code, "122494005")
        XCTAssertEqual(BodyPartCode.lookup("ABDOMEN")?.code, "818981001")
        XCTAssertEqual(BodyPartCode.lookup("WHOLE BODY")?.code, "38266002")  // not a defined term; squeezed
        XCTAssertEqual(BodyPartCode.lookup(" knee ")?.code, "72696002")
        XCTAssertNil(BodyPartCode.lookup("ELSEWHERE"))
    }

    func testLateralityMapsRLBAndLeavesUnpairedOut() {
        XCTAssertEqual(LateralityCode.lookup("R")?.code, "419465000")
        XCTAssertEqual(LateralityCode.lookup("L")?.code, "419161000")
        XCTAssertEqual(LateralityCode.lookup("B")?.code, "51440002")
        XCTAssertNil(LateralityCode.lookup("U"))
    }

    func testCodingSchemeDesignatorsMapToFHIRSystems() {
        XCTAssertEqual(CodeSystems.system(forDesignator: "SCT"), "http://snomed.info/sct")
        XCTAssertEqual(CodeSystems.system(forDesignator: "LN"), "http://loinc.org")
        XCTAssertEqual(CodeSystems.system(forDesignator: "DCM"), "http://dicom.nema.org/resources/ontology/DCM")
        XCTAssertEqual(CodeSystems.system(forDesignator: "RadLex"), "http://radlex.org")
        XCTAssertEqual(CodeSystems.system(forDesignator: "I10"), "http://hl7.org/fhir/sid/icd-10")
        XCTAssertNil(CodeSystems.system(forDesignator: "99LOCAL"))
        XCTAssertNil(CodeSystems.system(forDesignator: "SRT"))
    }

    func testIssuersBecomeStableIdentifierSystems() {
        XCTAssertEqual(IssuerSystem.system(for: "1.2.840.99"), "urn:oid:1.2.840.99")
        XCTAssertEqual(IssuerSystem.system(for: "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"),
                       "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8")
        XCTAssertEqual(IssuerSystem.system(for: "https://hospital.example/mrn"), "https://hospital.example/mrn")
        XCTAssertEqual(IssuerSystem.system(for: "HOSP A/Ünit"), "urn:dicom:issuer:HOSP%20A%2F%C3%9Cnit")
        XCTAssertEqual(IssuerSystem.system(for: "01.2"), "urn:dicom:issuer:01.2")  // not a valid OID
        XCTAssertNil(IssuerSystem.system(for: "  "))
    }

    func testSearchTokensEscapeFHIRSpecialsAndPercentEncode() {
        XCTAssertEqual(SearchQuery.token(system: "urn:dicom:uid", value: "urn:oid:1.2.3"), "urn:dicom:uid|urn:oid:1.2.3")
        XCTAssertEqual(SearchQuery.token(system: nil, value: "A+B C"), "|A%2BB%20C")
        XCTAssertEqual(SearchQuery.token(system: "urn:oid:1.2", value: "a|b,c$d\\e&f#"),
                       "urn:oid:1.2|a%5C%7Cb%5C%2Cc%5C%24d%5C%5Ce%26f%23")
    }

    func testTimezoneOptionValuesParse() {
        XCTAssertEqual(DefaultTimezone("local"), .local)
        XCTAssertEqual(DefaultTimezone("UTC"), .offset(.utc))
        XCTAssertEqual(DefaultTimezone("+01:00"), UTCOffset(minutes: 60).map(DefaultTimezone.offset))
        XCTAssertEqual(DefaultTimezone("-0530"), UTCOffset(minutes: -330).map(DefaultTimezone.offset))
        XCTAssertEqual(DefaultTimezone("none"), .dateOnly)
        XCTAssertNil(DefaultTimezone("Europe/Berlin"))
        XCTAssertNil(DefaultTimezone("+25:00"))
    }
}
