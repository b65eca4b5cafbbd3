import DICOMCore
import DICOMParser
import Foundation
import XCTest

/// `ParseOptions.keptTags`: only the kept elements are recorded, at every level, while reading
/// and checking is the same as without it: the same warnings, damage, stop and bytes read.
final class KeptTagsTests: XCTestCase {
    private static let referencedImages = Tag(0x0008_1140)
    private static let referencedSOPInstanceUID = Tag(0x0008_1155)
    private static let procedureCodes = Tag(0x0008_1032)
    private static let codeValue = Tag(0x0008_0100)
    private static let pixelRepresentation = Tag(0x0028_0103)

    /// A scan's kind of set: a few top-level attributes, one sequence and a tag of its items.
    private static let kept = TagSet([.patientName, .studyInstanceUID, .sopInstanceUID, .modality,
                                      procedureCodes, codeValue, .transferSyntaxUID])

    func testTagSetMembership() {
        let set = TagSet([.rows, .patientName, .rows, .item])
        XCTAssertEqual(set.tags, [.patientName, .rows, .item])
        for tag in [Tag.rows, .patientName, .item] { XCTAssertTrue(set.contains(tag), "\(tag)") }
        for tag in [Tag.columns, .patientID, .pixelData, Tag(0), Tag(0xFFFF_FFFF)] {
            XCTAssertFalse(set.contains(tag), "\(tag)")
        }
        // Every tag of a dense range: the filter's false positives still answer false.
        let dense = TagSet((0..<200).map { Tag(0x0010_0000 + UInt32($0) * 2) })
        for raw in UInt32(0x000F_FF00)..<UInt32(0x0010_0400) {
            XCTAssertEqual(dense.contains(Tag(raw)), raw >= 0x0010_0000 && raw < 0x0010_0190 && raw % 2 == 0)
        }
    }

    func testOnlyKeptElementsAreRecordedAndUnkeptSequencesBuildNoItems() throws {
        let dataSet =
            explicitLE(.modality, "CS", "CT")                                  // (0008,0060) CS 2  kept
            + explicitLE(Tag(0x0008_0070), "LO", "ACME")                       // (0008,0070) LO 4  not kept
            + explicitLE(Self.procedureCodes, "SQ", [], length: undefined)     // (0008,1032) SQ undefined, kept
            + undefinedItem(explicitLE(Self.codeValue, "SH", "P1")             //   item: (0008,0100) SH kept
                            + explicitLE(Tag(0x0008_0102), "SH", "L "))        //         (0008,0102) SH not kept
            + sequenceDelimiter()
            + explicitLE(Self.referencedImages, "SQ", [], length: undefined)   // (0008,1140) SQ undefined, not kept
            + undefinedItem(explicitLE(Self.referencedSOPInstanceUID, "UI", "1.2\0")
                            + explicitLE(Self.codeValue, "SH", "X1"))          //   (0008,0100) SH in an unkept item
            + sequenceDelimiter()
            + explicitLE(.patientName, "PN", "Doe^Jo")                         // (0010,0010) PN 6  kept
        let file = try read(part10(transferSyntax: UID.explicitLE, dataSet: dataSet),
                            ParseOptions(stopBefore: nil, keptTags: Self.kept))
        XCTAssertEqual(file.dataSet.elements.map(\.tag), [.modality, Self.procedureCodes, .patientName])
        XCTAssertEqual(file.dataSet.items(Self.procedureCodes).map { $0.elements.map(\.tag) }, [[Self.codeValue]])
        XCTAssertEqual(file.dataSet.items(Self.procedureCodes).first?.string(Self.codeValue), "P1")
        XCTAssertEqual(file.dataSet.string(.patientName), "Doe^Jo")
        XCTAssertTrue(file.dataSet.items(Self.referencedImages).isEmpty)
        XCTAssertNil(file.damage)
        // The file meta is recorded whole.
        XCTAssertEqual(file.fileMeta?.count, 5)
    }

    func testDamageInsideAnUnkeptSequenceIsReportedAsWithoutTheSet() throws {
        let dataSet =
            explicitLE(.modality, "CS", "CT")                                  // (0008,0060) CS 2  kept
            + explicitLE(Self.referencedImages, "SQ", [], length: undefined)   // (0008,1140) SQ undefined, not kept
            + itemHeader(length: 400)                                          //   item of length 400: past the end
            + explicitLE(Self.referencedSOPInstanceUID, "UI", "1.2\0")
        let bytes = part10(transferSyntax: UID.explicitLE, dataSet: dataSet)
        let all = try read(bytes)
        let kept = try read(bytes, ParseOptions(stopBefore: nil, keptTags: Self.kept))
        XCTAssertNotNil(all.damage)
        XCTAssertEqual(kept.damage, all.damage)
        XCTAssertEqual(kept.dataSet.elements.map(\.tag), [.modality])
    }

