import DICOMParser
import Foundation
import XCTest
@testable import DICOMPixels

/// Frames of pydicom's bundled test files, decoded by DICOMPixels, against the frames pydicom
/// 3.0.2 decodes with pylibjpeg and its libjpeg, openjpeg and RLE plugins and pyjpegls
/// (`scripts/pixel_reference.py`). Lossless syntaxes must match exactly; lossy JPEG within
/// `lossyTolerance` (libjpeg-turbo and pylibjpeg's libjpeg 9 round the IDCT and chroma
/// upsampling differently). Prints the table of file, syntax, frame and result.
///
/// Without the Python packages the test is skipped, or fails when `CI` is set.
final class PydicomReferenceTests: XCTestCase {
    /// What a file must give.
    enum Expectation {
        /// Equal to pydicom's samples.
        case exact
        /// Every sample within `max` of pydicom's, and the mean absolute difference within `mean`.
        case lossy(max: Int64, mean: Double)
        /// A PixelError whose message contains the text (a syntax or precision we do not decode).
        case error(String)
    }

    /// Largest per-sample difference allowed for lossy JPEG, and the largest mean difference.
    static let lossyTolerance = Expectation.lossy(max: 4, mean: 0.2)

    static let cases: [(file: String, frame: Int, expect: Expectation)] = [
        // Native.
        ("MR_small.dcm", 0, .exact),
        ("MR_small_implicit.dcm", 0, .exact),
        ("MR_small_bigendian.dcm", 0, .exact),
        ("MR_small_expb.dcm", 0, .exact),
        ("MR_small_padded.dcm", 0, .exact),
        ("CT_small.dcm", 0, .exact),
        ("image_dfl.dcm", 0, .exact),
        ("SC_rgb_small_odd.dcm", 0, .exact),
        ("SC_rgb_small_odd_big_endian.dcm", 0, .exact),
        ("SC_ybr_full_422_uncompressed.dcm", 0, .exact),
        ("examples_rgb_color.dcm", 0, .exact),
        ("SC_rgb_jpeg_dcmd.dcm", 0, .exact),
        ("examples_palette.dcm", 0, .exact),
        ("examples_overlay.dcm", 0, .exact),
        ("liver_1frame.dcm", 0, .exact),
        ("liver_expb_1frame.dcm", 0, .exact),
        ("rtdose.dcm", 0, .exact),
        ("rtdose.dcm", 14, .exact),
        ("rtdose_expb.dcm", 7, .exact),
        ("rtdose_1frame.dcm", 0, .exact),
        // RLE Lossless.
        ("MR_small_RLE.dcm", 0, .exact),
        ("SC_rgb_rle.dcm", 0, .exact),
        ("SC_rgb_rle_2frame.dcm", 1, .exact),
        ("SC_rgb_rle_16bit.dcm", 0, .exact),
        ("SC_rgb_rle_16bit_2frame.dcm", 1, .exact),
        ("SC_rgb_rle_32bit.dcm", 0, .exact),
        ("SC_rgb_rle_32bit_2frame.dcm", 1, .exact),
        ("rtdose_rle.dcm", 14, .exact),
        ("rtdose_rle_1frame.dcm", 0, .exact),
        // JPEG 2000.
        ("MR_small_jp2klossless.dcm", 0, .exact),
        ("JPEG2000.dcm", 0, .exact),
        ("GDCMJ2K_TextGBR.dcm", 0, .exact),
        ("693_J2KI.dcm", 0, .exact),
        ("J2K_pixelrep_mismatch.dcm", 0, .exact),
        ("examples_jpeg2k.dcm", 0, .exact),
        ("SC_rgb_gdcm_KY.dcm", 0, .exact),
        // JPEG baseline and extended (8-bit).
        ("SC_rgb_jpeg_dcmtk.dcm", 0, lossyTolerance),
        ("examples_ybr_color.dcm", 0, lossyTolerance),
        ("SC_rgb_jpeg_lossy_gdcm.dcm", 0, lossyTolerance),
        ("SC_rgb_jpeg_app14_dcmd.dcm", 0, lossyTolerance),
        ("SC_rgb_small_odd_jpeg.dcm", 0, lossyTolerance),
        ("SC_jpeg_no_color_transform.dcm", 0, lossyTolerance),
        ("SC_jpeg_no_color_transform_2.dcm", 0, lossyTolerance),
        ("SC_rgb_dcmtk_+eb+cy+np.dcm", 0, lossyTolerance),
        ("SC_rgb_dcmtk_+eb+cy+n1.dcm", 0, lossyTolerance),
        ("SC_rgb_dcmtk_+eb+cy+n2.dcm", 0, lossyTolerance),
        ("SC_rgb_dcmtk_+eb+cy+s2.dcm", 0, lossyTolerance),
        ("SC_rgb_dcmtk_+eb+cy+s4.dcm", 0, lossyTolerance),
        ("SC_rgb_dcmtk_+eb+cr.dcm", 0, lossyTolerance),
        // 12-bit JPEG (our sequential decoder: Debian's libjpeg-turbo 2.1.5 decodes 8-bit only).
        ("JPGExtended.dcm", 0, lossyTolerance),
        // JPEG Lossless, process 14 (our decoder); the last two are pydicom-data's.
        ("SC_rgb_jpeg_gdcm.dcm", 0, .exact),
        ("JPEG-LL.dcm", 0, .exact),
        ("JPGLosslessP14SV1_1s_1f_8b.dcm", 0, .exact),
        // JPEG-LS (CharLS; pydicom decodes with pyjpegls, CharLS too, so near-lossless is
        // equal as well). emri_small_jpeg_ls_lossless.dcm is pydicom-data's.
        ("MR_small_jpeg_ls_lossless.dcm", 0, .exact),
        ("emri_small_jpeg_ls_lossless.dcm", 9, .exact),
        ("JPEGLSNearLossless_08.dcm", 0, .exact),
        ("JPEGLSNearLossless_16.dcm", 0, .exact),
        ("SC_rgb_jls_lossy_line.dcm", 0, .exact),
        ("SC_rgb_jls_lossy_sample.dcm", 0, .exact),
    ]

