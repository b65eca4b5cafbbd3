import DICOMReport
import DICOMStudies
import FHIRExport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `scan --thumbnails DIR`: one JPEG per series, of its middle instance, named by a hash of the
/// series UID (`<uuid5 of the UID>.jpg`), never by a value taken from the file. Made on `jobs`
/// threads by the report's `SeriesImageMaker`.
struct SeriesThumbnails {
    let directory: String
    let size: Int
    var jobs = 8
    /// Files whose names are not valid UTF-8, by the text that shows them.
    var pathBytes: [String: ScanPath] = [:]

    /// Writes the thumbnails of every series with pixel data; returns one message per series
    /// whose image could not be made or written.
    func write(_ studies: [StudyEntry]) -> [String] {
        mkdir(directory, 0o755)
        var maker = SeriesImageMaker(size: size, jobs: jobs)
        maker.quality = 85
        maker.pathBytes = pathBytes
        let images = maker.images(for: studies)
        var problems: [String] = []
        for series in studies.flatMap(\.series) {
            switch images[series.uid] {
            case .jpeg(let bytes, _, _)?:
                let name = directory + "/" + NameBasedUUID.uuid(namespace: NameBasedUUID.oidNamespace, name: series.uid) + ".jpg"
                do {
                    try ThumbnailCommand.write(bytes, to: name)
                } catch {
                    problems.append("no thumbnail for series \(series.uid): \(error)")
                }
            case .unavailable(let path, let reason, let noPixelData)?:
                // SR, KO, PR...: nothing to show.
                if !noPixelData { problems.append("no thumbnail for series \(series.uid) (\(path)): \(reason)") }
            case nil:
                continue
            }
        }
        return problems
    }
}
