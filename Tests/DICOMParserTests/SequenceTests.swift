import DICOMCore
import DICOMParser
import XCTest

/// Sequences and items of defined and undefined length, nesting, and missing delimiters.
final class SequenceTests: XCTestCase {
    private let referencedImages = Tag(0x0008_1140)    // SQ
    private let referencedClass = Tag(0x0008_1150)     // UI
    private let referencedInstance = Tag(0x0008_1155)  // UI

    private func readExplicit(_ dataSet: [UInt8]) throws -> DICOMFile {
        try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet))
    }

    func testDefinedLengthSequenceOfDefinedLengthItems() throws {
        let first = explicitLE(referencedClass, "UI", "1.2.3\0")               // (0008,1150) UI 6  1.2.3
            + explicitLE(referencedInstance, "UI", "1.2.3.4\0")                // (0008,1155) UI 8  1.2.3.4
        let second = explicitLE(referencedInstance, "UI", "5.6\0")             // (0008,1155) UI 4  5.6
        let dataSet = explicitLE(referencedImages, "SQ", [], length: 58)       // +0  (0008,1140) SQ 58
            + item(first)                                                      // +12 item 30
            + item(second)                                                     // +50 item 12
            + explicitLE(.rows, "US", u16(4))                                  // +70 (0028,0010) US 2  4
        let file = try readExplicit(dataSet)
        let d = file.dataSetOffset
        let sequence = try XCTUnwrap(file.dataSet.element(referencedImages))
        let items = file.dataSet.items(of: sequence)

        XCTAssertEqual(sequence.length, 58)
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0].uid(referencedClass), "1.2.3")
        XCTAssertEqual(items[0].uid(referencedInstance), "1.2.3.4")
        XCTAssertEqual(items[0].element(referencedClass)?.headerOffset, d + 20)
        XCTAssertEqual(items[1].uid(referencedInstance), "5.6")
        XCTAssertEqual(file.dataSet.element(.rows)?.headerOffset, d + 70)
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [])
    }

    func testUndefinedLengthSequenceOfUndefinedLengthItems() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + undefinedItem(explicitLE(referencedInstance, "UI", "1.2\0"))     // +12 item, (0008,1155) 1.2, delimiter
            + undefinedItem(explicitLE(referencedInstance, "UI", "3.4\0"))     // +40 item, (0008,1155) 3.4, delimiter
            + sequenceDelimiter()                                              // +68 (FFFE,E0DD)
            + explicitLE(.rows, "US", u16(4))                                  // +76 (0028,0010) US 2  4
        let file = try readExplicit(dataSet)
        let sequence = try XCTUnwrap(file.dataSet.element(referencedImages))

        XCTAssertTrue(sequence.hasUndefinedLength)
        XCTAssertEqual(sequence.valueLength, 56, "up to the Sequence Delimitation Item")
        XCTAssertEqual(file.dataSet.items(of: sequence).map { $0.uid(referencedInstance) }, ["1.2", "3.4"])
        XCTAssertEqual(file.dataSet.element(.rows)?.headerOffset, file.dataSetOffset + 76)
        XCTAssertEqual(file.warnings, [])
    }

    func testNestedSequencesOfMixedLengths() throws {
        let innermost = explicitLE(Tag(0x0040_A160), "UT", "deep")             // (0040,A160) UT 4  deep
        let middle = explicitLE(Tag(0x0008_0100), "SH", "T1")                  // (0008,0100) SH 2  T1
            + explicitLE(Tag(0x0040_A730), "SQ", [], length: undefined)        // (0040,A730) SQ undefined
            + item(innermost)                                                  //   item 16
            + sequenceDelimiter()                                              //   (FFFE,E0DD)
        let outerItem = explicitLE(Tag(0x0008_1032), "SQ", [],                 // (0008,1032) SQ defined
                                   length: UInt32(8 + middle.count + 8))
            + undefinedItem(middle)                                            //   item undefined
        let dataSet = explicitLE(Tag(0x0040_0275), "SQ", [], length: undefined) // (0040,0275) SQ undefined
            + undefinedItem(outerItem)
            + sequenceDelimiter()
            + explicitLE(Tag(0x0040_A124), "UI", "1.2\0")                      // (0040,A124) UI 4  1.2
        let file = try readExplicit(dataSet)

        let level1 = try XCTUnwrap(file.dataSet.items(Tag(0x0040_0275)).first)
        let level2 = try XCTUnwrap(level1.items(Tag(0x0008_1032)).first)
        let level3 = try XCTUnwrap(level2.items(Tag(0x0040_A730)).first)
        XCTAssertEqual(level2.string(Tag(0x0008_0100)), "T1")
        XCTAssertEqual(level3.string(Tag(0x0040_A160)), "deep")
        // 12 + 8 (outer) + 12 + 8 (defined) + 10 (SH) + 12 + 8 (inner) = 70 bytes before the UT.
        XCTAssertEqual(level3.element(Tag(0x0040_A160))?.headerOffset, file.dataSetOffset + 70)
        XCTAssertEqual(file.dataSet.uid(Tag(0x0040_A124)), "1.2")
        XCTAssertEqual(file.warnings, [])
    }

    func testSequencesInExplicitBigEndian() throws {
        let be = ByteOrder.bigEndian
        let dataSet = explicitBE(referencedImages, "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + undefinedItem(explicitBE(Tag(0x0028_0011), "US", u16(300, be)), be) // +12 item, (0028,0011) US 2  300
            + item(explicitBE(Tag(0x0028_0011), "US", u16(400, be)), be)       // +38 item 10
            + sequenceDelimiter(be)                                            // +56
            + explicitBE(.rows, "US", u16(4, be))                              // +64 (0028,0010) US 2  4
        let file = try read(part10(transferSyntax: UID.explicitBE, dataSet: dataSet))

        XCTAssertEqual(file.dataSet.items(referencedImages).map { $0.int(.columns) }, [300, 400])
        XCTAssertEqual(file.dataSet.items(referencedImages).first?.byteOrder, .bigEndian)
        XCTAssertEqual(file.dataSet.element(.rows)?.headerOffset, file.dataSetOffset + 64)
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [])
    }

    func testDefinedLengthSequenceInImplicitVR() throws {
        let content = item(implicitLE(referencedInstance, "1.2\0"))           //   item 12
            + item(implicitLE(referencedInstance, "3.4\0"))                    //   item 12
        let dataSet = implicitLE(referencedImages, content)                    // +0  (0008,1140) len 40, SQ
            + implicitLE(.rows, u16(4))                                        // +48 (0028,0010) len 2  4
        let file = try read(part10(transferSyntax: UID.implicitLE, dataSet: dataSet))

        XCTAssertEqual(file.dataSet.element(referencedImages)?.vr, .SQ)
        XCTAssertEqual(file.dataSet.items(referencedImages).map { $0.uid(referencedInstance) }, ["1.2", "3.4"])
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [])
    }

    func testEmptySequencesOfBothLengths() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: 0)        // (0008,1140) SQ 0
            + explicitLE(Tag(0x0008_1199), "SQ", [], length: undefined)        // (0008,1199) SQ undefined
            + sequenceDelimiter()                                              //   (FFFE,E0DD) at once
            + explicitLE(.rows, "US", u16(3))                                  // (0028,0010) US 2  3
        let file = try readExplicit(dataSet)

        XCTAssertEqual(file.dataSet.items(referencedImages).count, 0)
        XCTAssertEqual(file.dataSet.items(Tag(0x0008_1199)).count, 0)
        XCTAssertEqual(file.dataSet.element(Tag(0x0008_1199))?.valueLength, 0)
        XCTAssertEqual(file.dataSet.int(.rows), 3)
        XCTAssertEqual(file.warnings, [])
    }

    func testEmptyItemsOfBothLengths() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: undefined) // (0008,1140) SQ undefined
            + item([])                                                         //   item 0
            + undefinedItem([])                                                //   item undefined, delimiter at once
            + sequenceDelimiter()
        let file = try readExplicit(dataSet)
        let items = file.dataSet.items(referencedImages)

        XCTAssertEqual(items.map(\.count), [0, 0])
        XCTAssertEqual(file.warnings, [])
    }

    func testMissingItemDelimiterBeforeNextItem() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + itemHeader(length: undefined)                                    // +12 item undefined
            + explicitLE(referencedInstance, "UI", "1.2\0")                    // +20 (0008,1155) UI 4  no delimiter
            + undefinedItem(explicitLE(referencedInstance, "UI", "3.4\0"))     // +32 next item
            + sequenceDelimiter()                                              // +60
            + explicitLE(.rows, "US", u16(4))                                  // +68 (0028,0010) US 2  4
        let file = try readExplicit(dataSet)

        XCTAssertEqual(file.dataSet.items(referencedImages).map { $0.uid(referencedInstance) }, ["1.2", "3.4"])
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 32, message: "missing Item Delimitation Item")])
    }

    func testMissingItemDelimiterBeforeSequenceDelimiter() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + itemHeader(length: undefined)                                    // +12 item undefined
            + explicitLE(referencedInstance, "UI", "1.2\0")                    // +20 (0008,1155) UI 4  no delimiter
            + sequenceDelimiter()                                              // +32
            + explicitLE(.rows, "US", u16(4))                                  // +40 (0028,0010) US 2  4
        let file = try readExplicit(dataSet)

        XCTAssertEqual(file.dataSet.items(referencedImages).count, 1)
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 32, message: "missing Item Delimitation Item")])
    }

    func testMissingSequenceDelimiterAtEndOfData() throws {
        let dataSet = explicitLE(.rows, "US", u16(4))                          // +0  (0028,0010) US 2  4
            + explicitLE(Tag(0x0040_A730), "SQ", [], length: undefined)        // +10 (0040,A730) SQ undefined
            + undefinedItem(explicitLE(Tag(0x0040_A160), "UT", "end"))         // +22 item, UT 3, delimiter
        let file = try readExplicit(dataSet)
        let d = file.dataSetOffset

        XCTAssertNil(file.damage)
        XCTAssertEqual(file.dataSet.items(Tag(0x0040_A730)).first?.string(Tag(0x0040_A160)), "end")
        XCTAssertEqual(file.dataSet.element(Tag(0x0040_A730))?.valueLength, 31)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: d + 53,
                                                   message: "sequence without Sequence Delimitation Item at the end of the data")])
    }

    func testMissingBothDelimitersAtEndOfData() throws {
        let dataSet = explicitLE(Tag(0x0040_A730), "SQ", [], length: undefined) // +0  (0040,A730) SQ undefined
            + itemHeader(length: undefined)                                    // +12 item undefined
            + explicitLE(Tag(0x0040_A160), "UT", "end!")                       // +20 (0040,A160) UT 4  end!
        let file = try readExplicit(dataSet)
        let d = file.dataSetOffset

        XCTAssertNil(file.damage)
        XCTAssertEqual(file.dataSet.items(Tag(0x0040_A730)).first?.string(Tag(0x0040_A160)), "end!")
        XCTAssertEqual(warnings(file, at: d + 36), [
            "item without Item Delimitation Item at the end of the data",
            "sequence without Sequence Delimitation Item at the end of the data",
        ])
    }

    func testMissingSequenceDelimiterBeforeNextElement() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + undefinedItem(explicitLE(referencedInstance, "UI", "1.2\0"))     // +12 item, delimiter at +32
            + explicitLE(.rows, "US", u16(4))                                  // +40 (0028,0010) US 2  4, no (FFFE,E0DD)
        let file = try readExplicit(dataSet)
        let d = file.dataSetOffset

        XCTAssertEqual(file.dataSet.items(referencedImages).count, 1)
        XCTAssertEqual(file.dataSet.element(referencedImages)?.valueLength, 28)
        XCTAssertEqual(file.dataSet.element(.rows)?.headerOffset, d + 40)
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: d + 40, message: "missing Sequence Delimitation Item")])
    }

    func testMissingItemDelimiterAtEndOfDefinedLengthSequence() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: 20)      // +0  (0008,1140) SQ 20
            + itemHeader(length: undefined)                                    // +12 item undefined
            + explicitLE(referencedInstance, "UI", "1.2\0")                    // +20 (0008,1155) UI 4, no delimiter
            + explicitLE(.rows, "US", u16(4))                                  // +32 (0028,0010) US 2  4, after the SQ
        let file = try readExplicit(dataSet)

        XCTAssertEqual(file.dataSet.items(referencedImages).map { $0.elements.map(\.tag) }, [[referencedInstance]])
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [referencedImages, .rows])
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 32, message: "missing Item Delimitation Item")])
    }

    func testMissingSequenceDelimiterAtEndOfDefinedLengthItem() throws {
        let inner = explicitLE(Tag(0x0040_A730), "SQ", [], length: undefined)  // (0040,A730) SQ undefined
            + item(explicitLE(Tag(0x0040_A160), "UT", "one"))                  //   item 15, no (FFFE,E0DD)
        let dataSet = explicitLE(Tag(0x0040_0275), "SQ", [], length: undefined) // +0  (0040,0275) SQ undefined
            + item(inner)                                                      // +12 item 35, inner SQ at +20
            + item(explicitLE(Tag(0x0040_A160), "UT", "two"))                  // +55 second item of the outer SQ
            + sequenceDelimiter()                                              // +78
        let file = try readExplicit(dataSet)
        let outer = file.dataSet.items(Tag(0x0040_0275))

        XCTAssertEqual(outer.count, 2)
        XCTAssertEqual(outer.first?.items(Tag(0x0040_A730)).map { $0.string(Tag(0x0040_A160)) }, ["one"])
        XCTAssertEqual(outer.last?.string(Tag(0x0040_A160)), "two")
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 55, message: "missing Sequence Delimitation Item")])
    }

    func testSequenceDelimiterInDefinedLengthSequenceIsSkipped() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: 8)       // +0  (0008,1140) SQ 8
            + sequenceDelimiter()                                              // +12 (FFFE,E0DD) inside it
            + explicitLE(.rows, "US", u16(4))                                  // +20 (0028,0010) US 2  4
        let file = try readExplicit(dataSet)

        XCTAssertEqual(file.dataSet.items(referencedImages).count, 0)
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 12, tag: .sequenceDelimitationItem,
                                                   message: "Sequence Delimitation Item in a sequence of defined length")])
    }

    func testItemDelimiterInDefinedLengthItemIsSkipped() throws {
        let content = explicitLE(referencedInstance, "UI", "1.2\0")            //   (0008,1155) UI 4  1.2
            + itemDelimiter()                                                  //   (FFFE,E00D) at +32, not needed
        let dataSet = explicitLE(referencedImages, "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + item(content)                                                    // +12 item 20
            + sequenceDelimiter()                                              // +40
        let file = try readExplicit(dataSet)

        XCTAssertEqual(file.dataSet.items(referencedImages).map { $0.uid(referencedInstance) }, ["1.2"])
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 32, tag: .itemDelimitationItem,
                                                   message: "Item Delimitation Item in an item of defined length")])
    }

    func testStrayItemDelimiterInSequenceIsSkipped() throws {
        let dataSet = explicitLE(referencedImages, "SQ", [], length: undefined) // +0  (0008,1140) SQ undefined
            + item(explicitLE(referencedInstance, "UI", "1.2\0"))              // +12 item 12
            + itemDelimiter()                                                  // +32 (FFFE,E00D) between items
            + sequenceDelimiter()                                              // +40
            + explicitLE(.rows, "US", u16(4))                                  // +48 (0028,0010) US 2  4
        let file = try readExplicit(dataSet)

        XCTAssertEqual(file.dataSet.items(referencedImages).count, 1)
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 32, tag: .itemDelimitationItem,
                                                   message: "stray Item Delimitation Item in a sequence")])
    }

    func testDelimiterOutsideSequenceIsSkipped() throws {
        let dataSet = explicitLE(.modality, "CS", "CT")                        // +0  (0008,0060) CS 2  CT
            + itemDelimiter()                                                  // +10 (FFFE,E00D) stray
            + explicitLE(.rows, "US", u16(4))                                  // +18 (0028,0010) US 2  4
        let file = try readExplicit(dataSet)

        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality, .rows])
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset + 10, tag: .itemDelimitationItem,
                                                   message: "delimiter outside any sequence, skipped")])
    }

    func testUndefinedLengthOnTextVRInImplicitDataIsReadAsSequence() throws {
        let dataSet = implicitLE(Tag(0x0008_0104), [], length: undefined)     // +0  (0008,0104) LO, undefined length
            + undefinedItem(implicitLE(Tag(0x0008_0100), "T1"))                // +8  item, (0008,0100) len 2  T1
            + sequenceDelimiter()                                              // +34
            + implicitLE(.rows, u16(4))                                        // +42 (0028,0010) len 2  4
        let file = try read(part10(transferSyntax: UID.implicitLE, dataSet: dataSet))

        XCTAssertEqual(file.dataSet.element(Tag(0x0008_0104))?.vr, .SQ)
        XCTAssertEqual(file.dataSet.items(Tag(0x0008_0104)).first?.string(Tag(0x0008_0100)), "T1")
        XCTAssertEqual(file.dataSet.int(.rows), 4)
        XCTAssertEqual(file.warnings, [ReadWarning(offset: file.dataSetOffset, tag: Tag(0x0008_0104),
                                                   message: "undefined length on VR LO, read as a sequence")])
    }
}
