import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `dicomidx` command: reads DICOM files fast and indexes archives.
@main
struct Dicomidx: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dicomidx",
        abstract: "Read DICOM Part 10 files fast and index archives of them.",
        discussion: """
            Exit status: 0 when every file was read, 1 when any file could not be read \
            (the others are still processed), 2 for usage errors, 3 when the output could not \
            be written, 4 when index found another run holding the index lock.
            """,
        version: "0.1.0",
        subcommands: [ScanCommand.self, IndexCommand.self, QueryCommand.self, ExportCommand.self, DumpCommand.self,
                      ThumbnailCommand.self, ReportCommand.self]
    )

    /// Runs the command, mapping usage errors to exit status 2 (argument-parser uses 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
