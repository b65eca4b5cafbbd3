import Foundation
import XCTest

/// Files whose values and names try to break out of HTML, written by pydicom for the report
/// tests: one image with markup in Patient's Name, Patient ID, Study and Series Description;
/// a second image of the same study in a file whose name is not UTF-8; and a copy of the first
/// cut inside Patient's Name, in a file named with markup characters and a byte that is not UTF-8.
enum HostileReportFiles {
    static let patientName = #"<script>alert("pn")</script>&'"#
    static let patientID = #"id"&'<x>"#
    static let studyDescription = "Tom & Jerry </section><script>x</script>"
    static let seriesDescription = #""><img src=x onerror=alert(1)>"#
    /// How the report shows the damaged file's name (`\xFF` for the byte that is not UTF-8).
    static let damagedNameShown = #"<bad>&"'\xFF.dcm"#

    static let script = #"""
import os, sys
import pydicom
from pydicom import config
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, SecondaryCaptureImageStorage

config.settings.writing_validation_mode = config.IGNORE
out = os.fsencode(sys.argv[1])
os.makedirs(out, exist_ok=True)

def image(name, instance, series_number, series_description):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
    meta.MediaStorageSOPInstanceUID = f"2.25.9000{instance}"
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.SOPClassUID = SecondaryCaptureImageStorage
    ds.SOPInstanceUID = f"2.25.9000{instance}"
    ds.StudyDate = "20240601"
    ds.Modality = "OT"
    ds.StudyDescription = sys.argv[4]
    ds.SeriesDescription = series_description
    ds.PatientName = sys.argv[2]
    ds.PatientID = sys.argv[3]
    ds.StudyInstanceUID = "2.25.90001"
    ds.SeriesInstanceUID = f"2.25.9100{series_number}"
    ds.SeriesNumber = series_number
    ds.InstanceNumber = 1
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = 16
    ds.Columns = 16
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.PixelData = bytes((x * 16 + y * 3) % 256 for y in range(16) for x in range(16))
    path = os.path.join(out, name)
    with open(path, "wb") as handle:  # pydicom takes no bytes path
        ds.save_as(handle, enforce_file_format=True)
    return path

first = image(b"evil.dcm", 1, 1, sys.argv[5])
image(b"\xff\xfe-latin1-\xe9.dcm", 2, 2, "second")
data = open(first, "rb").read()
cut = data.index(sys.argv[2].encode()) + 5
open(os.path.join(out, b"<bad>&\"'\xff.dcm"), "wb").write(data[:cut])
"""#

    /// Writes the three files into `directory`. Skips the test when pydicom is missing (fails in CI).
    static func make(in directory: String) throws {
        let scriptPath = directory + ".py"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, directory, patientName, patientID, studyDescription, seriesDescription]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if output.contains("No module named 'pydicom'") {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pydicom is not installed (make deps)") }
            throw XCTSkip("pydicom is not installed; run scripts/install-deps.sh")
        }
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "HostileReportFiles", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: output])
        }
    }
}
