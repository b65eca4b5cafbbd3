import DICOMCore
import DICOMParser
import Foundation
import XCTest

/// Reads `bytes` from memory, failing the test (and rethrowing) when the reader throws.
func read(_ bytes: [UInt8], _ options: ParseOptions = ParseOptions(),
          file: StaticString = #filePath, line: UInt = #line) throws -> DICOMFile {
    do {
        return try DICOMReader.read(bytes: bytes, options: options)
    } catch {
        XCTFail("read threw \(error)", file: file, line: line)
        throw error
    }
}

/// The `ReadError` reading `bytes` throws; nil (and a failure) when it throws nothing or
/// something else.
func readError(_ bytes: [UInt8], _ options: ParseOptions = ParseOptions(),
               file: StaticString = #filePath, line: UInt = #line) -> ReadError? {
    do {
        let result = try DICOMReader.read(bytes: bytes, options: options)
        XCTFail("read did not throw; damage: \(String(describing: result.damage))", file: file, line: line)
    } catch let error as ReadError {
        return error
    } catch {
        XCTFail("read threw \(error), not a ReadError", file: file, line: line)
    }
    return nil
}

/// The messages of warnings at `offset`.
func warnings(_ file: DICOMFile, at offset: Int) -> [String] {
    file.warnings.filter { $0.offset == offset }.map(\.message)
}

/// A temporary file holding `bytes`, removed when the test ends.
func temporaryFile(_ bytes: [UInt8], for test: XCTestCase) throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("dicomidx-\(UUID().uuidString).dcm")
    try Data(bytes).write(to: url)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url.path
}