    func testFramesEqualPydicomReference() throws {
        let reference = try Reference.generate(Self.cases.map { ($0.file, $0.frame) })
        var rows: [[String]] = [["file", "frame", "syntax", "expected", "result"]]
        var failures: [String] = []
        for entry in Self.cases {
            let path = reference.path(of: entry.file)
            let (syntax, result) = Self.check(path: path, frame: entry.frame, expect: entry.expect, reference: reference)
            let expected: String
            switch entry.expect {
            case .exact: expected = "exact"
            case .lossy(let max, let mean): expected = "max \(max), mean \(mean)"
            case .error(let text): expected = "error: \(text)"
            }
            rows.append([entry.file, String(entry.frame + 1), syntax, expected, result.text])
            if !result.passed { failures.append("\(entry.file) frame \(entry.frame + 1): \(result.text)") }
        }
        print(Self.table(rows))
        XCTAssert(failures.isEmpty, failures.joined(separator: "\n"))
    }

    private static func check(path: String, frame: Int, expect: Expectation, reference: Reference) -> (String, (passed: Bool, text: String)) {
        let file: DICOMFile
        do { file = try DICOMReader.read(path: path) } catch { return ("?", (false, "read failed: \(error)")) }
        let syntax = file.transferSyntax.uid
        let decoded: Frame
        do {
            decoded = try PixelDecoder(file: file).frame(frame)
        } catch {
            if case .error(let text) = expect, "\(error)".contains(text) { return (syntax, (true, "error as expected: \(error)")) }
            return (syntax, (false, "error: \(error)"))
        }
        if case .error = expect { return (syntax, (false, "decoded, an error was expected")) }
        let expected: (shape: [Int], samples: [Int64])
        do { expected = try reference.frame(URL(fileURLWithPath: path).lastPathComponent, frame) } catch {
            return (syntax, (false, "no reference: \(error)"))
        }
        let shape = [decoded.rows, decoded.columns, decoded.samplesPerPixel]
        guard shape == expected.shape else { return (syntax, (false, "shape \(shape), pydicom \(expected.shape)")) }
        var maximum: Int64 = 0
        var total: Double = 0
        for (a, b) in zip(decoded.samples, expected.samples) {
            let difference = abs(a - b)
            maximum = max(maximum, difference)
            total += Double(difference)
        }
        let mean = total / Double(max(1, decoded.samples.count))
        switch expect {
        case .exact:
            return (syntax, (maximum == 0, maximum == 0 ? "equal" : "differs: max \(maximum), mean \(String(format: "%.3f", mean))"))
        case .lossy(let allowedMax, let allowedMean):
            let passed = maximum <= allowedMax && mean <= allowedMean
            return (syntax, (passed, "max \(maximum), mean \(String(format: "%.3f", mean))"))
        case .error:
            return (syntax, (false, "unreachable"))
        }
    }

