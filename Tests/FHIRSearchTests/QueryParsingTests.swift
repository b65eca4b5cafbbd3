import DICOMCore
import FHIRExport
import FHIRSearch
import XCTest

/// Arguments become typed clauses; anything unknown or malformed is an error, never an empty
/// result.
final class QueryParsingTests: XCTestCase {
    func testArgumentsBecomeTypedClauses() throws {
        let query = try ImagingStudyQuery(["modality=CT,MR", "started=ge2024-03", "patient:identifier=urn:oid:1.2|P1",
                                           "_count=5", "_sort=-started,_id"])
        XCTAssertEqual(query.clauses, [
            SearchClause(parameter: .modality, values: [.token(TokenValue(system: .any, code: "CT")),
                                                        .token(TokenValue(system: .any, code: "MR"))]),
            SearchClause(parameter: .started, values: [
                .date(DateSearchValue(prefix: .ge, value: DICOMDateTime(date: DICOMDate(year: 2024, month: 3)!))),
            ]),
            SearchClause(parameter: .patient, modifier: .identifier,
                         values: [.reference(.identifier(TokenValue(system: .uri("urn:oid:1.2"), code: "P1")))]),
        ])
        XCTAssertEqual(query.count, 5)
        XCTAssertEqual(query.sort, [SortKey(.started, descending: true), SortKey(.id)])
    }

    func testBodysiteTermsAndBareSOPClassUIDsAreNormalized() throws {
        let query = try ImagingStudyQuery(["bodysite=Whole Body", "dicom-class=1.2.840.10008.5.1.4.1.1.2"])
        XCTAssertEqual(query.clauses.map(\.values), [
            [.token(TokenValue(system: .uri("http://snomed.info/sct"), code: "38266002"))],
            [.token(TokenValue(system: .any, code: "urn:oid:1.2.840.10008.5.1.4.1.1.2"))],
        ])
    }

    func testNoArgumentsMatchEverything() throws {
        XCTAssertEqual(uids([]), ["1.2.10", "1.2.20", "1.2.30", "1.2.40", "1.2.50"])
    }

    func testArgumentsThatAreNotNameValue() {
        XCTAssertEqual(searchError(["modality"]), .notNameValue(argument: "modality"))
        XCTAssertEqual(searchError(["=CT"]), .notNameValue(argument: "=CT"))
        XCTAssertEqual(searchError(["modality"])?.description,
                       "\"modality\": expected NAME=VALUE, e.g. modality=CT or started=ge2024-01-01")
    }

    func testUnknownParametersAreErrorsWithASuggestion() {
        XCTAssertEqual(searchError(["modalty=CT"]), .unknownParameter(name: "modalty", suggestion: "modality"))
        XCTAssertEqual(searchError(["Modality=CT"]), .unknownParameter(name: "Modality", suggestion: "modality"))
        XCTAssertEqual(searchError(["dicom_class=1.2"]), .unknownParameter(name: "dicom_class", suggestion: "dicom-class"))
        XCTAssertEqual(searchError(["id=1"]), .unknownParameter(name: "id", suggestion: "_id"))
        XCTAssertEqual(searchError(["_format=json"]), .unknownParameter(name: "_format", suggestion: nil))
        XCTAssertEqual(searchError(["encounter=Encounter/1"]), .unsupportedParameter(name: "encounter"))
        XCTAssertEqual(searchError(["modalty=CT"])?.description,
                       "unknown search parameter \"modalty\" (did you mean \"modality\"?); ImagingStudy parameters: "
                       + "_id, identifier, patient, subject, accession, modality, status, started, series, uid, "
                       + "bodysite, dicom-class, basedon, referrer, _count, _sort")
    }

