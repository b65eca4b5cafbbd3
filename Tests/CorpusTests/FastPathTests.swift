import DICOMParser
import Foundation
import XCTest

/// `string(_:)` and `int(_:)` take byte-level shortcuts for plain ASCII values, and
/// `TextValues` with a `ValueStringCache` hands out strings made for earlier files; on every
/// element of every readable file in pydicom's test files and TestData (read one after another
/// with one cache, as a scan does) they must equal the general path.
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
        let cache = ValueStringCache(capacity: 64)  // small: it fills and starts again, too
        for root in roots {
            // Twice over, so that the second time the cache holds what the first made.
            for _ in 0..<2 {
                for case let relative as String in FileManager.default.enumerator(atPath: root)! {
                    guard let file = try? DICOMReader.read(path: root + "/" + relative) else { continue }
                    checked += compare(file.dataSet, cache, in: relative)
                }
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    private func compare(_ dataSet: DataSet, _ cache: ValueStringCache, in name: String) -> Int {
        var checked = 0
        for element in dataSet.elements {
            for item in dataSet.items(of: element) { checked += compare(item, cache, in: name) }
            // Repeated tags: the accessors read the first one, as the general path below.
            guard dataSet.element(element.tag)?.headerOffset == element.headerOffset else { continue }
            let values = dataSet.strings(of: element)
            let general = values.first.flatMap { $0.isEmpty ? nil : $0 }
            XCTAssertEqual(dataSet.string(element.tag), general, "\(name) \(element.tag)")
            dataSet.withTextValues(cache: cache) { text in
                XCTAssertEqual(text.string(element.tag), general, "\(name) \(element.tag) cached")
                XCTAssertEqual(text.strings(element.tag), values, "\(name) \(element.tag) cached list")
                XCTAssertEqual(text.int(element.tag), dataSet.ints(of: element).first, "\(name) \(element.tag) int")
            }
            XCTAssertEqual(dataSet.int(element.tag), dataSet.ints(of: element).first, "\(name) \(element.tag) int")
            checked += 1
        }
        return checked
    }
}
