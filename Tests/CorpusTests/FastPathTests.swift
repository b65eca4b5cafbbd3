import DICOMParser
import Foundation
import XCTest

/// `string(_:)` takes a byte-level shortcut for plain ASCII values; on every string element of
/// every readable file in pydicom's test files and TestData it must equal the general path.
final class FastPathTests: XCTestCase {
    func testFirstValueShortcutEqualsTheGeneralPathOnEveryStringElement() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var roots = [repository.appendingPathComponent("TestData/archive").path]
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import pydicom, os; print(os.path.dirname(pydicom.__file__) + '/data')"]
        let pipe = Pipe()
        probe.standardOutput = pipe
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        let pydicomData = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if !pydicomData.isEmpty { roots += ["test_files", "charset_files"].map { pydicomData + "/" + $0 } }

        var checked = 0
        for root in roots {
            for case let relative as String in FileManager.default.enumerator(atPath: root)! {
                guard let file = try? DICOMReader.read(path: root + "/" + relative) else { continue }
                checked += compare(file.dataSet, in: relative)
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    private func compare(_ dataSet: DataSet, in name: String) -> Int {
        var checked = 0
        for element in dataSet.elements {
            for item in dataSet.items(of: element) { checked += compare(item, in: name) }
            guard element.vr.isString else { continue }
            let general = dataSet.strings(of: element).first.flatMap { $0.isEmpty ? nil : $0 }
            XCTAssertEqual(dataSet.string(element.tag), general, "\(name) \(element.tag)")
            checked += 1
        }
        return checked
    }
}
