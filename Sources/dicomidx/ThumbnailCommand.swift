import ArgumentParser
import DICOMParser
import DICOMPixels

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dicomidx thumbnail`: one frame of a file as a small JPEG or PNG.
struct ThumbnailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thumbnail",
        abstract: "Write a frame of a DICOM file as a JPEG or PNG thumbnail.",
        discussion: """
            Decodes native pixel data, RLE Lossless, JPEG (baseline, extended 8- and 12-bit, lossless), JPEG-LS and \
            JPEG 2000. Grayscale frames go through the Modality LUT (Modality LUT Sequence, or \
            Rescale Slope and Intercept) and the VOI LUT of the file (VOI LUT Sequence, or Window \
            Center/Width with its VOI LUT Function), or a window from the 1st to the 99th \
            percentile when the file has neither; MONOCHROME1 is inverted. The output format follows the extension of -o: .png \
            writes PNG, anything else JPEG.

            Exit status: 0 when written, 1 when the file could not be read or decoded, 2 for \
            usage errors, 3 when the output could not be written.
            """
    )

    @Argument(help: "The DICOM file.")
    var file: String

    @Option(name: .shortAndLong, help: "The image to write (.jpg, .jpeg or .png).")
    var output: String

    @Option(name: .long, help: "Longest side of the thumbnail in pixels; smaller images are not enlarged.")
    var size: Int = 256

    @Option(name: .long, help: "The frame to show, from 1.")
    var frame: Int = 1

    func validate() throws {
        guard (1...16384).contains(size) else { throw ValidationError("--size must be between 1 and 16384") }
        guard frame >= 1 else { throw ValidationError("--frame counts from 1") }
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            let dicom = try DICOMReader.read(path: file)
            let image = try Thumbnail.image(of: dicom, frame: frame - 1, size: size)
            bytes = output.lowercased().hasSuffix(".png") ? try image.pngData() : try image.jpegData()
        } catch {
            FileHandleOutput.standardError.write("dicomidx: \(file): \(error)\n")
            throw ExitCode(1)
        }
        do {
            try Self.write(bytes, to: output)
        } catch {
            FileHandleOutput.standardError.write("dicomidx: \(error)\n")
            throw ExitCode(3)
        }
    }

    /// Writes `bytes` to a temporary file next to `path`, then renames it into place.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard let stream = fopen(temporary, "wb") else {
            throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stream) }
        let closed = fclose(stream) == 0
        guard written == bytes.count, closed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError.writeFailed(path: path, reason: reason)
        }
    }
}
