import DICOMCore

/// Tags of the Image Pixel, Modality LUT, VOI LUT and Palette Color modules used here.
extension Tag {
    static let samplesPerPixel = Tag(0x0028_0002)
    static let photometricInterpretation = Tag(0x0028_0004)
    static let planarConfiguration = Tag(0x0028_0006)
    static let bitsAllocated = Tag(0x0028_0100)
    static let bitsStored = Tag(0x0028_0101)
    static let highBit = Tag(0x0028_0102)
    static let pixelRepresentation = Tag(0x0028_0103)
    static let windowCenter = Tag(0x0028_1050)
    static let windowWidth = Tag(0x0028_1051)
    static let rescaleIntercept = Tag(0x0028_1052)
    static let rescaleSlope = Tag(0x0028_1053)
    static let voiLUTFunction = Tag(0x0028_1056)
    static let redPaletteDescriptor = Tag(0x0028_1101)
    static let greenPaletteDescriptor = Tag(0x0028_1102)
    static let bluePaletteDescriptor = Tag(0x0028_1103)
    static let redPaletteData = Tag(0x0028_1201)
    static let greenPaletteData = Tag(0x0028_1202)
    static let bluePaletteData = Tag(0x0028_1203)
    static let segmentedRedPaletteData = Tag(0x0028_1221)
    static let segmentedGreenPaletteData = Tag(0x0028_1222)
    static let segmentedBluePaletteData = Tag(0x0028_1223)
    static let extendedOffsetTable = Tag(0x7FE0_0001)
    static let extendedOffsetTableLengths = Tag(0x7FE0_0002)
}

/// Tags of the Modality LUT and VOI LUT sequences (PS3.3 C.11.1, C.11.2).
extension Tag {
    static let modalityLUTSequence = Tag(0x0028_3000)
    static let lutDescriptor = Tag(0x0028_3002)
    static let lutData = Tag(0x0028_3006)
    static let voiLUTSequence = Tag(0x0028_3010)
}
