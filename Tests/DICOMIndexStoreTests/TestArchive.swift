import DICOMStudies
import Foundation
@testable import DICOMIndexStore

/// A copy of TestData/archive in a temporary directory, with every file's modification time set
/// to a fixed day in the past (so no file is "racy"), and an index database beside it.
final class TestArchive {
    let root: URL
    var archive: String { root.appendingPathComponent("archive").path }
    var database: String { root.appendingPathComponent("index.sqlite").path }

    static let testData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TestData/archive")
    static let past = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
    static let later = Date(timeIntervalSince1970: 1_706_745_600)  // 2024-02-01

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dicomidx-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.testData, to: root.appendingPathComponent("archive"))
        let files = FileManager.default.enumerator(atPath: archive)
        while let relative = files?.nextObject() as? String {
            try FileManager.default.setAttributes([.modificationDate: Self.past], ofItemAtPath: path(relative))
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func path(_ relative: String) -> String { archive + "/" + relative }

    func touch(_ relative: String, _ date: Date = TestArchive.later) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path(relative))
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: path(relative)) }

    /// Copies `source` to `target` with every occurrence of `uid` replaced by `replacement` (of
    /// the same length, so the file stays valid), dated `TestArchive.later`.
    func copy(_ source: String, to target: String, replacing uid: String, with replacement: String) throws {
        precondition(uid.utf8.count == replacement.utf8.count)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(source))))
        let old = Array(uid.utf8), new = Array(replacement.utf8)
        var index = 0
        while index + old.count <= bytes.count {
            if bytes[index..<index + old.count].elementsEqual(old) {
                bytes.replaceSubrange(index..<index + old.count, with: new)
                index += old.count
            } else {
                index += 1
            }
        }
        try FileManager.default.createDirectory(atPath: (path(target) as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path(target)))
        try touch(target)
    }

    /// Overwrites the file's bytes in place (same inode, same size) and puts its modification
    /// time back: only a reader that opens it can notice.
    func scramble(_ relative: String) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: path(relative))
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let handle = try XCTUnwrapHandle(FileHandle(forWritingAtPath: path(relative)))
        try handle.write(contentsOf: Data(repeating: 0x55, count: size))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate] as Any],
                                              ofItemAtPath: path(relative))
    }

    /// The record of one file, as a scan reads it.
    func record(_ relative: String) -> InstanceRecord? {
        ArchiveScanner().item(for: WalkEntry(path: ScanPath(path(relative)), kind: .file)).record
    }

    /// Opens the index.
    func store() throws -> SQLiteIndexStore { try SQLiteIndexStore(path: database) }

    /// Indexes `inputs` (by default the archive) into the index.
    @discardableResult
    func index(_ inputs: [String]? = nil, keepMissing: Bool = false) throws -> Indexer.Run {
        let paths = inputs ?? [archive]
        let indexer = Indexer(store: try store(), jobs: 4, keepMissing: keepMissing)
        return try indexer.run(ArchiveWalker(paths: paths), roots: paths.map(ScanPath.init))
    }

    /// The studies a scan of the archive groups, encoded as the store encodes them.
    func scannedStudies() throws -> [String] {
        var catalog = StudyCatalog()
        ArchiveScanner(jobs: 4).scan(ArchiveWalker(paths: [archive])) { item in
            if let record = item.record { catalog.add(record) }
        }
        return try catalog.studies.map(StudyCoding().encode)
    }

    /// The studies the index holds, encoded.
    func indexedStudies() throws -> [String] {
        try store().studies().map(StudyCoding().encode)
    }
}

struct MissingHandle: Error {}

func XCTUnwrapHandle(_ handle: FileHandle?) throws -> FileHandle {
    guard let handle else { throw MissingHandle() }
    return handle
}

/// Paths of TestData/archive the tests change.
enum Files {
    static let ctFirst = "PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0001"
    static let ctAdded = "PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0005"
    static let usTouched = "PAT003_DOE/20240520_US_ABDOMEN/SE001_LEBER/IM0002"
    static let mrDeleted = "PAT002_YAMADA/20240405_MR_KNEE/SE002_T1_SE_COR/IM0002"
    static let dxUnchanged = "PAT001_MUELLER/20240115_DX_THORAX/SE001_THORAX_PA/IM0001.dcm"

    static let ctStudy = "2.25.176733766475802836697651024572961627173"
    static let dxStudy = "2.25.211769577785434010041845952209580338754"
    static let mrStudy = "2.25.83941119281791816171501232854798692266"
    static let usStudy = "2.25.297733700810053991293117201720078788794"
}

/// `uid` with its last digits replaced by `tail`, same length.
func variant(of uid: String, tail: String) -> String {
    String(uid.dropLast(tail.count)) + tail
}
