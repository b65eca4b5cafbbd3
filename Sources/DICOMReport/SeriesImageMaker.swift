import DICOMCore
import DICOMParser
import DICOMPixels
import DICOMStudies

/// Makes the thumbnail of every series: the first frame of its middle instance (in instance
/// order), read again from its file, rendered for display, scaled to `size` and encoded as
/// JPEG, on `jobs` threads.
///
/// Each file is read whole (the pixel data is needed), so the files being read at once share
/// `memoryBudget` bytes: a 2 GB multi-frame file is read alone, not beside seven others.
public struct SeriesImageMaker: Sendable {
    /// Longer side in pixels.
    public var size: Int
    /// Files read and decoded in parallel.
    public var jobs: Int
    /// JPEG quality (libjpeg's scale, 1 to 100).
    public var quality = 80
    /// Files whose names are not valid UTF-8, by the text that shows them
    /// (`ScanPath.description`, which is what records hold): they are opened by their bytes.
    public var pathBytes: [String: ScanPath] = [:]
    /// Most bytes of files held in memory at once (default 1 GiB).
    public var memoryBudget = 1 << 30

    /// A maker of `size`-pixel thumbnails on `jobs` threads.
    public init(size: Int, jobs: Int) {
        self.size = size
        self.jobs = jobs
    }

    /// The image of each series of `studies` that has instances, by Series Instance UID.
    public func images(for studies: [StudyEntry]) -> [String: SeriesImage] {
        let work: [(uid: String, path: String)] = studies.flatMap(\.series).compactMap { series in
            guard !series.instances.isEmpty else { return nil }
            return (series.uid, series.instances[series.instances.count / 2].path)
        }
        let maker = self
        let budget = ByteBudget(capacity: memoryBudget)
        let made = parallelMap(work, jobs: jobs) { item in maker.image(path: item.path, budget: budget) }
        var result: [String: SeriesImage] = [:]
        for (item, image) in zip(work, made) { result[item.uid] = image }
        return result
    }

    /// The image of one file; with `budget`, the file's size is taken from it while it is
    /// read and decoded.
    public func image(path: String, budget: ByteBudget? = nil) -> SeriesImage {
        do {
            let raw: RawFile
            do {
                raw = try pathBytes[path].map { try RawFile(pathBytes: $0.bytes) } ?? RawFile(path: path)
            } catch let error as RawFileError {
                throw ReadError(path: path, offset: 0, kind: .io(error))
            }
            let taken = budget?.take(raw.size) ?? 0
            defer { budget?.give(taken) }
            let file = try DICOMReader.read(file: raw, path: path)
            let image = try Thumbnail.image(of: file, size: size)
            return .jpeg(bytes: try image.jpegData(quality: quality), width: image.width, height: image.height)
        } catch PixelError.noPixelData {
            return .unavailable(path: path, reason: "no Pixel Data (7FE0,0010)", noPixelData: true)
        } catch let error as ReadError {
            return .unavailable(path: path, reason: Self.message(error, path: path), noPixelData: false)
        } catch {
            return .unavailable(path: path, reason: "\(error)", noPixelData: false)
        }
    }

    /// A read error without the path it starts with (the report shows the path beside it).
    static func message(_ error: ReadError, path: String) -> String {
        let text = "\(error)"
        return text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
    }
}
