import DICOMParser
import Foundation
import XCTest

/// Our reader against pydicom 3.0.2 on files others wrote: pydicom's bundled test files and
/// our TestData archive. For every file pydicom reads, the transfer syntax, UIDs, patient,
/// dates, modality, numbers and image size must agree, except the differences listed in
/// `KnownDifferences` with their reasons.
final class PydicomCorpusTests: XCTestCase {
    private var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func testAgreesWithPydicomOnItsBundledTestFiles() throws {
        let dataDirectory = try pydicomDataDirectory()
        let folders = ["test_files", "charset_files", "palettes"].map { dataDirectory + "/" + $0 }
        let lines = try runReferenceScript(folders)
        try compare(lines, root: nil, known: KnownDifferences.pydicomFiles)
    }

    func testAgreesWithPydicomOnTestData() throws {
        let url = repositoryRoot.appendingPathComponent("TestData/archive.pydicom.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        try compare(lines, root: repositoryRoot.appendingPathComponent("TestData").path, known: KnownDifferences.testData)
    }

    // MARK: Comparison

    private func compare(_ lines: [String], root: String?, known: [String: String]) throws {
        var report: [String] = []
        var compared = 0, agreed = 0, skipped = 0
        var seenKnown: Set<String> = []
        for line in lines {
            guard let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let relative = json["path"] as? String else { continue }
            let path = root.map { $0 + "/" + relative } ?? relative
            let name = (path as NSString).lastPathComponent
            guard pydicomReads(json) else {
                skipped += 1
                continue
            }
            compared += 1
            let expected = ReferenceRecord(json: json)
            var problems: [String]
            do {
                let file = try DICOMReader.read(path: path, options: .headerOnly)
                problems = ReferenceRecord(file: file).differences(from: expected)
            } catch {
                problems = ["not read: \(error)"]
            }
            if problems.isEmpty {
                agreed += 1
                report.append("ok    \(name)  \(expected.fields["transfer_syntax"] ?? "")")
            } else if let key = known.keys.first(where: { path.hasSuffix($0) }), let reason = known[key] {
                seenKnown.insert(key)
                report.append("known \(name): \(problems.joined(separator: "; ")) -- \(reason)")
            } else {
                report.append("DIFF  \(name): \(problems.joined(separator: "; "))")
                XCTFail("\(name) differs from pydicom: \(problems.joined(separator: "; "))")
            }
        }
        for stale in Set(known.keys).subtracting(seenKnown) where lines.contains(where: { $0.contains(stale) }) {
            XCTFail("\(stale) is listed as a known difference but now agrees with pydicom: remove it")
        }
        print(report.joined(separator: "\n"))
        print("pydicom comparison: \(compared) files compared, \(agreed) agree, \(seenKnown.count) known differences, "
              + "\(skipped) files pydicom reads only as garbage (skipped)")
        XCTAssertGreaterThan(compared, 0)
    }

    /// pydicom "reads" almost any bytes with force=True; a file counts as read when it has a
    /// Part 10 header or at least one of the identifying UIDs.
    private func pydicomReads(_ json: [String: Any]) -> Bool {
        guard json["readable"] as? Bool == true else { return false }
        if json["preamble"] as? Bool == true { return true }
        return ["SOPClassUID", "SOPInstanceUID", "StudyInstanceUID"].contains { json[$0] is String }
    }

    // MARK: pydicom

    private func pydicomDataDirectory() throws -> String {
        let output = try run(["python3", "-c", "import pydicom, os; print(os.path.dirname(pydicom.__file__) + '/data')"])
        let path = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path + "/test_files") else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pydicom is not installed (make deps)") }
            throw XCTSkip("pydicom 3.0.2 is not installed; run scripts/install-deps.sh")
        }
        return path
    }

    private func runReferenceScript(_ paths: [String]) throws -> [String] {
        let script = repositoryRoot.appendingPathComponent("scripts/pydicom_reference.py").path
        return try run(["python3", script] + paths).split(separator: "\n").map(String.init)
    }

    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
