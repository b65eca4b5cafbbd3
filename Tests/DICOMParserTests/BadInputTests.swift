import DICOMCore
import DICOMParser
import XCTest

/// Damaged and hostile input: each case ends in a typed `ReadError` with the exact offset, or
/// in a partial data set with `damage` set and the elements before the damage present.
final class BadInputTests: XCTestCase {
    /// Reads `dataSet` as the data set of a Part 10 file in `syntax` and returns the file,
    /// which must be damaged.
    private func damaged(_ dataSet: [UInt8], _ syntax: String = UID.explicitLE, _ options: ParseOptions = ParseOptions(),
                         line: UInt = #line) throws -> (DICOMFile, ReadError) {
        let file = try read(part10(transferSyntax: syntax, dataSet: dataSet), options, line: line)
        let damage = try XCTUnwrap(file.damage, "expected damage", line: line)
        XCTAssertFalse(file.isComplete, line: line)
        return (file, damage)
    }

    func testHugeLengthOnLOIsDamage() throws {
        let dataSet = implicitLE(.modality, "CT")                              // +0  (0008,0060) len 2  CT
            + implicitLE(.patientID, "ID", length: 0xFFFF_FFFE)                // +10 (0010,0020) LO len 0xFFFFFFFE, 2 bytes
        let (file, damage) = try damaged(dataSet, UID.implicitLE)

        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 10, tag: .patientID, vr: .LO,
                                         kind: .lengthExceedsAvailable(length: 0xFFFF_FFFE, available: 2)))
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality])
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
    }

    func testLengthPastEndOfFileIsDamage() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + explicitLE(.patientName, "PN", "DOE^", length: 100)              // +10 (0010,0010) PN 100, 4 bytes left
        let (file, damage) = try damaged(dataSet)

        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 10, tag: .patientName, vr: .PN,
                                         kind: .lengthExceedsAvailable(length: 100, available: 4)))
        XCTAssertEqual(damage.description, "offset 246, (0010,0010) PN: length 100 exceeds the 4 bytes left")
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
    }

    func testFileCutInsideShortHeaderIsDamage() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + Array(explicitLE(.rows, "US", u16(1)).prefix(5))                 // +10 (0028,0010) "U": 5 of 8 header bytes
        let (file, damage) = try damaged(dataSet)

        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 10, kind: .truncated(needed: 8, available: 5)))
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality])
    }

    func testFileCutInsideLongHeaderIsDamage() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + Array(explicitLE(Tag(0x0040_A160), "UT", "text").prefix(10))     // +10 (0040,A160) UT: 10 of 12 header bytes
        let (file, damage) = try damaged(dataSet)

        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 10, kind: .truncated(needed: 12, available: 10)))
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality])
    }

    func testInvalidVRIsDamage() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + explicitLE(.patientName, "ZZ", "DOE^")                           // +10 (0010,0010) "ZZ" 4  not a VR
        let (file, damage) = try damaged(dataSet)

        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 10, tag: .patientName, kind: .invalidVR(0x5A, 0x5A)))
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality])
    }

    /// `levels` nested undefined-length sequences, each opening one undefined-length item,
    /// never closed: 20 bytes a level.
    private func nestedSequences(_ levels: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<levels {
            bytes += explicitLE(Tag(0x0040_A730), "SQ", [], length: undefined)  // (0040,A730) SQ undefined
                + itemHeader(length: undefined)                                // item undefined
        }
        return bytes
    }

    func testTenThousandNestedSequencesStopAtMaxDepth() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + nestedSequences(10_000)                                          // +10 level k at +10 + 20 (k - 1)
        let start = Date()
        let (file, damage) = try damaged(dataSet)

        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        // Level 65 is the first too deep: its value starts after 64 levels and its 12-byte header.
        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 10 + 64 * 20 + 12, kind: .nestingTooDeep(limit: 64)))
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality])
    }

    func testNestingUpToMaxDepthIsAccepted() throws {
        var options = ParseOptions()
        options.maxSequenceDepth = 3
        let three = nestedSequences(3)                                         // 3 levels, closed below
            + (itemDelimiter() + sequenceDelimiter()) + (itemDelimiter() + sequenceDelimiter())
            + (itemDelimiter() + sequenceDelimiter())
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: three), options)
        XCTAssertNil(file.damage)
        XCTAssertEqual(file.dataSet.items(Tag(0x0040_A730)).first?.items(Tag(0x0040_A730)).first?
            .items(Tag(0x0040_A730)).count, 1)

        let (deeper, damage) = try damaged(nestedSequences(4), UID.explicitLE, options)
        XCTAssertEqual(damage, ReadError(offset: deeper.dataSetOffset + 3 * 20 + 12, kind: .nestingTooDeep(limit: 3)))
    }

    func testItemLongerThanItsSequenceIsDamage() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + explicitLE(Tag(0x0008_1140), "SQ", [], length: 20)               // +10 (0008,1140) SQ 20
            + itemHeader(length: 100)                                          // +22 item 100, 12 bytes left in the SQ
            + explicitLE(Tag(0x0008_1155), "UI", "1.2\0")                      // +30 (0008,1155) UI 4  1.2
            + explicitLE(.rows, "US", u16(1))                                  // +42 (0028,0010) US 2  1
        let (file, damage) = try damaged(dataSet)

        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 22, tag: .item,
                                         kind: .lengthExceedsAvailable(length: 100, available: 12)))
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality])
    }

    func testElementLongerThanItsItemIsDamage() throws {
        let dataSet = explicitLE(Tag(0x0008_1140), "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + itemHeader(length: 12)                                           // +12 item 12
            + explicitLE(Tag(0x0008_1155), "UI", "1.2.3.4\0")                  // +20 (0008,1155) UI 8: 4 past the item
            + sequenceDelimiter()
        let (file, damage) = try damaged(dataSet)

        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 20, tag: Tag(0x0008_1155), vr: .UI,
                                         kind: .lengthExceedsAvailable(length: 8, available: 4)))
        XCTAssertEqual(file.dataSet.count, 0)
    }

    func testItemAtTopLevelIsDamage() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + item(explicitLE(.rows, "US", u16(1)))                            // +10 item 10 outside any sequence
        let (file, damage) = try damaged(dataSet)
        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 10, tag: .item,
                                         kind: .unexpectedTag(expected: "a data element")))
    }

    func testElementInDefinedLengthSequenceIsDamage() throws {
        let dataSet = explicitLE(Tag(0x0008_1140), "SQ", [], length: 12)      // +0  (0008,1140) SQ 12
            + explicitLE(Tag(0x0008_1155), "UI", "1.2\0")                      // +12 (0008,1155) UI 4, not in an item
        let (file, damage) = try damaged(dataSet)
        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 12, tag: Tag(0x0008_1155),
                                         kind: .unexpectedTag(expected: "an Item (FFFE,E000)")))
    }

    func testUndefinedLengthFragmentIsDamage() throws {
        let dataSet = explicitLE(.rows, "US", u16(1))                          // +0  (0028,0010) US 2  1
            + explicitLE(.pixelData, "OB", [], length: undefined)              // +10 (7FE0,0010) OB undefined
            + itemHeader(length: undefined) + [1, 2]                           // +22 fragment of undefined length
        let (file, damage) = try damaged(dataSet, UID.jpegBaseline)
        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 22, tag: .item, kind: .undefinedLengthNotAllowed))
        XCTAssertEqual(file.dataSet.int(.rows), 1)
    }

    func testFragmentPastEndOfFileIsDamage() throws {
        let dataSet = explicitLE(.rows, "US", u16(1))                          // +0  (0028,0010) US 2  1
            + explicitLE(.pixelData, "OB", [], length: undefined)              // +10 (7FE0,0010) OB undefined
            + itemHeader(length: 1000) + [1, 2, 3, 4]                          // +22 fragment 1000, 4 bytes left
        let (file, damage) = try damaged(dataSet, UID.jpegBaseline)
        XCTAssertEqual(damage, ReadError(offset: file.dataSetOffset + 22, tag: .item,
                                         kind: .lengthExceedsAvailable(length: 1000, available: 4)))
    }

    func testDamageAndErrorsNameThePath() throws {
        let dataSet = explicitLE(.patientName, "PN", "DOE^", length: 100)      // (0010,0010) PN 100, 4 bytes left
        let file = try DICOMReader.read(bytes: part10(transferSyntax: UID.explicitLE, dataSet: dataSet), path: "CT1.dcm")
        XCTAssertEqual(file.damage?.description, "CT1.dcm: offset 236, (0010,0010) PN: length 100 exceeds the 4 bytes left")
        XCTAssertThrowsError(try DICOMReader.read(bytes: ascii("not DICOM at all"), path: "x.txt")) { error in
            XCTAssertEqual((error as? ReadError)?.path, "x.txt")
        }
    }

    func testTextIsNotDICOM() {
        let text = ascii(String(repeating: "Hello, this is not a DICOM file.\n", count: 10))
        let error = readError(text)
        XCTAssertEqual(error, ReadError(offset: 0, kind: .notDICOM(
            reason: "no DICM prefix at offset 128 and no plausible data element at offset 0")))
    }

    func testEmptyFileIsNotDICOM() {
        let error = readError([])
        XCTAssertEqual(error, ReadError(offset: 0, kind: .notDICOM(
            reason: "no DICM prefix at offset 128 and no plausible data element at offset 0")))
    }

    func testPreambleAndMagicOnlyIsTruncated() {
        let error = readError(preambleAndMagic)                                // 132 bytes: no file meta at all
        XCTAssertEqual(error, ReadError(offset: 132, kind: .truncated(needed: 8, available: 0)))
    }

    func testDICMFollowedByLessThanAHeaderIsTruncated() {
        let error = readError(preambleAndMagic + [0x02, 0x00, 0x00])           // 3 bytes of (0002,0000)
        XCTAssertEqual(error, ReadError(offset: 132, kind: .truncated(needed: 8, available: 3)))
    }

    func testFileMetaCutInsideValueIsAnError() {
        let bytes = preambleAndMagic
            + Array(metaGroup(metaElements(transferSyntax: UID.explicitLE)).prefix(12 + 14 + 8 + 10))
        // +0 (0002,0000) UL 4, +12 (0002,0001) OB 2, +26 (0002,0002) UI 26 with 10 bytes left
        let error = readError(bytes)
        XCTAssertEqual(error, ReadError(offset: 158, tag: .mediaStorageSOPClassUID, vr: .UI,
                                        kind: .lengthExceedsAvailable(length: 26, available: 10)))
    }

    func testFileMetaCutInsideHeaderIsDamage() throws {
        let bytes = preambleAndMagic
            + Array(metaGroup(metaElements(transferSyntax: UID.explicitLE)).prefix(12 + 14 + 4))
        // +0 (0002,0000) UL 4, +12 (0002,0001) OB 2, +26 4 bytes of (0002,0002)'s header
        let file = try read(bytes)
        XCTAssertEqual(file.damage, ReadError(offset: 158, kind: .truncated(needed: 8, available: 4)))
        XCTAssertEqual(file.fileMeta?.elements.map(\.tag), [.fileMetaInformationGroupLength, Tag(0x0002_0001)])
    }

    func testDeflateGarbageFailsToInflate() {
        let bytes = part10(transferSyntax: UID.deflated, dataSet: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        let error = readError(bytes)
        XCTAssertEqual(error, ReadError(offset: 238, kind: .inflateFailed("invalid block type"), inInflatedData: true))
    }

    func testDeflateGarbageAfterValidBlocksIsDamage() throws {
        var plain = explicitLE(.modality, "CS", "CT")                          // +0  (0008,0060) CS 2  CT
        for i in 0..<2000 {                                                    // +10 2000 x (0009,1xxx) LO 4 nnnn
            plain += explicitLE(Tag(group: 0x0009, element: UInt16(0x1000 + i)), "LO", ascii(String(format: "%04d", i)))
        }
        let compressed = deflate(plain, final: false)                          // 24010 bytes, stream not ended
            + [0xFF, 0xFF, 0xFF, 0xFF]                                         // block header 111: invalid type
        let (file, damage) = try damaged(compressed, UID.deflated)

        XCTAssertEqual(damage, ReadError(offset: 238 + plain.count, kind: .inflateFailed("invalid block type"),
                                         inInflatedData: true))
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
        XCTAssertEqual(file.dataSet.string(Tag(0x0009_1000)), "0000")
        XCTAssertGreaterThan(file.dataSet.count, 1000, "the elements inflated before the garbage")
    }

    func testDeflateStreamCutShortIsDamage() throws {
        let text = incompressibleBytes(30_000, in: 0x41...0x5A)
        let plain = explicitLE(.modality, "CS", "CT")                          // +0  (0008,0060) CS 2  CT
            + explicitLE(Tag(0x0040_A160), "UT", text)                         // +10 (0040,A160) UT 30000 letters
        let compressed = deflate(plain)
        let (file, damage) = try damaged(Array(compressed.prefix(compressed.count / 2)), UID.deflated)

        XCTAssertEqual(damage.offset, 238 + 10)
        XCTAssertEqual(damage.tag, Tag(0x0040_A160))
        XCTAssertTrue(damage.inInflatedData)
        guard case .lengthExceedsAvailable(30_000, let available) = damage.kind else { return XCTFail("\(damage)") }
        XCTAssertEqual(available, file.bytesRead - 238 - 22, "every byte inflated from the half stream")
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
    }

    func testInflateBombIsBoundedByMaxInflatedSize() throws {
        let plain = explicitLE(.modality, "CS", "CT")                          // +0  (0008,0060) CS 2  CT
            + explicitLE(.pixelData, "OB", [UInt8](repeating: 0, count: 8 << 20)) // +10 (7FE0,0010) OB 8 MiB of zeros
        let compressed = deflate(plain)
        XCTAssertLessThan(compressed.count, 10_000)
        var options = ParseOptions()
        options.maxInflatedSize = 1 << 20
        let (file, damage) = try damaged(compressed, UID.deflated, options)

        XCTAssertEqual(damage, ReadError(offset: 238 + (1 << 20), kind: .inflatedTooLarge(limit: 1 << 20),
                                         inInflatedData: true))
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
        XCTAssertLessThanOrEqual(file.bytesRead, 238 + (1 << 20) + 1)
    }

    func testMissingFileIsAnIOError() {
        let path = "/nonexistent/dicomidx-test.dcm"
        XCTAssertThrowsError(try DICOMReader.read(path: path)) { error in
            XCTAssertEqual(error as? ReadError, ReadError(path: path, offset: 0, kind: .io(.openFailed(errno: ENOENT))))
        }
    }

    func testDirectoryIsAnIOError() {
        let path = FileManager.default.temporaryDirectory.path
        XCTAssertThrowsError(try DICOMReader.read(path: path)) { error in
            XCTAssertEqual(error as? ReadError, ReadError(path: path, offset: 0, kind: .io(.notRegularFile)))
        }
    }

    func testWarningsStopAtMaxWarnings() throws {
        // Found by HostileInputTests: 100,000 stray delimiters made 100,000 warnings (18 MB).
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + Array([[UInt8]](repeating: itemDelimiter(), count: 5000).joined()) // +10 5000 x (FFFE,E00D) 0
        var options = ParseOptions()
        options.maxWarnings = 100
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet), options)
        XCTAssertNil(file.damage)
        XCTAssertEqual(file.warnings.count, 101)
        XCTAssertEqual(file.warnings.last?.message, "more than 100 warnings: the rest are not recorded")
        XCTAssertEqual(file.dataSet.string(.modality), "CT")
    }
}
