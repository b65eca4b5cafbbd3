import DICOMParser
import DICOMStudies
import Foundation

/// The studies of `TestData/archive`, read as the scan reads them: every file in path order
/// through `DICOMReader` and `InstanceRecord(file:)`, grouped by `StudyCatalog`.
enum TestDataArchive {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func studies() -> [StudyEntry] {
        let archive = root.appendingPathComponent("TestData/archive").path
        let paths = (FileManager.default.enumerator(atPath: archive)?.compactMap { $0 as? String } ?? []).sorted()
        var catalog = StudyCatalog()
        for relative in paths {
            guard let file = try? DICOMReader.read(path: archive + "/" + relative, options: InstanceRecord.parseOptions)
            else { continue }
            catalog.add(InstanceRecord(file: file))
        }
        return catalog.studies
    }
}
