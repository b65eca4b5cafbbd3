import Foundation
import XCTest

/// Runs the built `dicomidx` binary as a user would, for the command tests.
///
/// Standard output and standard error go to temporary files rather than pipes, so a command
/// that writes a lot to both cannot stall waiting for the test to read one of them.
enum Dicomidx {
    /// What a run left behind.
    struct Result {
        var status: Int32
        var stdoutData: Data
        var stderr: String
        /// Standard output as UTF-8 text.
        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        /// Standard output split into lines (without the newlines, empty lines dropped).
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The repository this test file belongs to.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `TestData/archive`, as an absolute path.
    static let archive = repositoryRoot.appendingPathComponent("TestData/archive").path

    /// Runs `dicomidx arguments` in `directory` (default: the current one), with `stdin` as its
    /// standard input (default: none), and standard output to `stdout` when given. A run still
    /// going after `timeLimit` seconds is killed (SIGKILL), so a hang fails its test instead of
    /// stalling the whole suite; the limit is far above any run's normal time.
    static func run(_ arguments: [String], stdin: Data? = nil, stdout: FileHandle? = nil,
                    in directory: String? = nil, timeLimit: Double = 600) throws -> Result {
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path + "/stdout", errPath = scratch.path + "/stderr"
        for path in [outPath, errPath] {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
        }

        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("dicomidx")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = stdout ?? out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            try input.fileHandleForWriting.write(contentsOf: stdin)
            try input.fileHandleForWriting.close()
        }
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        return Result(status: process.terminationStatus,
                      stdoutData: try Data(contentsOf: URL(fileURLWithPath: outPath)),
                      stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }

    /// Runs a scan with `--summary-json` and returns the run and the summary object.
    static func scanWithSummary(_ arguments: [String], stdin: Data? = nil,
                                in directory: String? = nil) throws -> (Result, [String: Any]) {
        let scratch = try TemporaryDirectory()
        let summaryPath = scratch.path + "/summary.json"
        let result = try run(["scan"] + arguments + ["--summary-json", summaryPath], stdin: stdin, in: directory)
        let data = try Data(contentsOf: URL(fileURLWithPath: summaryPath))
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], result.stderr)
        return (result, summary)
    }

    /// The folder of the built products, where the `dicomidx` binary is.
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }
}

/// A fresh directory under the system's temporary directory, removed with its contents when
/// the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dicomidx-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `data` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Copies `source` (a file or a directory) to `name` inside the directory; returns the copy's path.
    @discardableResult
    func copy(_ source: String, to name: String) throws -> String {
        let target = path + "/" + name
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// `text` parsed as JSON; fails the test when it is not.
func parseJSON(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
    do {
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
        XCTFail("not JSON: \(text.prefix(200))", file: file, line: line)
        throw error
    }
}
