import DICOMParser
import Foundation
import XCTest
@testable import DICOMPixels

/// The Modality LUT and VOI LUT sequences, against pydicom 3.0.2's `apply_modality_lut` and
/// `apply_voi_lut` (`scripts/lut_reference.py`) on pydicom-data's mlut_18.dcm and vlut_04.dcm
/// and on files made from pydicom's MR_small/CT_small with LUT sequences in big endian, implicit
/// VR, OW and US data, signed first values mapped and a 65536-entry table. Both stages must be
/// equal. Prints the table of cases.
final class LUTReferenceTests: XCTestCase {
    func testModalityAndVOILUTOutputEqualPydicom() throws {
        let isCI = ProcessInfo.processInfo.environment["CI"] != nil
        let directory = NSTemporaryDirectory() + "dicompixels-lut-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/lut_reference.py").path
        let generated = try Reference.run(["python3", script, directory])
        if generated.status == 3 || generated.output.contains("No module named 'pydicom'") {
            if isCI { XCTFail("pydicom/numpy are not installed (make deps): \(generated.output)") }
            throw XCTSkip("pydicom/numpy are not installed; run scripts/install-deps.sh")
        }
        XCTAssertEqual(generated.status, 0, generated.output)
        let listing = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: directory + "/cases.json"))) as? [String: Any]
        let cases = try XCTUnwrap(listing?["cases"] as? [[String: Any]])
        let missing = listing?["missing"] as? [String] ?? []
        if !missing.isEmpty {
            // pydicom-data is installed by scripts/install-deps.sh; the made files still run.
            if isCI { XCTFail("pydicom-data files missing: \(missing)") }
            print("LUTReferenceTests: pydicom-data files missing, not compared: \(missing)")
        }
        XCTAssertGreaterThanOrEqual(cases.count, 3)

        var rows = [["file", "syntax", "modality", "VOI", "modality output", "VOI output"]]
        for entry in cases {
            let name = try XCTUnwrap(entry["file"] as? String)
            let base = directory + "/" + (name as NSString).deletingPathExtension
            let file = try DICOMReader.read(path: directory + "/" + name)
            let decoder = try PixelDecoder(file: file)
            let frame = try decoder.frame(0)
            let pipeline = try GrayscalePipeline(description: decoder.description, dataSet: file.dataSet)
            let modality = pipeline.modalityValues(frame.samples)
            let expectedModality = try Self.doubles(base + ".modality.bin")
            let modalityResult = Self.compare(modality, expectedModality)
            var voiResult = "none"
            if entry["voi"] as? Bool == true {
                let voi = try XCTUnwrap(pipeline.voiTableValues(modality), "\(name): no VOI LUT read")
                voiResult = Self.compare(voi.map(Double.init), try Self.doubles(base + ".voi.bin"))
                XCTAssertEqual(voiResult, "equal", name)
            } else {
                XCTAssertNil(pipeline.voiTableValues(modality), name)
            }
            XCTAssertEqual(modalityResult, "equal", name)
            let image = pipeline.render(frame)
            XCTAssertGreaterThan(Set(image.pixels).count, 16, "\(name): the display image has some contrast")
            rows.append([name, file.transferSyntax.uid, Self.describe(pipeline.modality), Self.describe(pipeline.voi),
                         modalityResult, voiResult])
        }
        print(PydicomReferenceTests.table(rows))
    }

    private static func describe(_ modality: GrayscalePipeline.Modality) -> String {
        switch modality {
        case .rescale(let slope, let intercept): return "rescale \(slope) \(intercept)"
        case .table(let table): return "LUT \(table.entries.count) from \(table.firstMapped), \(table.bitsPerEntry) bits"
        }
    }

    private static func describe(_ voi: GrayscalePipeline.VOI) -> String {
        switch voi {
        case .window(let center, let width, let function): return "window \(center)/\(width) \(function.rawValue)"
        case .table(let table): return "LUT \(table.entries.count) from \(table.firstMapped), \(table.bitsPerEntry) bits"
        case .percentile: return "percentile"
        }
    }

    private static func compare(_ actual: [Double], _ expected: [Double]) -> String {
        guard actual.count == expected.count else { return "\(actual.count) values, pydicom \(expected.count)" }
        let differing = zip(actual, expected).filter { $0 != $1 }.count
        return differing == 0 ? "equal" : "\(differing) of \(actual.count) differ"
    }

    private static func doubles(_ path: String) throws -> [Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var values = [UInt64](repeating: 0, count: data.count / 8)
        _ = values.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        return values.map { Double(bitPattern: UInt64(littleEndian: $0)) }
    }
}
