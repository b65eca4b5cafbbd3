import DICOMParser
import DICOMPixels
import DICOMStudies
import FHIRExport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `scan --thumbnails DIR`: one JPEG per series, of its middle instance, named by a hash of the
/// series UID (`<uuid5 of the UID>.jpg`), never by a value taken from the file.
struct SeriesThumbnails {
    let directory: String
    let size: Int

    /// Writes the thumbnails of every series with pixel data; returns one message per series
    /// whose image could not be made.
    func write(_ studies: some Sequence<StudyEntry>) -> [String] {
        mkdir(directory, 0o755)
        var problems: [String] = []
        for study in studies {
            problems += write(study.series)
        }
        return problems
    }

    private func write(_ series: [SeriesEntry]) -> [String] {
        var problems: [String] = []
        for series in series where !series.instances.isEmpty {
            let middle = series.instances[series.instances.count / 2]
            let name = directory + "/" + NameBasedUUID.uuid(namespace: NameBasedUUID.oidNamespace, name: series.uid) + ".jpg"
            do {
                let file = try DICOMReader.read(path: middle.path)
                let bytes = try Thumbnail.image(of: file, size: size).jpegData()
                try ThumbnailCommand.write(bytes, to: name)
            } catch PixelError.noPixelData {
                continue  // SR, KO, PR...: nothing to show
            } catch {
                problems.append("no thumbnail for series \(series.uid) (\(middle.path)): \(error)")
            }
        }
        return problems
    }
}
