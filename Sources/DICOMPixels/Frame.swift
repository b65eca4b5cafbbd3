/// One decoded frame: every sample as an integer, interleaved (pixel by pixel, sample by
/// sample), after masking to Bits Stored and sign extension.
public struct Frame: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Samples per pixel: 1 or 3.
    public let samplesPerPixel: Int
    /// The colour space of `samples`: the file's Photometric Interpretation, or what the
    /// decoder turned it into (libjpeg converts YCbCr to RGB; YBR_FULL_422 is upsampled to
    /// YBR_FULL; JPEG 2000 YBR_ICT/YBR_RCT come out as RGB).
    public let photometricInterpretation: String
    /// Bits per sample that carry the value.
    public let bitsStored: Int
    /// True when the samples are signed.
    public let isSigned: Bool
    /// rows * columns * samplesPerPixel values.
    public let samples: [Int64]

    /// Creates a frame; `samples.count` must be rows * columns * samplesPerPixel.
    public init(rows: Int, columns: Int, samplesPerPixel: Int, photometricInterpretation: String,
                bitsStored: Int, isSigned: Bool, samples: [Int64]) {
        precondition(samples.count == rows * columns * samplesPerPixel, "frame size")
        self.rows = rows
        self.columns = columns
        self.samplesPerPixel = samplesPerPixel
        self.photometricInterpretation = photometricInterpretation
        self.bitsStored = bitsStored
        self.isSigned = isSigned
        self.samples = samples
    }
}
