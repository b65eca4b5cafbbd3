import XCTest
@testable import DICOMPixels

/// The grayscale display pipeline and the image writers.
final class DisplayTests: XCTestCase {
    func testLinearWindowFollowsPS3_3C11_2_1_2() {
        // Center 50, width 101: x <= -0.5 + ... is 0, above 99.5 is 255, the center maps near 127.5.
        XCTAssertEqual(DisplayRenderer.window(-1, center: 50, width: 101, function: .linear), 0)
        XCTAssertEqual(DisplayRenderer.window(100, center: 50, width: 101, function: .linear), 255)
        XCTAssertEqual(DisplayRenderer.window(49.5, center: 50, width: 101, function: .linear), 127.5, accuracy: 1e-9)
        XCTAssertEqual(DisplayRenderer.window(50, center: 50, width: 100, function: .linearExact), 127.5, accuracy: 1e-9)
        XCTAssertEqual(DisplayRenderer.window(0, center: 50, width: 100, function: .linearExact), 0)
        XCTAssertEqual(DisplayRenderer.window(50, center: 50, width: 100, function: .sigmoid), 127.5, accuracy: 1e-9)
    }

    func testMonochrome1IsInvertedAndRescaleApplied() throws {
        let frame = Frame(rows: 1, columns: 2, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME1",
                          bitsStored: 8, isSigned: false, samples: [0, 100])
        var description = try PixelDescription(dataSet: DICOMReaderFixture.dataSet())
        description.rescaleSlope = 2
        description.rescaleIntercept = -100  // values -100 and 100
        description.windowCenter = 0
        description.windowWidth = 200
        description.voiFunction = .linearExact
        let image = DisplayRenderer.grayscale(frame, description: description)
        XCTAssertEqual(image.pixels, [255, 0])
    }

    func testPercentileWindowIgnoresOutliers() {
        var values = [Double](repeating: 0, count: 1000)
        for i in 0..<1000 { values[i] = Double(i % 100) }
        values[0] = -30000
        values[1] = 30000
        let window = DisplayRenderer.percentileWindow(values)
        XCTAssertEqual(window.center, 49.5, accuracy: 1)
        XCTAssertEqual(window.width, 98, accuracy: 2)
    }

    func testScaledToFitAveragesBoxes() {
        let image = DisplayImage(width: 4, height: 2, channels: 1, pixels: [0, 10, 20, 30, 0, 10, 20, 30])
        let small = image.scaled(toFit: 2)
        XCTAssertEqual([small.width, small.height], [2, 1])
        XCTAssertEqual(small.pixels, [5, 25])
        XCTAssertEqual(image.scaled(toFit: 10), image)
    }

    func testPNGHasSignatureHeaderAndValidCRC() throws {
        let png = try DisplayImage(width: 3, height: 2, channels: 3, pixels: [UInt8](repeating: 7, count: 18)).pngData()
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png[12..<16]), Array("IHDR".utf8))
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 0, 3, 0, 0, 0, 2])
        XCTAssertEqual(Array(png.suffix(12)), [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    func testSegmentedPaletteExpandsDiscreteAndLinearSegments() throws {
        XCTAssertEqual(try Palette.expandSegments([0, 2, 10, 20, 1, 4, 60]), [10, 20, 30, 40, 50, 60])
        XCTAssertThrowsError(try Palette.expandSegments([1, 3, 9]))
        XCTAssertThrowsError(try Palette.expandSegments([0, 5, 1]))
        XCTAssertThrowsError(try Palette.expandSegments([2, 1, 0, 0]))
    }
}

import DICOMParser

enum DICOMReaderFixture {
    static func dataSet() throws -> DataSet {
        try DICOMReader.read(bytes: BadPixelDataTests.minimalImage(rows: 1, columns: 2)).dataSet
    }
}
