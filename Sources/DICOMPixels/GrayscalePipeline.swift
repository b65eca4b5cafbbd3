import DICOMParser

/// The grayscale display pipeline of PS3.3 C.11: stored values -> Modality LUT -> VOI LUT ->
/// 8-bit display values, inverted for MONOCHROME1.
///
/// - Modality: the first item of the Modality LUT Sequence (0028,3000) when present, else
///   Rescale Slope/Intercept (the standard allows one or the other).
/// - VOI: the first item of the VOI LUT Sequence (0028,3010) when present, else the first
///   Window Center/Width with the VOI LUT Function, else a window from the 1st to the 99th
///   percentile of the frame. PS3.3 C.11.2 leaves the choice to the application when a file has
///   both a VOI LUT Sequence and a window; the sequence is taken first, as pydicom's
///   `apply_voi_lut` does by default.
public struct GrayscalePipeline: Equatable, Sendable {
    /// Stored values to modality values (e.g. Hounsfield units).
    public enum Modality: Equatable, Sendable {
        /// value * slope + intercept.
        case rescale(slope: Double, intercept: Double)
        /// The Modality LUT Sequence's first item.
        case table(LookupTable)
    }

    /// Modality values to display values.
    public enum VOI: Equatable, Sendable {
        /// Window Center/Width with the VOI LUT Function (PS3.3 C.11.2.1.2).
        case window(center: Double, width: Double, function: VOIFunction)
        /// The VOI LUT Sequence's first item, scaled from `outputMaximum` to 255.
        case table(LookupTable)
        /// The 1st to 99th percentile of each frame's modality values, LINEAR_EXACT.
        case percentile
    }

    /// The Modality LUT.
    public var modality: Modality
    /// The VOI LUT.
    public var voi: VOI

    /// The pipeline of a data set whose pixels `description` describes. Throws when a LUT
    /// sequence is present but its descriptor or data is invalid.
    public init(description: PixelDescription, dataSet: DataSet) throws {
        self.init(description: description)
        if let item = dataSet.items(.modalityLUTSequence).first {
            modality = .table(try LookupTable(item: item, name: "Modality LUT Sequence (0028,3000)",
                                              signed: description.isSigned))
        }
        if let item = dataSet.items(.voiLUTSequence).first {
            voi = .table(try LookupTable(item: item, name: "VOI LUT Sequence (0028,3010)", signed: description.isSigned))
        }
    }

    /// The pipeline from the description's rescale and window alone (no LUT sequences).
    public init(description d: PixelDescription) {
        modality = .rescale(slope: d.rescaleSlope, intercept: d.rescaleIntercept)
        if let center = d.windowCenter, let width = d.windowWidth, width > 0 {
            voi = .window(center: center, width: width, function: d.voiFunction)
        } else {
            voi = .percentile
        }
    }

    /// The modality values of `samples`.
    public func modalityValues(_ samples: [Int64]) -> [Double] {
        switch modality {
        case .rescale(let slope, let intercept):
            return samples.map { Double($0) * slope + intercept }
        case .table(let table):
            return samples.map { Double(table.lookup(Self.index($0))) }
        }
    }

    /// The output of the VOI LUT Sequence for `values`; nil when the VOI is a window.
    public func voiTableValues(_ values: [Double]) -> [Int]? {
        guard case .table(let table) = voi else { return nil }
        return values.map { table.lookup(Self.index($0)) }
    }

    /// The frame as 8-bit gray.
    public func render(_ frame: Frame) -> DisplayImage {
        let values = modalityValues(frame.samples)
        let invert = frame.photometricInterpretation == "MONOCHROME1"
        let pixels: [UInt8]
        switch voi {
        case .table(let table):
            let scale = 255 / Double(max(1, table.outputMaximum))
            pixels = values.map { value in
                let byte = DisplayRenderer.clampByte(Double(table.lookup(Self.index(value))) * scale)
                return invert ? 255 - byte : byte
            }
        case .window(let center, let width, let function):
            pixels = Self.windowed(values, center: center, width: width, function: function, invert: invert)
        case .percentile:
            let (center, width) = DisplayRenderer.percentileWindow(values)
            pixels = Self.windowed(values, center: center, width: width, function: .linearExact, invert: invert)
        }
        return DisplayImage(width: frame.columns, height: frame.rows, channels: 1, pixels: pixels)
    }

    private static func windowed(_ values: [Double], center: Double, width: Double, function: VOIFunction,
                                 invert: Bool) -> [UInt8] {
        values.map { value in
            let byte = DisplayRenderer.clampByte(DisplayRenderer.window(value, center: center, width: width, function: function))
            return invert ? 255 - byte : byte
        }
    }

    /// A LUT input index: the value (rounded down), clamped to the 32-bit range.
    @inline(__always)
    static func index(_ value: Int64) -> Int { Int(max(Int64(Int32.min), min(Int64(Int32.max), value))) }

    @inline(__always)
    static func index(_ value: Double) -> Int {
        guard value.isFinite else { return value > 0 ? Int(Int32.max) : Int(Int32.min) }
        return Int(max(Double(Int32.min), min(Double(Int32.max), value.rounded(.down))))
    }
}
