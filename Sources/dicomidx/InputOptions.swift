import ArgumentParser
import DICOMStudies

/// Which files a command reads: paths, lists of paths, exclusions, links and parallelism.
/// Shared by `scan`, `index` and `report`.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files and directories to read; directories are walked recursively.")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read more paths from FILE, one a line ('-' for standard input).",
                                            valueName: "file"))
    var filesFrom: String?

    @Flag(name: .long, help: "With --files-from, paths are separated by NUL bytes instead of newlines.")
    var null = false

    @Flag(name: .long, help: "Follow symbolic links (loops are detected); by default links are not followed.")
    var followSymlinks = false

    @Option(name: .long, help: ArgumentHelp("Skip paths matching this shell pattern (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Option(name: .long, help: ArgumentHelp("Files read in parallel (default: 8, which keeps 2 cores busy on a warm cache and enough reads in flight on a cold disk).", valueName: "n"))
    var jobs: Int = 8

    func validate() throws {
        if null && filesFrom == nil { throw ValidationError("--null needs --files-from") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") }
    }

    /// True when paths are given, on the command line or with --files-from.
    var hasPaths: Bool { !paths.isEmpty || filesFrom != nil }

    /// Throws the usage error of a command that reads paths and got none (`report --db` reads
    /// none, so this is not part of `validate()`).
    func requirePaths() throws {
        if !hasPaths { throw ValidationError("give at least one path, or --files-from") }
    }
}


extension InputOptions {
    /// The walker over the paths and the --files-from list. Throws when the list cannot be opened.
    func makeWalker() throws -> ArchiveWalker {
        var inputs = paths.map { ArchiveWalker.Input.path(ScanPath($0)) }
        if let list = filesFrom {
            inputs.append(.list(try PathListReader(path: list, separator: null ? .nul : .newline)))
        }
        return ArchiveWalker(inputs: inputs, options: .init(followSymlinks: followSymlinks, exclude: ExcludePatterns(exclude)))
    }
}