    func testModifiersAParameterDoesNotTakeAreErrors() {
        XCTAssertEqual(searchError(["modality:exact=CT"]),
                       .unsupportedModifier(argument: "modality:exact=CT", parameter: "modality", modifier: "exact",
                                            supported: ["not", "missing"]))
        XCTAssertEqual(searchError(["started:not=2024"])?.description,
                       "started:not=2024: started does not take the modifier :not (it takes: :missing)")
        XCTAssertNotNil(searchError(["accession:of-type=a|b|c"]))
        XCTAssertNotNil(searchError(["referrer:identifier=x"]))
        XCTAssertNotNil(searchError(["patient:not=PAT001"]))
        XCTAssertNotNil(searchError(["modality:=CT"]))
    }

    func testMalformedTokenValues() {
        XCTAssertEqual(searchError(["modality="]), .invalidValue(argument: "modality=", reason: "no value after \"=\""))
        XCTAssertEqual(searchError(["modality=CT,,MR"]),
                       .invalidValue(argument: "modality=CT,,MR", reason: "an empty value between commas"))
        XCTAssertNotNil(searchError(["modality=CT,"]))
        XCTAssertNotNil(searchError(["identifier=a|b|c"]))
        XCTAssertNotNil(searchError(["identifier=|"]))
        XCTAssertEqual(searchError(["modality=ct"])?.description, "modality=ct: modality codes are upper case: CT")
        XCTAssertEqual(searchError(["status=done"])?.description,
                       "status=done: \"done\" is not an ImagingStudy status (registered, available, cancelled, entered-in-error, unknown)")
        XCTAssertNotNil(searchError(["bodysite=ELBOWS"]))
        XCTAssertNotNil(searchError(["dicom-class=CT"]))
        XCTAssertNotNil(searchError(["identifier:of-type=ACSN|ACC1"]))
        XCTAssertNotNil(searchError(["patient=Patient/"]))
        XCTAssertEqual(searchError(["accession:missing=yes"])?.description,
                       "accession:missing=yes: :missing takes true or false")
    }

    func testMalformedDates() {
        let bad = ["started=2024-13", "started=2024-02-30", "started=2024-3-01", "started=24-03-01",
                   "started=2024-03-12T25:00", "started=2024-03-12T10", "started=2024-03-12T10:00:60Z",
                   "started=2024-03-12T10:00+15:00", "started=2024-03-12T10:00+01", "started=2024T10:00",
                   "started=2024-03T10:00", "started=2024-03-12T10:00:00.1234567Z", "started=ge",
                   "started=xx2024", "started=2024-03-12 10:00", "started=2024-03-12t10:00", "started=2024-03-12Z"]
        for argument in bad {
            let error = searchError([argument])
            guard case .invalidValue(let given, _)? = error else {
                XCTFail("\(argument): \(String(describing: error))")
                continue
            }
            XCTAssertEqual(given, argument)
        }
        XCTAssertEqual(searchError(["started=20240312"])?.description,
                       "started=20240312: \"20240312\" is a DICOM date; FHIR writes it 2024-03-12")
        XCTAssertEqual(searchError(["started=xx2024"])?.description,
                       "started=xx2024: \"xx\" is not a date prefix (eq, ne, gt, lt, ge, le, sa, eb, ap)")
    }

    func testCountAndSortValues() {
        XCTAssertNotNil(searchError(["_count=-1"]))
        XCTAssertNotNil(searchError(["_count=ten"]))
        XCTAssertEqual(searchError(["_count=1", "_count=2"]), .repeatedParameter(name: "_count"))
        XCTAssertEqual(searchError(["_sort=started", "_sort=_id"]), .repeatedParameter(name: "_sort"))
        XCTAssertEqual(searchError(["_sort=date"])?.description,
                       "_sort=date: \"date\" is not a sort key (_id, started, accession, identifier, patient, "
                       + "subject, modality, referrer, status; - in front sorts descending)")
        XCTAssertNotNil(searchError(["_sort="]))
        XCTAssertNotNil(searchError(["_sort=started,"]))
        XCTAssertEqual(searchError(["_count:missing=true"])?.description,
                       "_count:missing=true: _count does not take the modifier :missing (it takes: none)")
    }
}
