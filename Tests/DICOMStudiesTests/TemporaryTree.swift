@testable import DICOMStudies
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// A directory tree made for one test under the system's temporary directory, removed
/// afterwards (with `rm -rf`, which also copes with paths longer than PATH_MAX).
final class TemporaryTree {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "dicomidx-scan-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        // Give back permissions a test took away, so the tree can be removed.
        let chmod = Process()
        chmod.executableURL = URL(fileURLWithPath: "/bin/chmod")
        chmod.arguments = ["-R", "u+rwx", root]
        chmod.standardError = FileHandle.nullDevice
        try? chmod.run()
        chmod.waitUntilExit()
        let remove = Process()
        remove.executableURL = URL(fileURLWithPath: "/bin/rm")
        remove.arguments = ["-rf", root]
        try? remove.run()
        remove.waitUntilExit()
    }

    /// `root/relative`.
    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes a file (and its directories).
    @discardableResult
    func file(_ relative: String, _ bytes: [UInt8] = Array("not DICOM\n".utf8)) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Makes a directory (and its parents).
    @discardableResult
    func directory(_ relative: String) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Makes a symbolic link at `relative` whose text is `target`.
    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    /// The walk of `inputs` (relative to the root unless absolute), as (relative path, kind).
    func walk(_ inputs: [String] = [""], options: ArchiveWalker.Options = .init()) -> [(String, WalkEntry.Kind)] {
        let paths = inputs.map { $0.hasPrefix("/") ? $0 : ($0.isEmpty ? root : path($0)) }
        return ArchiveWalker(paths: paths, options: options).map { (relative($0.path), $0.kind) }
    }

    /// `path` without the root and its slash.
    func relative(_ path: ScanPath) -> String {
        let text = path.description
        return text.hasPrefix(root + "/") ? String(text.dropFirst(root.count + 1)) : text
    }
}

/// The TestData archive of the repository.
let testDataArchive = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("TestData/archive").path

/// A file of the archive, by its path below `TestData/archive`.
func testDataFile(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: testDataArchive + "/" + relative)))
}

/// Runs `body` on another thread and returns its result, or nil when it takes longer than
/// `seconds` (a call that blocks forever then fails the test instead of hanging it).
func withTimeout<T>(_ seconds: Double, _ body: @escaping () -> T) -> T? {
    let box = TimeoutBox<T>()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        let value = body()
        box.lock.lock()
        box.value = value
        box.lock.unlock()
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    box.lock.lock()
    defer { box.lock.unlock() }
    return box.value
}

private final class TimeoutBox<T>: @unchecked Sendable {
    let lock = NSLock()
    var value: T?
}
