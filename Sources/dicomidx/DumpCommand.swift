import ArgumentParser
import DICOMCore
import DICOMDump
import DICOMParser

/// `dicomidx dump`: a dcmdump-like listing, or the DICOM JSON model, of each file.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "List the elements of DICOM files, or write them as DICOM JSON (PS3.18 F.2).",
        discussion: """
            The listing shows one element per line: tag, VR, length (undef for undefined \
            length), keyword and value, with sequence items indented. Warnings and errors name \
            the byte offset. A damaged file is listed up to the damage and counts as failed.

            Exit status: 0 when every file was read, 1 when any failed (the others are still \
            printed), 2 for usage errors.
            """
    )

    @Argument(help: "DICOM files to read.")
    var files: [String]

    @Flag(name: .long, help: "Write the DICOM JSON model of PS3.18 F.2, one object per file per line.")
    var json = false

    @Flag(name: .long, help: "With --json, write binary values as InlineBinary (Base64) instead of BulkDataURI.")
    var inlineBinary = false

    @Flag(name: .long, help: "With --json, include the file meta group (0002).")
    var meta = false

    @Flag(name: .long, help: "Stop before Pixel Data: read only the header.")
    var headerOnly = false

    @Option(name: .long, help: "Cut values in the listing at this many characters.")
    var width: Int = 72

    func validate() throws {
        guard width >= 8 else { throw ValidationError("--width must be at least 8") }
        if inlineBinary && !json { throw ValidationError("--inline-binary needs --json") }
        if meta && !json { throw ValidationError("--meta needs --json") }
    }

    func run() throws {
        var options = ParseOptions()
        if headerOnly { options.stopBefore = .pixelData }
        let listing = TextDump(valueWidth: width)
        let writer = DICOMJSONWriter(binary: inlineBinary ? .inline : .bulkDataURI, includeFileMeta: meta)
        let out = FileHandleOutput.standardOutput
        let err = FileHandleOutput.standardError
        var failures = 0
        for path in files {
            do {
                let file = try DICOMReader.read(path: path, options: options)
                if json {
                    out.write(writer.render(file) + "\n")
                    for warning in file.warnings { err.write("dicomidx: \(path): warning: \(warning)\n") }
                } else {
                    out.write(listing.render(file))
                }
                if let damage = file.damage {
                    failures += 1
                    err.write("dicomidx: \(damage)\n")
                }
            } catch {
                failures += 1
                err.write("dicomidx: \(error)\n")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
