import FHIRExport
import FHIRSearch
import XCTest

/// Every parameter on the TestData archive (read as the scan reads it), with exact matches.
/// Studies: DX 2024-01-15 09:15 and CT 2024-03-12 10:15:30.123456 of PAT001, MR 2024-04-05
/// 14:10 of PAT002, US 2024-05-20 08:30 of PAT003 (times without offset, read as UTC here).
final class TestDataSearchTests: XCTestCase {
    private typealias UID = Fixtures.TestDataUID

    private func found(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) -> [String] {
        uids(arguments, in: Fixtures.testData, file: file, line: line)
    }

    func testTestDataIsFourStudiesInDateOrder() {
        XCTAssertEqual(Fixtures.testData.map(\.uid), [UID.dx, UID.ct, UID.mr, UID.us])
    }

    func testTokens() {
        XCTAssertEqual(found("_id=\(NameBasedUUID.study(uid: UID.mr))"), [UID.mr])
        XCTAssertEqual(found("identifier=urn:dicom:uid|urn:oid:\(UID.us)"), [UID.us])
        XCTAssertEqual(found("identifier=US1"), [UID.us])
        XCTAssertEqual(found("identifier=TK2404050017"), [UID.mr])
        XCTAssertEqual(found("accession=ACC24031201"), [UID.ct])
        XCTAssertEqual(found("accession=ACC24011502,TK2404050017"), [UID.dx, UID.mr])
        XCTAssertEqual(found("accession:missing=true"), [UID.us])
        XCTAssertEqual(found("modality=DX"), [UID.dx])
        XCTAssertEqual(found("modality=SR"), [UID.ct])
        XCTAssertEqual(found("modality=OT"), [UID.ct])
        XCTAssertEqual(found("modality=MR,US"), [UID.mr, UID.us])
        XCTAssertEqual(found("modality:not=CT"), [UID.dx, UID.mr, UID.us])
        XCTAssertEqual(found("status=available"), [UID.dx, UID.ct, UID.mr, UID.us])
        XCTAssertEqual(found("series=2.25.157881981976217105839123059768379918549"), [UID.ct])
        XCTAssertEqual(found("uid=2.25.279872860038974084039237758465107628006"), [UID.mr])
        XCTAssertEqual(found("bodysite=CHEST"), [UID.dx, UID.ct])
        XCTAssertEqual(found("bodysite=72696002"), [UID.mr])
        XCTAssertEqual(found("bodysite=http://snomed.info/sct|818981001"), [UID.us])
        XCTAssertEqual(found("dicom-class=1.2.840.10008.5.1.4.1.1.7"), [UID.ct])
        XCTAssertEqual(found("dicom-class=urn:oid:1.2.840.10008.5.1.4.1.1.1.1"), [UID.dx])
        XCTAssertEqual(found("dicom-class=1.2.840.10008.5.1.4.1.1.3.1,1.2.840.10008.5.1.4.1.1.4"), [UID.mr, UID.us])
    }

    func testReferences() {
        XCTAssertEqual(found("patient=PAT001"), [UID.dx, UID.ct])
        XCTAssertEqual(found("patient=urn:dicom:issuer:KSUED|PAT001"), [UID.dx, UID.ct])
        XCTAssertEqual(found("subject:identifier=urn:dicom:issuer:TKCH|PAT002"), [UID.mr])
        let pat003 = NameBasedUUID.patient(system: "urn:dicom:issuer:SGH", value: "PAT003")
        XCTAssertEqual(found("patient=Patient/\(pat003)"), [UID.us])
        XCTAssertEqual(found("basedon=RP2"), [UID.dx])
        XCTAssertEqual(found("basedon=TK2404050017"), [UID.mr])
        XCTAssertEqual(found("basedon:missing=true"), [UID.us])
        XCTAssertEqual(found("referrer=schäfer"), [UID.dx, UID.ct])
        XCTAssertEqual(found("referrer=SUZUKI"), [UID.mr])
        XCTAssertEqual(found("referrer:missing=true"), [UID.us])
    }

    func testStartedWithEveryPrefix() {
        XCTAssertEqual(found("started=2024-03-12"), [UID.ct])
        XCTAssertEqual(found("started=eq2024-03-12T10:15:30Z"), [UID.ct])  // .123456 lies within that second
        XCTAssertEqual(found("started=eq2024-03-12T10:15:30.1Z"), [UID.ct])
        XCTAssertEqual(found("started=eq2024-03-12T10:15:30.2Z"), [])
        XCTAssertEqual(found("started=ne2024-03-12"), [UID.dx, UID.mr, UID.us])
        XCTAssertEqual(found("started=gt2024-04-05T14:10:00Z"), [UID.us])  // MR is that very second
        XCTAssertEqual(found("started=ge2024-04-05T14:10:00Z"), [UID.mr, UID.us])
        XCTAssertEqual(found("started=lt2024-03-12T10:15:30Z"), [UID.dx])
        XCTAssertEqual(found("started=le2024-03-12T10:15:30Z"), [UID.dx, UID.ct])
        XCTAssertEqual(found("started=sa2024-03-12"), [UID.mr, UID.us])
        XCTAssertEqual(found("started=eb2024-03-12"), [UID.dx])
        XCTAssertEqual(found("started=ge2024-04"), [UID.mr, UID.us])
        XCTAssertEqual(found("started=ap2024-03-12T10:00:00Z"), [UID.ct])  // 10% of 14 h: 84 min each side
        XCTAssertEqual(found("started=ge2024-02", "started=lt2024-05"), [UID.ct, UID.mr])
    }

    func testSortAndCount() throws {
        XCTAssertEqual(found("_sort=-started"), [UID.us, UID.mr, UID.ct, UID.dx])
        XCTAssertEqual(found("patient=PAT001", "_sort=-started", "_count=1"), [UID.ct])
        let result = try ImagingStudyQuery(["patient=PAT001", "_count=1"]).search(Fixtures.testData)
        XCTAssertEqual(result.total, 2)
    }
}
