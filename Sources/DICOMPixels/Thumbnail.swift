import DICOMParser

/// A thumbnail of one frame: decode, render for display, scale to fit.
public enum Thumbnail {
    /// The display image of frame `index` (0-based) of `file`, its longer side at most `size`.
    public static func image(of file: DICOMFile, frame index: Int = 0, size: Int = 256) throws -> DisplayImage {
        let decoder = try PixelDecoder(file: file)
        let frame = try decoder.frame(index)
        return try DisplayRenderer.render(frame, description: decoder.description, dataSet: file.dataSet).scaled(toFit: size)
    }
}
