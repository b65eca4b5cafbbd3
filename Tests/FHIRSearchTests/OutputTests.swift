import DICOMStudies
import FHIRExport
import FHIRSearch
import Foundation
import JSONWriting
import XCTest

/// The table, the searchset Bundle (checked by `../shared/fhir/validate.py`), and the formats
/// FHIRWriter writes.
final class OutputTests: XCTestCase {
    func testTheTableHasAlignedFixedColumns() {
        XCTAssertEqual(SearchTable().lines(Fixtures.testData), [
            "STARTED           PATIENT ID  NAME            ACCESSION     MODALITY  DESCRIPTION              SERIES  INST  STUDY UID",
            "2024-01-15 09:15  PAT001      Müller, Jürgen  ACC24011502   DX        Röntgen Thorax 2 Ebenen       2     2  2.25.211769577785434010041845952209580338754",
            "2024-03-12 10:15  PAT001      Müller, Jürgen  ACC24031201   CT,OT,SR  CT Thorax mit KM              4     7  2.25.176733766475802836697651024572961627173",
            "2024-04-05 14:10  PAT002      Yamada, Tarou   TK2404050017  MR        MR 右膝関節                   2     4  2.25.83941119281791816171501232854798692266",
            "2024-05-20 08:30  PAT003      Doe, Jane       -             US        US Abdomen                    2     2  2.25.297733700810053991293117201720078788794",
        ])
    }

    func testANarrowTerminalCutsDescriptionThenNameAndNeverTheUID() {
        let lines = SearchTable(width: 140).lines(Fixtures.testData)
        XCTAssertEqual(lines, [
            "STARTED           PATIENT ID  NAME           ACCESSION     MODALITY  DESCRIPTION  SERIES  INST  STUDY UID",
            "2024-01-15 09:15  PAT001      Müller, Jürg…  ACC24011502   DX        Röntgen Th…       2     2  2.25.211769577785434010041845952209580338754",
            "2024-03-12 10:15  PAT001      Müller, Jürg…  ACC24031201   CT,OT,SR  CT Thorax …       4     7  2.25.176733766475802836697651024572961627173",
            "2024-04-05 14:10  PAT002      Yamada, Tarou  TK2404050017  MR        MR 右膝関節       2     4  2.25.83941119281791816171501232854798692266",
            "2024-05-20 08:30  PAT003      Doe, Jane      -             US        US Abdomen        2     2  2.25.297733700810053991293117201720078788794",
        ])
        XCTAssertEqual(lines.map { DisplayWidthProbe.columns($0) }.max(), 140)
        // Too narrow for the minimums: the fixed columns stay whole and the line is wider.
        let narrow = SearchTable(width: 80).lines(Fixtures.testData)
        XCTAssertEqual(narrow[3], "2024-04-05 14:10  PAT002      Yamada, T…  TK240405…  MR        MR 右膝関節       2     4  2.25.83941119281791816171501232854798692266")
    }

    func testTableCellsShowDashesForNothingAndNoControlCharacters() {
        var odd = Fixtures.d
        odd.description = "two\nlines\u{1B}[31m"
        odd.patient.name = "山田^太郎"
        XCTAssertEqual(SearchTable().lines([odd])[1],
                       "-        -           山田, 太郎  -          -         two lines [31m       1     1  1.2.40")
        XCTAssertEqual(SearchTable().lines([]), ["STARTED  PATIENT ID  NAME  ACCESSION  MODALITY  DESCRIPTION  SERIES  INST  STUDY UID"])
    }

