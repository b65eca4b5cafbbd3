import DICOMCore
import DICOMParser
import XCTest

/// Reading from disk on demand: the first read, growth when an element needs more, stopping
/// before a tag, and results identical to reading the same bytes from memory.
final class StreamingTests: XCTestCase {
    /// Header elements, then `pixelBytes` of native pixel data (OW), explicit VR little endian.
    private func imageDataSet(pixelBytes: Int, description: String = "Abdomen") -> [UInt8] {
        explicitLE(.modality, "CS", "CT")                                      // (0008,0060) CS 2  CT
            + explicitLE(.studyDescription, "LO", ascii(description))          // (0008,1030) LO    description
            + explicitLE(.patientName, "PN", "DOE^JOHN")                       // (0010,0010) PN 8  DOE^JOHN
            + explicitLE(.rows, "US", u16(512))                                // (0028,0010) US 2  512
            + explicitLE(.columns, "US", u16(512))                             // (0028,0011) US 2  512
            + explicitLE(.pixelData, "OW", [UInt8](repeating: 0x55, count: pixelBytes)) // (7FE0,0010) OW
    }

    func testStopBeforePixelDataReadsOnlyTheFirstBlock() throws {
        let bytes = part10(transferSyntax: UID.explicitLE, dataSet: imageDataSet(pixelBytes: 4 << 20))
        let path = try temporaryFile(bytes, for: self)
        let file = try DICOMReader.read(path: path, options: .headerOnly)

        XCTAssertEqual(file.path, path)
        XCTAssertEqual(file.stoppedBefore, .pixelData)
        XCTAssertEqual(file.bytesRead, 4096, "the initial read; nothing of the 4 MiB pixel data")
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality, .studyDescription, .patientName, .rows, .columns])
        XCTAssertEqual(file.dataSet.string(.patientName), "DOE^JOHN")
        XCTAssertNil(file.damage)
    }

    func testWholeFileIsReadWithoutStopTag() throws {
        let bytes = part10(transferSyntax: UID.explicitLE, dataSet: imageDataSet(pixelBytes: 1 << 20))
        let file = try DICOMReader.read(path: try temporaryFile(bytes, for: self))

        XCTAssertEqual(file.bytesRead, bytes.count)
        XCTAssertEqual(file.dataSet.element(.pixelData)?.valueLength, 1 << 20)
        XCTAssertTrue(file.isComplete)
    }

    func testHeaderLargerThanFirstReadGrowsTheBuffer() throws {
        let description = String(repeating: "long description ", count: 600)  // 10200 bytes
        let dataSet = imageDataSet(pixelBytes: 1 << 20, description: description)
        let bytes = part10(transferSyntax: UID.explicitLE, dataSet: dataSet)
        var options = ParseOptions.headerOnly
        options.initialReadSize = 64
        let file = try DICOMReader.read(path: try temporaryFile(bytes, for: self), options: options)
        let pixelDataOffset = bytes.count - (1 << 20) - 12

        XCTAssertEqual(file.dataSet.string(.studyDescription), String(description.dropLast()))
        XCTAssertEqual(file.dataSet.int(.columns), 512)
        XCTAssertEqual(file.stoppedBefore, .pixelData)
        XCTAssertGreaterThanOrEqual(file.bytesRead, pixelDataOffset + 8)
        XCTAssertLessThanOrEqual(file.bytesRead, 2 * (pixelDataOffset + 8), "grows by doubling, not to the end")
        XCTAssertEqual(file.warnings, [])
    }

    func testDeflatedFileInflatesOnlyWhatIsNeeded() throws {
        let plain = imageDataSet(pixelBytes: 8 << 20)
        let bytes = part10(transferSyntax: UID.deflated, dataSet: deflate(plain))
        var options = ParseOptions.headerOnly
        options.initialReadSize = 256
        let file = try DICOMReader.read(path: try temporaryFile(bytes, for: self), options: options)

        XCTAssertEqual(file.stoppedBefore, .pixelData)
        XCTAssertEqual(file.dataSet.string(.patientName), "DOE^JOHN")
        XCTAssertLessThan(file.bytesRead, 64 * 1024, "not the 8 MiB the data set inflates to")
    }

    func testDeflatedFileLongerThanOneInputChunk() throws {
        let noise = incompressibleBytes(300_000)
        let plain = explicitLE(.modality, "CS", "CT")                          // +0  (0008,0060) CS 2  CT
            + explicitLE(.pixelData, "OB", noise)                              // +10 (7FE0,0010) OB 300000 noise bytes
        let compressed = deflate(plain)
        XCTAssertGreaterThan(compressed.count, 4 * 65536, "several 64 KiB input reads")
        let file = try DICOMReader.read(path: try temporaryFile(part10(transferSyntax: UID.deflated, dataSet: compressed),
                                                                 for: self))
        let pixels = try XCTUnwrap(file.dataSet.element(.pixelData))

        XCTAssertNil(file.damage)
        XCTAssertEqual(pixels.valueOffset, 238 + 22)
        XCTAssertEqual(file.dataSet.valueBytes(of: pixels), noise)
        XCTAssertEqual(file.bytesRead, 238 + plain.count)
    }

    func testStopBeforeATagThatIsAbsentStopsAtTheNextOne() throws {
        let bytes = part10(transferSyntax: UID.explicitLE, dataSet: imageDataSet(pixelBytes: 16))
        let file = try DICOMReader.read(path: try temporaryFile(bytes, for: self),
                                        options: ParseOptions(stopBefore: Tag(0x0010_0000)))

        XCTAssertEqual(file.stoppedBefore, .patientName, "the first tag at or after (0010,0000)")
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality, .studyDescription])
    }

    func testShortTailPastTheFirstReadIsReadBeforeItIsJudged() throws {
        let bytes = explicitLE(.modality, "CS", "CT")                          // +0  (0008,0060) CS 2  CT
            + [0, 0, 7, 7, 7]                                                  // +10 5 bytes, not all zero
        var options = ParseOptions()
        options.initialReadSize = 12
        let file = try DICOMReader.read(path: try temporaryFile(bytes, for: self), options: options)

        XCTAssertEqual(file.damage?.offset, 10)
        XCTAssertEqual(file.damage?.kind, .truncated(needed: 8, available: 5))
        XCTAssertEqual(file.bytesRead, 15)
    }

    func testWarningsAreNotRepeatedWhenTheFileMetaNeedsMoreBytes() throws {
        let meta = implicitLE(.transferSyntaxUID, uidValue(UID.explicitLE))    // (0002,0010) len 20, implicit VR
        let bytes = preambleAndMagic
            + implicitLE(.fileMetaInformationGroupLength, u32(UInt32(meta.count))) // (0002,0000) len 4  28
            + meta
            + explicitLE(.modality, "CS", "CT")                                // (0008,0060) CS 2  CT
        var options = ParseOptions()
        options.initialReadSize = 140
        let file = try DICOMReader.read(path: try temporaryFile(bytes, for: self), options: options)

        XCTAssertEqual(file.dataSet.string(.modality), "CT")
        XCTAssertEqual(file.warnings, [ReadWarning(offset: 132, message: "file meta information written in implicit VR")])
    }

    // MARK: File reads equal memory reads

    /// Files the reader must read the same from disk, whatever the first read size.
    private var fixtures: [(String, [UInt8])] {
        let sequence = explicitLE(Tag(0x0008_1140), "SQ", [], length: undefined)  // (0008,1140) SQ undefined
            + undefinedItem(explicitLE(Tag(0x0008_1155), "UI", "1.2\0"))           //   item, (0008,1155) UI 4
            + itemHeader(length: undefined)                                        //   item without delimiters
            + explicitLE(Tag(0x0008_1155), "UI", "3.4\0")
        let implicitMeta = implicitLE(.transferSyntaxUID, uidValue(UID.implicitLE))
        return [
            ("explicit", part10(transferSyntax: UID.explicitLE, dataSet: imageDataSet(pixelBytes: 300))),
            ("sequence without delimiters at the end", part10(transferSyntax: UID.explicitLE, dataSet: sequence)),
            ("sequence and a cut header", part10(transferSyntax: UID.explicitLE, dataSet: sequence + [8, 0, 0x60])),
            ("implicit meta", preambleAndMagic + implicitMeta + implicitLE(.modality, "CT") + [0, 0, 0]),
            ("deflated", part10(transferSyntax: UID.deflated, dataSet: deflate(imageDataSet(pixelBytes: 5000)))),
            ("raw with tail", explicitLE(.modality, "CS", "CT") + explicitLE(.rows, "US", u16(1)) + [0, 0, 1]),
            ("fragments without delimiter",
             part10(transferSyntax: UID.jpegBaseline,
                    dataSet: explicitLE(.pixelData, "OB", [], length: undefined) + item([]) + item([1, 2]) + [9])),
        ]
    }

    func testFileReadEqualsMemoryReadForEveryFirstReadSize() throws {
        for (name, bytes) in fixtures {
            let path = try temporaryFile(bytes, for: self)
            let expected = describe(try DICOMReader.read(bytes: bytes, path: path))
            for size in [1, 7, 12, 64, 133, 140, 200, 4096] {
                var options = ParseOptions()
                options.initialReadSize = size
                let actual = describe(try DICOMReader.read(path: path, options: options))
                XCTAssertEqual(actual, expected, "\(name), first read \(size)")
            }
        }
    }

    /// Everything a read found, as lines: elements with offsets (items indented), warnings, damage.
    private func describe(_ file: DICOMFile) -> [String] {
        var lines = ["syntax \(file.transferSyntax.uid) data set at \(file.dataSetOffset)"]
        func add(_ dataSet: DataSet, _ indent: String) {
            for element in dataSet.elements {
                lines.append("\(indent)\(element.tag) \(element.vr) @\(element.headerOffset) \(element.valueLength)")
                for item in dataSet.items(of: element) { add(item, indent + "  ") }
                for fragment in dataSet.fragments(of: element) {
                    lines.append("\(indent)  fragment @\(fragment.offset) \(fragment.length)")
                }
            }
        }
        add(file.dataSet, "")
        lines += file.warnings.map(\.description)
        lines.append("damage: \(file.damage.map(\.description) ?? "none")")
        return lines
    }
}
