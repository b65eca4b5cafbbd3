@testable import DICOMStudies
@testable import FHIRExport
import JSONWriting
import XCTest

final class WriterTests: XCTestCase {
    /// Three studies: two of PAT001 (same issuer), one of PAT002.
    private let studies = [
        Fixtures.study("1.2.1", patientID: "PAT001", issuer: "1.2.3.4", name: "Smith^John"),
        Fixtures.study("1.2.2", patientID: "PAT001", issuer: "1.2.3.4", name: "Smith^John"),
        Fixtures.study("1.2.3", patientID: "PAT002", name: "Doe^Jane"),
    ]

    private func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testBundlesHoldAtMostBundleSizeStudiesAndEachPatientOnce() {
        let lines = FHIRWriter(options: FHIROptions(bundleSize: 2)).bundles(studies)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(count(lines[0], #""resourceType":"ImagingStudy""#), 2)
        XCTAssertEqual(count(lines[0], #""resourceType":"Patient""#), 1)  // PAT001 once
        XCTAssertEqual(count(lines[1], #""resourceType":"ImagingStudy""#), 1)
        XCTAssertEqual(count(lines[1], #""resourceType":"Patient""#), 1)
        XCTAssertFalse(lines.joined().contains("\n"))
    }

    func testBundleEntriesAreConditionalRequestsWithUUIDFullUrls() {
        let line = FHIRWriter(options: FHIROptions(defaultTimezone: .offset(.utc))).bundles([studies[0]])[0]
        let patient = "urn:uuid:" + NameBasedUUID.patient(system: "urn:oid:1.2.3.4", value: "PAT001")
        let study = "urn:uuid:" + NameBasedUUID.study(uid: "1.2.1")
        let sop = #"{"system":"urn:ietf:rfc:3986","code":"urn:oid:1.2.840.10008.5.1.4.1.1.2"}"#
        XCTAssertEqual(line, [
            #"{"resourceType":"Bundle","type":"transaction","entry":["#,
            #"{"fullUrl":"\#(patient)","resource":{"resourceType":"Patient","identifier":[{"system":"urn:oid:1.2.3.4","value":"PAT001"}],"#,
            #""name":[{"text":"John Smith","family":"Smith","given":["John"]}]},"#,
            #""request":{"method":"POST","url":"Patient","ifNoneExist":"identifier=urn:oid:1.2.3.4|PAT001"}},"#,
            #"{"fullUrl":"\#(study)","resource":{"resourceType":"ImagingStudy","#,
            #""identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.1"}],"status":"available","#,
            #""modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT","display":"Computed Tomography"}],"#,
            #""subject":{"reference":"\#(patient)","display":"John Smith"},"numberOfSeries":1,"numberOfInstances":1,"#,
            #""series":[{"uid":"1.2.1.1","modality":{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT","display":"Computed Tomography"},"#,
            #""numberOfInstances":1,"instance":[{"uid":"1.2.1.1.1","sopClass":\#(sop)}]}]},"#,
            #""request":{"method":"PUT","url":"ImagingStudy?identifier=urn:dicom:uid|urn:oid:1.2.1"}}]}"#,
        ].joined())
    }

    func testAPatientWithoutIssuerIsMatchedOnlyWithoutSystem() {
        let line = FHIRWriter().bundles([studies[2]])[0]
        XCTAssertTrue(line.contains(#""ifNoneExist":"identifier=|PAT002""#))
    }

    func testABundleSizeBelowOneMeansOneStudyPerBundle() {
        var options = FHIROptions()
        options.bundleSize = 0
        XCTAssertEqual(FHIRWriter(options: options).bundles(studies).count, 3)
    }

    func testTheSameStudyTwiceStartsANewBundle() {
        let lines = FHIRWriter().bundles([studies[0], studies[1], studies[0]])
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(count(lines[0], #""resourceType":"ImagingStudy""#), 2)
        XCTAssertEqual(count(lines[1], #""resourceType":"ImagingStudy""#), 1)
    }

    func testEachBundleHasTheEndpointOnceAsAConditionalCreate() {
        let options = FHIROptions(wadoRSBase: "https://pacs.example.org/dicom-web", bundleSize: 2)
        let lines = FHIRWriter(options: options).bundles(studies)
        let endpoint = "urn:uuid:" + NameBasedUUID.endpoint(address: "https://pacs.example.org/dicom-web")
        for line in lines {
            XCTAssertEqual(count(line, #""resourceType":"Endpoint""#), 1)
            XCTAssertTrue(line.contains(#"{"fullUrl":"\#(endpoint)","resource":{"resourceType":"Endpoint","identifier""#))
            XCTAssertTrue(line.contains(#""request":{"method":"POST","url":"Endpoint","ifNoneExist":"identifier=urn:ietf:rfc:3986|https://pacs.example.org/dicom-web"}"#))
            XCTAssertTrue(line.contains(#""endpoint":[{"reference":"\#(endpoint)"}]"#))
        }
        XCTAssertFalse(lines[0].contains(#""contained""#))
    }

    func testNoResourceInABundleHasAnId() {
        for line in FHIRWriter(options: FHIROptions(wadoRSBase: "https://x.example/wado")).bundles(studies) {
            XCTAssertFalse(line.contains(#""id":"#))
        }
    }

    func testSTU3BundlesUpdateByTheStudyParameter() {
        let line = FHIRWriter(options: FHIROptions(version: .stu3)).bundles([studies[0]])[0]
        XCTAssertTrue(line.contains(#""request":{"method":"PUT","url":"ImagingStudy?study=urn:oid:1.2.1"}"#))
    }

    func testNDJSONHasEndpointThenEachPatientOnceThenStudiesWithDeterministicIds() {
        let options = FHIROptions(wadoRSBase: "https://pacs.example.org/dicom-web")
        let lines = FHIRWriter(options: options).ndjson(studies)
        XCTAssertEqual(lines.map { $0.split(separator: "\"")[3] },
                       ["Endpoint", "Patient", "Patient", "ImagingStudy", "ImagingStudy", "ImagingStudy"])
        let pat001 = NameBasedUUID.patient(system: "urn:oid:1.2.3.4", value: "PAT001")
        XCTAssertEqual(pat001, "4ec542fe-903f-558d-8481-0a6dc63c641a")
        XCTAssertTrue(lines[0].hasPrefix(#"{"resourceType":"Endpoint","id":"dc081782-da74-5d67-b0b9-d1207ff73d23","#))
        XCTAssertTrue(lines[1].hasPrefix(#"{"resourceType":"Patient","id":"\#(pat001)","#))
        XCTAssertTrue(lines[2].hasPrefix(#"{"resourceType":"Patient","id":"2dc3c066-d22d-524d-a600-58044afba6d0","#))  // uuid5(URL, "urn:dicomidx:patient:|PAT002")
        XCTAssertTrue(lines[3].hasPrefix(#"{"resourceType":"ImagingStudy","id":"\#(NameBasedUUID.study(uid: "1.2.1"))","#))
        XCTAssertTrue(lines[3].contains(#""subject":{"reference":"Patient/\#(pat001)","display":"John Smith"}"#))
        XCTAssertTrue(lines[3].contains(#""endpoint":[{"reference":"Endpoint/dc081782-da74-5d67-b0b9-d1207ff73d23"}]"#))
        for line in lines {
            XCTAssertFalse(line.contains("urn:uuid:"))
            XCTAssertFalse(line.contains(#""id":"PAT"#))
        }
    }

    func testNDJSONStudyWithoutPatientIDContainsItsPatient() {
        let lines = FHIRWriter().ndjson([Fixtures.study("1.2.8", patientID: nil, name: "Anon^A")])
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].contains(##""subject":{"reference":"#patient","display":"A Anon"}"##))
    }

    func testOutputIsDeterministicAndStreamsOnePieceAtATime() {
        let writer = FHIRWriter(options: FHIROptions(defaultTimezone: .offset(.utc), wadoRSBase: "https://x.example/wado"))
        for format in FHIRFormat.allCases {
            var first: [String] = []
            var second: [String] = []
            writer.write(format, studies) { first.append($0) }
            writer.write(format, studies) { second.append($0) }
            XCTAssertEqual(first, second, "\(format)")
            // NDJSON: a line a piece. Bundles: a head, an entry or an end a piece; a line a Bundle.
            XCTAssertTrue(first.allSatisfy { $0.hasSuffix("\n") && $0.dropLast().firstIndex(of: "\n") == nil || format != .ndjson })
            if format == .bundle {
                XCTAssertEqual(first.joined(), writer.bundles(studies).map { $0 + "\n" }.joined())
                XCTAssertGreaterThan(first.count, writer.bundles(studies).count)
            }
        }
        var json = ""
        writer.write(.json, studies) { json += $0 }
        XCTAssertEqual(json, "[\n" + writer.imagingStudies(studies).arrayItems.map { $0.serialized() }.joined(separator: ",\n") + "\n]\n")
        var empty = ""
        writer.write(.json, []) { empty += $0 }
        XCTAssertEqual(empty, "[]\n")
    }
}

private extension JSONValue {
    var arrayItems: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }
}