    func testOutOfOrderElementsWarnAndLookUpTheFirstAsWithoutTheSet() throws {
        let dataSet =
            explicitLE(.patientName, "PN", "First^")                           // (0010,0010) PN kept
            + explicitLE(Tag(0x0010_0020), "LO", "ID1 ")                        // (0010,0020) LO not kept
            + explicitLE(Tag(0x0010_0015), "LO", "back")                        // (0010,0015) out of order, not kept
            + explicitLE(.patientName, "PN", "Second")                          // (0010,0010) again, kept
        let bytes = part10(transferSyntax: UID.explicitLE, dataSet: dataSet)
        let all = try read(bytes)
        let kept = try read(bytes, ParseOptions(stopBefore: nil, keptTags: Self.kept))
        XCTAssertEqual(kept.warnings, all.warnings)
        XCTAssertEqual(kept.warnings.map(\.message), ["elements out of order (after (0010,0020))"])
        XCTAssertEqual(kept.dataSet.string(.patientName), "First^")
        XCTAssertEqual(all.dataSet.string(.patientName), "First^")
    }

    /// Every hostile case and every readable file of TestData and pydicom's test files, read
    /// with and without the set, up to a stop and to the end: the recorded elements are exactly
    /// the kept ones of the full read (at every level, with the same VR and offsets) and
    /// everything else about the read is the same.
    func testKeptReadEqualsTheFullReadFilteredOnEveryCaseAndFile() throws {
        var compared = 0
        let cases = HostileCases.truncations() + HostileCases.lyingLengths() + HostileCases.handMade()
        for testCase in cases {
            for stop in [nil, InstanceStop.tag] {
                var full = testCase.options
                full.stopBefore = stop
                var kept = full
                kept.keptTags = Self.kept
                compare(testCase.name, Result { try DICOMReader.read(bytes: testCase.bytes, options: full) },
                        Result { try DICOMReader.read(bytes: testCase.bytes, options: kept) })
                compared += 1
            }
        }
        for path in Self.corpusFiles() {
            for stop in [nil, InstanceStop.tag] {
                compare(path, Result { try DICOMReader.read(path: path, options: ParseOptions(stopBefore: stop)) },
                        Result { try DICOMReader.read(path: path, options: ParseOptions(stopBefore: stop, keptTags: Self.kept)) })
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 20_000)
    }

    private enum InstanceStop { static let tag = Tag(0x0070_0081) }

    private func compare(_ name: String, _ fullRead: Result<DICOMFile, Error>, _ keptRead: Result<DICOMFile, Error>) {
        let full: DICOMFile
        let kept: DICOMFile
        switch (fullRead, keptRead) {
        case (.success(let a), .success(let b)):
            (full, kept) = (a, b)
        case (.failure(let a), .failure(let b)):
            XCTAssertEqual(a as? ReadError, b as? ReadError, name)
            return
        default:
            XCTFail("\(name): one read threw, the other did not")
            return
        }
        XCTAssertEqual(kept.warnings, full.warnings, name)
        XCTAssertEqual(kept.damage, full.damage, name)
        XCTAssertEqual(kept.stoppedBefore, full.stoppedBefore, name)
        XCTAssertEqual(kept.bytesRead, full.bytesRead, name)
        XCTAssertEqual(kept.transferSyntax, full.transferSyntax, name)
        XCTAssertEqual(kept.declaredTransferSyntaxUID, full.declaredTransferSyntaxUID, name)
        XCTAssertEqual(kept.fileMeta.map(Self.listing), full.fileMeta.map(Self.listing), name)
        XCTAssertEqual(Self.listing(kept.dataSet), Self.listing(full.dataSet, keeping: Self.kept), name)
        XCTAssertEqual(kept.dataSet.characterSet, full.dataSet.characterSet, name)
        XCTAssertEqual(kept.dataSet.isSorted, full.dataSet.isSorted, name)
    }

    /// One line per recorded element, items indented, with everything the scanner recorded.
    private static func listing(_ dataSet: DataSet) -> [String] { listing(dataSet, keeping: nil) }

    private static func listing(_ dataSet: DataSet, keeping set: TagSet?, depth: Int = 0) -> [String] {
        var lines: [String] = []
        for element in dataSet.elements where set.map({ $0.contains(element.tag) || element.tag == pixelRepresentation }) ?? true {
            lines.append(String(repeating: "  ", count: depth) + "\(element.tag) \(element.vr) \(element.headerOffset) "
                         + "\(element.valueOffset) \(element.valueLength) \(element.hasUndefinedLength) "
                         + "\(dataSet.fragments(of: element).count)")
            for (index, item) in dataSet.items(of: element).enumerated() {
                lines.append(String(repeating: "  ", count: depth + 1) + "item \(index) sorted \(item.isSorted)")
                lines += listing(item, keeping: set, depth: depth + 2)
            }
        }
        return lines
    }

    /// Regular files of TestData and of pydicom's test and charset files.
    private static func corpusFiles() -> [String] {
        var roots = [HostileCases.repositoryRoot.appendingPathComponent("TestData/archive").path]
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import pydicom, os; print(os.path.dirname(pydicom.__file__) + '/data')"]
        let pipe = Pipe()
        probe.standardOutput = pipe
        probe.standardError = FileHandle.nullDevice
        if (try? probe.run()) != nil {
            probe.waitUntilExit()
            let data = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if !data.isEmpty { roots += ["test_files", "charset_files"].map { data + "/" + $0 } }
        }
        var paths: [String] = []
        for root in roots {
            guard let walk = FileManager.default.enumerator(atPath: root) else { continue }
            for case let relative as String in walk {
                var isDirectory: ObjCBool = false
                let path = root + "/" + relative
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    paths.append(path)
                }
            }
        }
        return paths
    }
}