    static func table(_ rows: [[String]]) -> String {
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// The reference frames written by scripts/pixel_reference.py into a temporary directory.
struct Reference {
    let directory: String
    let testFiles: String
    /// pydicom-data's files (the larger ones pydicom's tests download), when installed.
    let dataStore: String?

    /// Where a test file is: pydicom's bundled files first, then pydicom-data's.
    func path(of name: String) -> String {
        let bundled = testFiles + "/" + name
        if FileManager.default.fileExists(atPath: bundled) { return bundled }
        return (dataStore ?? testFiles) + "/" + name
    }

    static func generate(_ wanted: [(String, Int)]) throws -> Reference {
        let isCI = ProcessInfo.processInfo.environment["CI"] != nil
        let locate = try run(["python3", "-c", """
            import pydicom, os
            print(os.path.dirname(pydicom.__file__))
            try:
                import data_store
                print(os.path.join(os.path.dirname(data_store.__file__), "data"))
            except ImportError:
                pass
            """])
        guard locate.status == 0 else {
            if isCI { XCTFail("pydicom is not installed (make deps)") }
            throw XCTSkip("pydicom is not installed; run scripts/install-deps.sh")
        }
        let lines = locate.output.split(separator: "\n").map(String.init)
        let testFiles = lines[0] + "/data/test_files"
        let dataStore = lines.count > 1 ? lines[1] : nil
        if dataStore == nil, isCI { XCTFail("pydicom-data is not installed (make deps)") }
        let reference = Reference(directory: NSTemporaryDirectory() + "dicompixels-reference-\(getpid())",
                                  testFiles: testFiles, dataStore: dataStore)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/pixel_reference.py").path
        let generated = try run(["python3", script, reference.directory] + wanted.map { "\(reference.path(of: $0.0)):\($0.1)" })
        if generated.status == 3 {
            if isCI { XCTFail("numpy/pylibjpeg are not installed (make deps): \(generated.output)") }
            throw XCTSkip("numpy/pylibjpeg are not installed; run scripts/install-deps.sh")
        }
        guard generated.status == 0 else { throw ReferenceError(text: "pixel_reference.py failed: \(generated.output)") }
        return reference
    }

    /// The shape and samples pydicom decoded for `name`, frame `frame`.
    func frame(_ name: String, _ frame: Int) throws -> (shape: [Int], samples: [Int64]) {
        let base = "\(directory)/\(name).\(frame)"
        let info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json"))) as? [String: Any]
        if let error = info?["error"] as? String { throw ReferenceError(text: "pydicom: \(error)") }
        guard let shape = info?["shape"] as? [Int] else { throw ReferenceError(text: "no shape") }
        let data = try Data(contentsOf: URL(fileURLWithPath: base + ".bin"))
        var samples = [Int64](repeating: 0, count: data.count / 8)
        _ = samples.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        return (shape, samples.map { Int64(littleEndian: $0) })
    }

    struct ReferenceError: Error, CustomStringConvertible {
        let text: String
        var description: String { text }
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
