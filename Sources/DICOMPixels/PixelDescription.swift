import DICOMCore
import DICOMParser

/// The VOI LUT Function (0028,1056): how a window maps values to display.
public enum VOIFunction: String, Sendable {
    case linear = "LINEAR"
    case linearExact = "LINEAR_EXACT"
    case sigmoid = "SIGMOID"
}

/// What the Image Pixel module (and the Modality and VOI LUT modules) say about the pixels.
public struct PixelDescription: Equatable, Sendable {
    /// Rows (0028,0010).
    public var rows: Int
    /// Columns (0028,0011).
    public var columns: Int
    /// Samples per Pixel (0028,0002): 1 for grayscale and palette, 3 for colour.
    public var samplesPerPixel: Int
    /// Bits Allocated (0028,0100).
    public var bitsAllocated: Int
    /// Bits Stored (0028,0101).
    public var bitsStored: Int
    /// High Bit (0028,0102).
    public var highBit: Int
    /// True when Pixel Representation (0028,0103) is 1: two's complement samples.
    public var isSigned: Bool
    /// Photometric Interpretation (0028,0004), e.g. MONOCHROME2, RGB, YBR_FULL_422.
    public var photometricInterpretation: String
    /// Planar Configuration (0028,0006): 0 interleaved (R1G1B1R2...), 1 planar (RR..GG..BB..).
    public var planarConfiguration: Int
    /// Number of Frames (0028,0008); 1 when absent.
    public var numberOfFrames: Int
    /// Rescale Slope (0028,1053); 1 when absent.
    public var rescaleSlope: Double
    /// Rescale Intercept (0028,1052); 0 when absent.
    public var rescaleIntercept: Double
    /// The first Window Center (0028,1050), if any.
    public var windowCenter: Double?
    /// The first Window Width (0028,1051), if any.
    public var windowWidth: Double?
    /// VOI LUT Function (0028,1056); LINEAR when absent or unknown.
    public var voiFunction: VOIFunction

    /// Reads the description from `dataSet`; throws when a required attribute is missing or
    /// out of range.
    public init(dataSet: DataSet) throws {
        func required(_ tag: Tag, _ name: String) throws -> Int {
            guard let value = dataSet.int(tag) else {
                throw PixelError.invalidAttribute("\(tag) \(name) is missing")
            }
            return value
        }
        rows = try required(.rows, "Rows")
        columns = try required(.columns, "Columns")
        bitsAllocated = try required(.bitsAllocated, "Bits Allocated")
        samplesPerPixel = dataSet.int(.samplesPerPixel) ?? 1
        bitsStored = dataSet.int(.bitsStored) ?? bitsAllocated
        highBit = dataSet.int(.highBit) ?? (bitsStored - 1)
        isSigned = dataSet.int(.pixelRepresentation) == 1
        photometricInterpretation = dataSet.string(.photometricInterpretation)?.uppercased()
            ?? (samplesPerPixel == 3 ? "RGB" : "MONOCHROME2")
        planarConfiguration = dataSet.int(.planarConfiguration) ?? 0
        numberOfFrames = max(1, dataSet.int(.numberOfFrames) ?? 1)
        let slope = dataSet.double(.rescaleSlope) ?? 1
        rescaleSlope = slope == 0 ? 1 : slope
        rescaleIntercept = dataSet.double(.rescaleIntercept) ?? 0
        windowCenter = dataSet.double(.windowCenter)
        windowWidth = dataSet.double(.windowWidth)
        voiFunction = dataSet.string(.voiLUTFunction).flatMap { VOIFunction(rawValue: $0.uppercased()) } ?? .linear
        try validate()
    }

    private func validate() throws {
        guard rows > 0, columns > 0, rows <= 65535, columns <= 65535 else {
            throw PixelError.invalidAttribute("Rows \(rows) x Columns \(columns) is not an image size")
        }
        guard [1, 8, 16, 32].contains(bitsAllocated) else {
            throw PixelError.unsupported("Bits Allocated \(bitsAllocated)")
        }
        guard bitsStored >= 1, bitsStored <= bitsAllocated else {
            throw PixelError.invalidAttribute("Bits Stored \(bitsStored) with Bits Allocated \(bitsAllocated)")
        }
        guard samplesPerPixel == 1 || samplesPerPixel == 3 else {
            throw PixelError.unsupported("Samples per Pixel \(samplesPerPixel)")
        }
    }

    /// Samples in one frame as stored natively (YBR_FULL_422 holds two per pixel).
    var samplesPerFrame: Int {
        photometricInterpretation == "YBR_FULL_422" && samplesPerPixel == 3
            ? rows * columns * 2 : rows * columns * samplesPerPixel
    }

    /// True for MONOCHROME1 and MONOCHROME2.
    public var isMonochrome: Bool { photometricInterpretation.hasPrefix("MONOCHROME") }
}