    func testTheSearchsetBundleHasTheTotalAndOneMatchEntryPerStudy() throws {
        let query = try ImagingStudyQuery(["modality=CT", "_count=1"], options: Fixtures.utc)
        let result = query.search(Fixtures.handBuilt)
        let bundle = SearchsetBundle(options: Fixtures.utc).bundle(result, query: query).serialized()
        let id = NameBasedUUID.study(uid: "1.2.10")
        let resource = ImagingStudyMapper(options: Fixtures.utc).imagingStudy(Fixtures.a, style: .literal).serialized()
        XCTAssertEqual(bundle, #"{"resourceType":"Bundle","type":"searchset","total":2,"entry":[{"fullUrl":"urn:uuid:\#(id)","resource":\#(resource),"search":{"mode":"match"}}]}"#)
        XCTAssertTrue(resource.contains(#""id":"\#(id)""#))
    }

    func testWithABaseURLEntriesHaveServerURLsAndTheBundleASelfLink() throws {
        let query = try ImagingStudyQuery(["started=ge2024-03-12T14:30:00+01:00", "identifier=urn:oid:1.2|A B"], options: Fixtures.utc)
        let bundle = SearchsetBundle(options: Fixtures.utc, baseURL: "https://fhir.example.org/r4/")
            .bundle(query.search(Fixtures.handBuilt), query: query).serialized()
        XCTAssertTrue(bundle.contains(#""link":[{"relation":"self","url":"https://fhir.example.org/r4/ImagingStudy?started=ge2024-03-12T14:30:00%2B01:00&identifier=urn:oid:1.2%7CA%20B"}]"#), bundle)
        XCTAssertFalse(bundle.contains(#""entry""#))  // nothing matches: no entries, total 0
        XCTAssertTrue(bundle.contains(#""total":0"#))
        let all = try ImagingStudyQuery([], options: Fixtures.utc)
        let full = SearchsetBundle(options: Fixtures.utc, baseURL: "https://fhir.example.org/r4")
            .bundle(all.search([Fixtures.b]), query: all).serialized()
        XCTAssertTrue(full.contains(#""fullUrl":"https://fhir.example.org/r4/ImagingStudy/\#(NameBasedUUID.study(uid: "1.2.20"))""#))
        XCTAssertTrue(full.contains(#""url":"https://fhir.example.org/r4/ImagingStudy"}"#))
    }

    func testQueryOutputWritesEveryFormat() throws {
        let query = try ImagingStudyQuery(["patient=PAT001"], options: Fixtures.utc)
        let result = query.search(Fixtures.handBuilt)
        let output = QueryOutput(options: Fixtures.utc)
        func text(_ format: QueryFormat) -> String {
            var text = ""
            output.write(format, result, query: query) { text += $0 }
            return text
        }
        XCTAssertEqual(text(.table), SearchTable().render(result.studies))
        XCTAssertEqual(text(.bundle), SearchsetBundle(options: Fixtures.utc).bundle(result, query: query).serialized() + "\n")
        XCTAssertEqual(text(.ndjson), FHIRWriter(options: Fixtures.utc).ndjson(result.studies).map { $0 + "\n" }.joined())
        XCTAssertEqual(text(.json).data(using: .utf8).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [Any] }?.count, 2)
    }

    // MARK: validate.py

    private func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func requirement(_ available: Bool, _ what: String) throws {
        guard !available else { return }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("\(what) is missing (scripts/install-deps.sh installs it)")
            throw XCTSkip("failed: \(what) missing")
        }
        throw XCTSkip("\(what) is missing; run scripts/install-deps.sh")
    }

    func testSearchsetBundlesValidateAsFHIRR4() throws {
        let script = Fixtures.sharedDirectory.appendingPathComponent("fhir/validate.py").path
        try requirement(FileManager.default.fileExists(atPath: script), script)
        try requirement((try? python(["-c", "import jsonschema"]).status) == 0, "jsonschema (pip install jsonschema==4.26.0)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        // D's instance gets a SOP Class: FHIR requires one, and FHIRExport leaves it out when the file has none.
        var d = Fixtures.d
        d.series[0].instances[0].sopClassUID = Fixtures.ct
        let studies = Fixtures.testData + [Fixtures.a, Fixtures.b, Fixtures.c, d, Fixtures.e]
        let bundles: [(String, [String], FHIROptions, String?)] = [
            ("all.json", ["_sort=-started"], Fixtures.utc, nil),
            ("page.json", ["status=available", "_count=2"], FHIROptions(wadoRSBase: "https://pacs.example.org/dicom-web"),
             "https://fhir.example.org/r4"),
            ("none.json", ["modality=NM"], Fixtures.utc, "https://fhir.example.org/r4"),
        ]
        var paths: [String] = []
        for (name, arguments, options, base) in bundles {
            let query = try ImagingStudyQuery(arguments, options: options)
            let text = SearchsetBundle(options: options, baseURL: base).bundle(query.search(studies), query: query).serialized()
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let result = try python([script] + paths)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("validated \(paths.count) top-level item(s)"), result.output)
        XCTAssertTrue(result.output.contains(": 0 error(s)"), result.output)
    }
}

/// Terminal columns of a table line, counted independently: CJK ideographs two, others one.
enum DisplayWidthProbe {
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
    }
}
