import ArgumentParser
import DICOMIndexStore
import DICOMStudies

/// `dicomidx export`: writes the indexed studies in any `scan` format; with `--changed`, only
/// those changed since the last `--changed` export, moving the mark once the output is complete.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the indexed studies in any scan format; --changed writes only what changed since the last such export.",
        discussion: """
            With --changed, the studies changed since the mark named by --mark are written, and \
            the mark moves to the index's latest change only after the output was written \
            completely; a failed or interrupted export sends the same changes again next time. \
            Studies removed from the index since the mark are listed on standard error.

            Exit status: 0 on success, 2 for usage errors or an index that cannot be opened, 3 \
            when the output could not be written, 4 when another run held the index lock for \
            --lock-timeout seconds.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The index (made by dicomidx index).", valueName: "file"))
    var db: String

    @Flag(name: .long, help: "Write only the studies changed since the last --changed export, then move the mark.")
    var changed = false

    @Option(name: .long, help: ArgumentHelp("Name of the mark --changed uses, so several consumers can each get every change.", valueName: "name"))
    var mark: String = "default"

    @Option(name: .long, help: ArgumentHelp("With --changed: seconds to wait for the index lock.", valueName: "seconds"))
    var lockTimeout: Double = 30

    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Print nothing on standard error but errors.")
    var quiet = false

    func validate() throws {
        guard !mark.isEmpty else { throw ValidationError("--mark must not be empty") }
        guard lockTimeout >= 0, lockTimeout.isFinite else { throw ValidationError("--lock-timeout must be 0 or more seconds") }
    }

    func run() throws {
        let err = FileHandleOutput.standardError
        let store: SQLiteIndexStore
        do {
            store = try SQLiteIndexStore(path: db, mode: changed ? .readWrite : .readOnly)
        } catch {
            err.write("dicomidx: cannot read the index \(db): \(error)\n")
            throw ExitCode(2)
        }
        guard changed else {
            try write(try load { try store.studies() }, err)
            return
        }
        // The lock keeps a concurrent index run from changing what the mark will cover.
        let lock = try acquireIndexLock(db, timeout: lockTimeout)
        defer { lock.release() }
        let changes = try load { try store.changes(since: try store.mark(mark) ?? 0) }
        try write(changes.changed.map(\.study), err)
        if !quiet {
            for removed in changes.removed { err.write("dicomidx: removed from the index: study \(removed.uid)\n") }
            err.write("dicomidx: exported \(changes.changed.count) changed studies, \(changes.removed.count) removed\n")
        }
        do {
            try store.setMark(mark, to: changes.latest)
        } catch {
            err.write("dicomidx: the output is complete but the mark could not be moved: \(error)\n")
            throw ExitCode(3)
        }
    }

    private func load<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            FileHandleOutput.standardError.write("dicomidx: cannot read the index \(db): \(error)\n")
            throw ExitCode(2)
        }
    }

    private func write(_ studies: [StudyEntry], _ err: FileHandleOutput) throws {
        do {
            let warnings = try StudyOutput(options: output).write(studies)
            if !quiet { for warning in warnings { err.write("dicomidx: warning: \(warning)\n") } }
        } catch {
            err.write("dicomidx: \(error)\n")
            throw ExitCode(3)
        }
    }
}
