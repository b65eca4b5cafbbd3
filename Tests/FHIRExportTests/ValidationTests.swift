import DICOMStudies
import FHIRExport
import Foundation
import XCTest

/// Our output for real files, checked by independent validators: `../shared/fhir/validate.py`
/// (the official R4 JSON Schema plus DICOM/FHIR rules) for R4, and the `fhir.resources` models
/// (`scripts/fhir_models_check.py`) for R5 and STU3.
///
/// A missing Python package fails the test when `CI` is set and skips it otherwise.
final class ValidationTests: XCTestCase {
    private static let wadoRS = "https://pacs.example.org/dicom-web"

    private static let testDataStudies = Fixtures.studies(under: Fixtures.repositoryRoot.appendingPathComponent("TestData/archive").path)

    private func requirement(_ available: Bool, _ what: String) throws {
        guard !available else { return }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("\(what) is missing (scripts/install-deps.sh installs the Python packages; CI puts ../shared beside the clone)")
            throw XCTSkip("failed: \(what) missing")
        }
        throw XCTSkip("\(what) is missing; run scripts/install-deps.sh")
    }

    /// Runs python3 with `arguments`; returns the exit status and stdout + stderr.
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

    private func pythonHas(_ module: String) -> Bool {
        (try? python(["-c", "import \(module)"]).status) == 0
    }

    private func pydicomStudies() throws -> [StudyEntry] {
        let found = try python(["-c", "import pydicom,os;print(os.path.join(os.path.dirname(pydicom.__file__),'data','test_files'))"])
        try requirement(found.status == 0, "pydicom")
        let directory = found.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let studies = Fixtures.studies(under: directory)
        XCTAssertGreaterThan(studies.count, 20)  // 31 with pydicom 3.0.2
        return studies
    }

    /// Writes every format of `studies` to files in a fresh directory: `studies.json`,
    /// `resources.ndjson` and one `bundle-N.json` per Bundle.
    private func writeOutputs(_ studies: [StudyEntry], _ options: FHIROptions) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fhir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let writer = FHIRWriter(options: options)
        var paths: [String] = []
        func save(_ name: String, _ text: String) throws {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        var json = ""
        writer.write(.json, studies) { json += $0 }
        try save("studies.json", json)
        var ndjson = ""
        writer.write(.ndjson, studies) { ndjson += $0 }
        try save("resources.ndjson", ndjson)
        for (index, bundle) in writer.bundles(studies).enumerated() { try save("bundle-\(index).json", bundle) }
        return paths
    }

    private func validateR4(_ studies: [StudyEntry], file: StaticString = #filePath, line: UInt = #line) throws {
        let script = Fixtures.sharedDirectory.appendingPathComponent("fhir/validate.py").path
        try requirement(FileManager.default.fileExists(atPath: script), script)
        try requirement(pythonHas("jsonschema"), "jsonschema (pip install jsonschema==4.26.0)")
        for endpoint in [nil, Self.wadoRS] {
            let paths = try writeOutputs(studies, FHIROptions(wadoRSBase: endpoint, bundleSize: 20))
            let result = try python([script, "--max", "50"] + paths)
            XCTAssertEqual(result.status, 0, result.output, file: file, line: line)
            XCTAssertTrue(result.output.contains(": 0 error(s)"), result.output, file: file, line: line)
        }
    }

    private func validateModels(_ studies: [StudyEntry], _ version: FHIRVersion,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        try requirement(pythonHas("fhir.resources"), "fhir.resources (pip install fhir.resources==8.3.0)")
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/fhir_models_check.py").path
        let paths = try writeOutputs(studies, FHIROptions(version: version, wadoRSBase: Self.wadoRS, bundleSize: 20))
        let result = try python([script, "--version", version.rawValue] + paths)
        XCTAssertEqual(result.status, 0, result.output, file: file, line: line)
        XCTAssertTrue(result.output.contains(" resources, 0 problems"), result.output, file: file, line: line)
    }

    func testTestDataIsFourStudies() {
        XCTAssertEqual(Self.testDataStudies.count, 4)
    }

    func testR4OutputForTestDataValidates() throws { try validateR4(Self.testDataStudies) }

    func testR4OutputForPydicomTestFilesValidates() throws { try validateR4(try pydicomStudies()) }

    func testR5OutputValidatesWithFHIRResources() throws {
        try validateModels(Self.testDataStudies, .r5)
        try validateModels(try pydicomStudies(), .r5)
    }

    func testSTU3OutputValidatesWithFHIRResources() throws {
        try validateModels(Self.testDataStudies, .stu3)
        try validateModels(try pydicomStudies(), .stu3)
    }

    /// The check on a real server: sekmet-fhir on loopback takes the Bundles, and taking
    /// them again leaves the same Patients, ImagingStudies and Endpoint.
    func testBundlesLoadIntoAFHIRServerAndLoadingTwiceChangesNothing() throws {
        try requirement((try? python(["-c", "import shutil,sys;sys.exit(shutil.which('sekmet') is None)"]).status) == 0,
                        "sekmet (pip install sekmet-fhir==0.1.1)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fhir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bundles.ndjson")
        var text = ""
        FHIRWriter(options: FHIROptions(wadoRSBase: Self.wadoRS, bundleSize: 2)).write(.bundle, Self.testDataStudies) { text += $0 }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/fhir_load_check.py").path
        let result = try python([script, file.path])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("loaded 2 Bundle(s) twice: 3 Patient, 4 ImagingStudy, 1 Endpoint"), result.output)
    }

    func testTheSameArchiveGivesByteIdenticalOutput() {
        let again = Fixtures.studies(under: Fixtures.repositoryRoot.appendingPathComponent("TestData/archive").path)
        let writer = FHIRWriter(options: FHIROptions(wadoRSBase: Self.wadoRS))
        for format in FHIRFormat.allCases {
            var first = ""
            var second = ""
            writer.write(format, Self.testDataStudies) { first += $0 }
            writer.write(format, again) { second += $0 }
            XCTAssertEqual(first, second, "\(format)")
        }
    }
}
