import DICOMDump
import DICOMParser
import Foundation
import XCTest

/// `dump --json` against DCMTK's dcm2json (Debian package dcmtk) on files others wrote: on
/// every tag both write, the VR, the values (numbers compared as numbers) and inline binary
/// data must be equal, recursively through sequences.
final class DCM2JSONComparisonTests: XCTestCase {
    private static let pydicomFiles = [
        "test_files/CT_small.dcm", "test_files/MR_small.dcm", "test_files/MR_small_implicit.dcm",
        "test_files/MR_small_bigendian.dcm", "test_files/image_dfl.dcm", "test_files/rtplan.dcm",
        "test_files/rtstruct.dcm", "test_files/SC_rgb_small_odd_big_endian.dcm", "test_files/nested_priv_SQ.dcm", "test_files/UN_sequence.dcm",
        "test_files/waveform_ecg.dcm", "test_files/reportsi.dcm", "test_files/JPEG2000.dcm",
        "charset_files/chrFren.dcm", "charset_files/chrRuss.dcm", "charset_files/chrGreek.dcm",
        // chrH31.dcm (ISO 2022 IR 87) is left out: Debian's DCMTK 3.6.7 cannot convert it
        // ("not supported by ... iconv"); the pydicom corpus test covers it.
        "charset_files/chrX2.dcm", "charset_files/chrI2.dcm",
    ]

    func testDumpJSONMatchesDcm2jsonOnSharedTags() throws {
        let dcm2json = try locateDcm2json()
        let data = try pydicomDataDirectory()
        var table: [String] = []
        for relative in Self.pydicomFiles {
            let path = data + "/" + relative
            let file = try DICOMReader.read(path: path)
            let oursText = DICOMJSONWriter(binary: .inline).render(file)
            let theirsText = try run([dcm2json, "-fc", path])
            guard let ours = try? JSONSerialization.jsonObject(with: Data(oursText.utf8)) as? [String: Any] else {
                XCTFail("\(relative): our JSON does not parse: \(oursText.prefix(200))")
                continue
            }
            guard let theirs = try? JSONSerialization.jsonObject(with: Data(theirsText.utf8)) as? [String: Any] else {
                XCTFail("\(relative): dcm2json's JSON does not parse: \(theirsText.prefix(200))")
                continue
            }

            var differences: [String] = []
            compare(ours, theirs, at: "", into: &differences)
            let shared = Set(ours.keys).intersection(theirs.keys).count
            let onlyTheirs = Set(theirs.keys).subtracting(ours.keys).sorted()
            table.append("\(relative): \(shared) shared tags, \(differences.count) differences, "
                         + "only dcm2json: \(onlyTheirs), only ours: \(Set(ours.keys).subtracting(theirs.keys).sorted())")
            XCTAssertEqual(differences, [], relative)
            XCTAssertEqual(onlyTheirs, [], "\(relative): tags dcm2json writes and we do not")
            XCTAssertGreaterThan(shared, 0, relative)
        }
        print(table.joined(separator: "\n"))
    }

    // MARK: Comparison

    private func compare(_ ours: Any, _ theirs: Any, at path: String, into differences: inout [String]) {
        switch (ours, theirs) {
        case let (a as [String: Any], b as [String: Any]):
            for key in Set(a.keys).intersection(b.keys).sorted() where key != "BulkDataURI" {
                compare(a[key]!, b[key]!, at: path + "/" + key, into: &differences)
            }
            // Within an attribute, Value and InlineBinary must be present on both sides.
            for key in ["Value", "InlineBinary"] where (a[key] == nil) != (b[key] == nil) && a["vr"] != nil {
                differences.append("\(path): \(key) only on one side (ours \(a[key] != nil))")
            }
        case let (a as [Any], b as [Any]):
            guard a.count == b.count else {
                differences.append("\(path): \(a.count) values, dcm2json \(b.count)")
                return
            }
            for (index, (x, y)) in zip(a, b).enumerated() { compare(x, y, at: path + "[\(index)]", into: &differences) }
        case let (a as NSNumber, b as NSNumber):
            let x = a.doubleValue, y = b.doubleValue
            if abs(x - y) > 1e-6 * max(1, abs(x), abs(y)) { differences.append("\(path): \(x) vs \(y)") }
        case let (a as String, b as String) where path.hasSuffix("/InlineBinary"):
            // DCMTK pads an odd-length value with a zero byte; we keep the bytes the file holds.
            let mine = Data(base64Encoded: a), dcmtk = Data(base64Encoded: b)
            if mine != dcmtk && (mine.map { $0 + [0] } != dcmtk || mine!.count % 2 == 0) {
                differences.append("\(path): inline binary differs")
            }
        case let (a as String, b as String):
            if a != b { differences.append("\(path): \"\(a.prefix(60))\" vs \"\(b.prefix(60))\"") }
        case (is NSNull, is NSNull):
            break
        default:
            differences.append("\(path): \(type(of: ours)) vs \(type(of: theirs))")
        }
    }

    // MARK: Tools

    private func locateDcm2json() throws -> String {
        for candidate in ["/usr/bin/dcm2json", "/usr/local/bin/dcm2json"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("dcm2json missing: apt-get install dcmtk") }
        throw XCTSkip("dcm2json (Debian package dcmtk) is not installed")
    }

    private func pydicomDataDirectory() throws -> String {
        let path = try run(["/usr/bin/env", "python3", "-c", "import pydicom, os; print(os.path.dirname(pydicom.__file__) + '/data')"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard FileManager.default.fileExists(atPath: path + "/test_files") else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pydicom is not installed") }
            throw XCTSkip("pydicom 3.0.2 is not installed")
        }
        return path
    }

    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
