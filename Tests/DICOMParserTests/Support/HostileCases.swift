import DICOMCore
import DICOMParser
import Foundation

// The hostile-input set: every case is generated here, from the bytes of TestData files and
// from the builders in ElementBytes.swift, so nothing generated is committed. Each case is a
// name (what it exercises), its bytes and, rarely, options other than the defaults.
//
// Setting DICOMIDX_WRITE_HOSTILE=<dir> makes HostileInputTests also write every case to <dir>
// (used by Fuzz/seed-corpus.sh to seed the fuzzers with these shapes).

struct HostileCase {
    let name: String
    let bytes: [UInt8]
    var options = ParseOptions()
}

enum HostileCases {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of the bundled archive, by its path under TestData/archive.
    static func testData(_ relative: String) -> [UInt8] {
        let url = repositoryRoot.appendingPathComponent("TestData/archive").appendingPathComponent(relative)
        return (try? Array(Data(contentsOf: url))) ?? []
    }

    /// Valid files of each layout: sequences (SR), deflated, RLE fragments, JPEG fragments,
    /// implicit VR with UTF-8 text, explicit big endian, a bare data set.
    static let validFiles: [(String, [UInt8])] = [
        ("sr-sequences", "PAT001_MUELLER/20240312_CT_THORAX/SE004_BEFUND/IM0001.dcm"),
        ("deflated", "PAT001_MUELLER/20240312_CT_THORAX/SE002_LUNGE_1MM/IM0001.dcm"),
        ("rle-fragments", "PAT001_MUELLER/20240312_CT_THORAX/SE002_LUNGE_1MM/IM0002.dcm"),
        ("jpeg-fragments", "PAT001_MUELLER/20240312_CT_THORAX/SE003_DOSISPROTOKOLL/IM0001.dcm"),
        ("implicit-utf8", "PAT002_YAMADA/20240405_MR_KNEE/SE002_T1_SE_COR/IM0001"),
        ("big-endian", "PAT001_MUELLER/20240115_DX_THORAX/SE002_THORAX_LAT/IM0002.dcm"),
        ("bare-data-set", "PAT002_YAMADA/20240405_MR_KNEE/SE002_T1_SE_COR/IM0002"),
    ].map { ($0.0, testData($0.1)) }

    // MARK: Truncation

    /// Every valid file cut at every byte offset (0 ..< its size).
    static func truncations() -> [HostileCase] {
        validFiles.flatMap { name, bytes in
            (0..<bytes.count).map { HostileCase(name: "truncated-\(name)-at-\($0)", bytes: Array(bytes[..<$0])) }
        }
    }

    // MARK: Lying lengths

    /// Every length field of every element, fragment and file meta element of the valid,
    /// non-deflated files set to 0xFFFFFFFE, to undefined length (no delimiter follows), to
    /// one byte past the end of the file and to an odd value that shifts what follows.
    static func lyingLengths() -> [HostileCase] {
        var cases: [HostileCase] = []
        for (name, bytes) in validFiles where name != "deflated" {
            guard let file = try? DICOMReader.read(bytes: bytes) else { continue }
            var fields: [(offset: Int, width: Int, order: ByteOrder)] = []
            func collect(_ dataSet: DataSet) {
                for element in dataSet.elements {
                    let at = element.headerOffset
                    if dataSet.isExplicitVR, at + 6 <= bytes.count,
                       let vr = VR(byte0: bytes[at + 4], byte1: bytes[at + 5]) {
                        fields.append(vr.hasLongLength ? (at + 8, 4, dataSet.byteOrder) : (at + 6, 2, dataSet.byteOrder))
                    } else {
                        fields.append((at + 4, 4, dataSet.byteOrder))
                    }
                    for item in dataSet.items(of: element) { collect(item) }
                    for fragment in dataSet.fragments(of: element) {
                        fields.append((fragment.itemOffset + 4, 4, dataSet.byteOrder))
                    }
                }
            }
            if let meta = file.fileMeta { collect(meta) }
            collect(file.dataSet)
            for field in fields where field.offset + field.width <= bytes.count {
                let pastEnd = UInt32(clamping: bytes.count - (field.offset + field.width) + 1)
                let values: [UInt32] = field.width == 4 ? [0xFFFF_FFFE, 0xFFFF_FFFF, pastEnd, 0x7FFF_FFFF, 1]
                                                         : [0xFFFE, 0xFFFF, UInt32(min(pastEnd, 0xFFFF)), 1]
                for value in values {
                    var patched = bytes
                    let encoded = field.width == 4 ? u32(value, field.order) : u16(UInt16(value), field.order)
                    patched.replaceSubrange(field.offset..<(field.offset + field.width), with: encoded)
                    cases.append(HostileCase(name: "length-\(name)-at-\(field.offset)-\(value)", bytes: patched))
                }
            }
        }
        return cases
    }

    // MARK: Structures

    static func wrap(_ dataSet: [UInt8], _ syntax: String = UID.explicitLE) -> [UInt8] {
        part10(transferSyntax: syntax, dataSet: dataSet)
    }

    static let contentSequence = Tag(0x0040_A730)

    /// Nesting, undefined lengths without delimiters, items that point at themselves.
    static func structures() -> [HostileCase] {
        var cases: [HostileCase] = []
        func add(_ name: String, _ dataSet: [UInt8], _ syntax: String = UID.explicitLE) {
            cases.append(HostileCase(name: name, bytes: wrap(dataSet, syntax)))
        }
        let modality = explicitLE(.modality, "CS", "CT")

        // 10,000 levels: undefined lengths without any delimiter, then closed, then defined lengths.
        var open: [UInt8] = []
        for _ in 0..<10_000 { open += explicitLE(contentSequence, "SQ", [], length: undefined) + itemHeader(length: undefined) }
        add("nested-10000-undefined-no-delimiters", modality + open)
        add("nested-10000-undefined-closed",
            modality + open + Array([[UInt8]](repeating: itemDelimiter() + sequenceDelimiter(), count: 10_000).joined()))
        var defined = explicitLE(.modality, "CS", "CT")
        for _ in 0..<10_000 { defined = explicitLE(contentSequence, "SQ", item(defined)) }
        add("nested-10000-defined", defined)
        var implicitNest: [UInt8] = []
        for _ in 0..<10_000 { implicitNest += implicitLE(contentSequence, [], length: undefined) + itemHeader(length: undefined) }
        add("nested-10000-implicit", implicitNest, UID.implicitLE)
        var unNest: [UInt8] = []
        for _ in 0..<10_000 { unNest += implicitLE(Tag(0x0009_1010), [], length: undefined) + itemHeader(length: undefined) }
        add("nested-10000-un-private", explicitLE(Tag(0x0009_1010), "UN", [], length: undefined)
            + itemHeader(length: undefined) + unNest)

        // Undefined lengths that are never closed, at each level.
        add("sequence-undefined-no-delimiter", modality + explicitLE(contentSequence, "SQ", [], length: undefined)
            + item(explicitLE(.modality, "CS", "MR")))
        add("item-undefined-no-delimiter", modality + explicitLE(contentSequence, "SQ", [], length: undefined)
            + itemHeader(length: undefined) + explicitLE(.modality, "CS", "MR"))
        add("item-undefined-then-garbage", modality + explicitLE(contentSequence, "SQ", [], length: undefined)
            + itemHeader(length: undefined) + [UInt8](repeating: 0xAB, count: 64))
        add("pixel-data-undefined-no-delimiter", modality
            + explicitLE(.pixelData, "OB", [], length: undefined) + item([]) + item([1, 2, 3, 4]))
        add("un-undefined-no-delimiter", modality + explicitLE(Tag(0x0009_1010), "UN", [], length: undefined)
            + itemHeader(length: undefined) + implicitLE(.modality, "MR"))

        // Items that point back at themselves or cover only their own header.
        add("item-length-covers-next-item-header", modality
            + explicitLE(contentSequence, "SQ", itemHeader(length: 8) + itemHeader(length: 8)))
        add("item-length-8-of-undefined-sequence", modality + explicitLE(contentSequence, "SQ", [], length: undefined)
            + itemHeader(length: 8) + itemHeader(length: 8) + sequenceDelimiter())
        add("item-length-wraps-32-bit", modality + explicitLE(contentSequence, "SQ", [], length: undefined)
            + itemHeader(length: 0xFFFF_FFF8) + sequenceDelimiter())
        add("item-inside-item-undefined", modality + explicitLE(contentSequence, "SQ", [], length: undefined)
            + Array([[UInt8]](repeating: itemHeader(length: undefined), count: 10_000).joined()))
        add("sequence-length-covers-its-own-header", modality
            + explicitLE(contentSequence, "SQ", [], length: 12) + explicitLE(contentSequence, "SQ", [], length: 12))
        add("100000-empty-items", modality + explicitLE(contentSequence, "SQ", [], length: undefined)
            + Array([[UInt8]](repeating: itemHeader(length: 0), count: 100_000).joined()) + sequenceDelimiter())
        add("100000-delimiters-at-top-level", modality
            + Array([[UInt8]](repeating: itemDelimiter(), count: 100_000).joined()))
        add("item-at-top-level", modality + itemHeader(length: 0))
        return cases
    }

    // MARK: Huge value multiplicity

    static func hugeValues() -> [HostileCase] {
        var cases: [HostileCase] = []
        func add(_ name: String, _ dataSet: [UInt8], _ syntax: String = UID.explicitLE) {
            cases.append(HostileCase(name: name, bytes: wrap(dataSet, syntax)))
        }
        let megabyte = incompressibleBytes(1 << 20)
        let backslashes = ascii(String(repeating: "\\", count: 100_000) + "ORIGINAL")
        add("us-1mb-implicit", implicitLE(.rows, megabyte), UID.implicitLE)
        add("us-1mb-as-un", explicitLE(.rows, "UN", megabyte))
        add("cs-100000-backslashes-implicit", implicitLE(Tag(0x0008_0008), backslashes), UID.implicitLE)
        add("cs-100000-backslashes-as-un", explicitLE(Tag(0x0008_0008), "UN", backslashes))
        add("ds-100000-values-implicit",
            implicitLE(Tag(0x0020_0032), ascii(Array(repeating: "1.5e308", count: 100_000).joined(separator: "\\"))),
            UID.implicitLE)
        add("is-100000-values-as-un",
            explicitLE(Tag(0x0020_0013), "UN", ascii(Array(repeating: "-2147483649", count: 100_000).joined(separator: "\\"))))
        add("pn-100000-separators-implicit",
            implicitLE(.patientName, ascii(String(repeating: "^=\\", count: 100_000))), UID.implicitLE)
        add("at-1mb-as-un", explicitLE(Tag(0x0020_5000), "UN", megabyte))
        add("fd-1mb-as-un", explicitLE(Tag(0x0018_9089), "UN", megabyte))
        add("od-1mb", explicitLE(Tag(0x0070_1A0A), "OD", megabyte))
        // 256 KiB, not 1 MiB: decoding 2^20 ESC bytes twice takes about 3 s under ASan in debug.
        add("ut-256kb-of-esc", explicitLE(Tag(0x0040_A160), "UT", [UInt8](repeating: 0x1B, count: 1 << 18)))
        add("da-100000-values-as-un",
            explicitLE(.studyDate, "UN", ascii(Array(repeating: "99999999", count: 100_000).joined(separator: "\\"))))
        add("odd-length-us-ul-fd", explicitLE(.rows, "US", [1, 2, 3]) + explicitLE(Tag(0x0028_0107), "UL", [1, 2, 3, 4, 5])
            + explicitLE(Tag(0x0018_9089), "FD", [1, 2, 3]))
        return cases
    }

    // MARK: Nearly empty files

    static func tinyFiles() -> [HostileCase] {
        let preamble = [UInt8](repeating: 0, count: 128)
        var cases = [
            HostileCase(name: "dicm-0-bytes", bytes: []),
            HostileCase(name: "dicm-132-bytes", bytes: preamble + ascii("DICM")),
            HostileCase(name: "dicm-128-zero-bytes", bytes: preamble),
            HostileCase(name: "dicm-at-offset-0", bytes: ascii("DICM") + metaElements(transferSyntax: UID.explicitLE)),
            HostileCase(name: "dicm-132-random-preamble", bytes: incompressibleBytes(128) + ascii("DICM")),
            HostileCase(name: "one-zero-byte", bytes: [0]),
            HostileCase(name: "eight-ff-bytes", bytes: [UInt8](repeating: 0xFF, count: 8)),
        ]
        for extra in 1..<16 {
            cases.append(HostileCase(name: "dicm-132-plus-\(extra)", bytes: preamble + ascii("DICM") + incompressibleBytes(extra)))
        }
        return cases
    }

    // MARK: UN and SQ confusions

    static func unSequenceConfusions() -> [HostileCase] {
        var cases: [HostileCase] = []
        func add(_ name: String, _ dataSet: [UInt8], _ syntax: String = UID.explicitLE) {
            cases.append(HostileCase(name: name, bytes: wrap(dataSet, syntax)))
        }
        let inner = explicitLE(.modality, "CS", "MR")
        add("un-undefined-with-explicit-items", explicitLE(contentSequence, "UN", [], length: undefined)
            + undefinedItem(inner) + sequenceDelimiter())
        add("un-defined-on-sq-tag-explicit-items", explicitLE(contentSequence, "UN", item(inner)))
        add("un-defined-on-sq-tag-implicit-items", explicitLE(contentSequence, "UN", item(implicitLE(.modality, "MR"))))
        add("un-defined-on-sq-tag-garbage", explicitLE(contentSequence, "UN", incompressibleBytes(64)))
        add("un-undefined-garbage", explicitLE(Tag(0x0009_1010), "UN", [], length: undefined) + incompressibleBytes(256))
        add("sq-defined-garbage", explicitLE(contentSequence, "SQ", incompressibleBytes(64)))
        add("sq-defined-elements-not-items", explicitLE(contentSequence, "SQ", inner))
        add("sq-undefined-elements-not-items", explicitLE(contentSequence, "SQ", [], length: undefined) + inner)
        add("sq-on-pixel-data-undefined", explicitLE(.pixelData, "SQ", [], length: undefined)
            + undefinedItem(inner) + sequenceDelimiter())
        add("ob-undefined-not-pixel-data", explicitLE(Tag(0x0009_1010), "OB", [], length: undefined)
            + item([1, 2]) + sequenceDelimiter())
        add("us-undefined-length", explicitLE(.rows, "UN", [], length: undefined) + undefinedItem(inner) + sequenceDelimiter())
        add("implicit-sq-as-lo-undefined", implicitLE(.patientName, [], length: undefined) + item(implicitLE(.modality, "MR"))
            + sequenceDelimiter(), UID.implicitLE)
        add("big-endian-items-in-little-endian", explicitLE(contentSequence, "SQ", [], length: undefined)
            + itemHeader(length: undefined, .bigEndian) + explicitBE(.modality, "CS", "MR") + sequenceDelimiter())
        add("explicit-vr-in-implicit-file", explicitLE(.modality, "CS", "MR") + explicitLE(contentSequence, "SQ", item(inner)),
            UID.implicitLE)
        add("implicit-vr-in-explicit-file", implicitLE(.modality, "MR") + implicitLE(contentSequence, item(implicitLE(.modality, "CT"))))
        return cases
    }

    // MARK: Character sets

    static let characterSets = [
        "ISO 2022 IR 87", "\\ISO 2022 IR 87", "ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159", "ISO 2022 IR 149",
        "ISO 2022 IR 58", "ISO 2022 IR 13\\ISO 2022 IR 87", "ISO 2022 IR 100\\ISO 2022 IR 126", "GB18030", "GBK",
        "ISO_IR 192", "ISO_IR 100\\ISO_IR 192", "NOT A CHARSET", "\\\\\\\\", String(repeating: "ISO 2022 IR 87\\", count: 2000),
    ]

    static let brokenTexts: [[UInt8]] = [
        [0x41, 0x1B], [0x41, 0x1B, 0x24], [0x1B, 0x24, 0x42, 0x30], [0x1B, 0x24, 0x42, 0x30, 0x21, 0x30],
        [0x1B, 0x24, 0x29, 0x43, 0xB0], [0x1B, 0x28, 0x5A, 0x41], [0x1B, 0x2D], [0x1B, 0x1B, 0x1B, 0x1B],
        [0x1B, 0x24, 0x28, 0x44, 0x5C, 0x5C], [0x8E], [0x8F, 0xA1], [0xFF, 0xFE, 0xFD], [0x81], [0x81, 0x30],
        [0x81, 0x30, 0x81], [0x81, 0x30, 0x81, 0x30], [0xFE, 0x39, 0xFE, 0x39], [0x84, 0x31, 0xA5, 0x30],
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE3, 0x81], [0x5E, 0x3D, 0x1B, 0x24, 0x42, 0x3D],
        [0x1B, 0x24, 0x42, 0x5C, 0x1B, 0x28, 0x42, 0x5E, 0x3D],
    ]

    /// Each broken value as PN, LO, LT and SH under each character set (a case per set).
    static func characterSetCases() -> [HostileCase] {
        characterSets.enumerated().map { index, set in
            var dataSet = explicitLE(.specificCharacterSet, "CS", ascii(set).count % 2 == 0 ? set : set + " ")
            for text in brokenTexts {
                let padded = text.count % 2 == 0 ? text : text + [0x20]
                dataSet += explicitLE(Tag(0x0008_0080), "LO", padded)
            }
            dataSet += explicitLE(.patientName, "PN", Array(brokenTexts.joined(separator: [0x3D])))
            dataSet += explicitLE(Tag(0x0010_0020), "LO", Array(brokenTexts.joined(separator: [0x5C])))
            dataSet += explicitLE(Tag(0x0010_4000), "LT", Array(brokenTexts.joined()))
            dataSet += explicitLE(Tag(0x0040_A730), "SQ", [], length: undefined)
                + undefinedItem(explicitLE(.specificCharacterSet, "CS", "GB18030 ")
                    + explicitLE(.patientName, "PN", [0x81, 0x30, 0x3D, 0x81]) + explicitLE(.modality, "CS", [0x81, 0x30]))
                + sequenceDelimiter()
            return HostileCase(name: "charset-\(index)", bytes: wrap(dataSet))
        }
    }

    // MARK: Fragments

    static func fragmentCases() -> [HostileCase] {
        var cases: [HostileCase] = []
        func add(_ name: String, _ dataSet: [UInt8]) {
            cases.append(HostileCase(name: name, bytes: wrap(dataSet, "1.2.840.10008.1.2.5")))
        }
        let pixelData = explicitLE(.pixelData, "OB", [], length: undefined)
        add("fragment-past-end", pixelData + item([]) + itemHeader(length: 1000) + [1, 2, 3, 4])
        add("fragment-length-fffffffe", pixelData + item([]) + itemHeader(length: 0xFFFF_FFFE) + [1, 2, 3, 4])
        add("fragment-undefined-length", pixelData + item([]) + itemHeader(length: undefined) + [1, 2, 3, 4])
        add("fragment-odd-length-shifts", pixelData + item([]) + itemHeader(length: 3) + [1, 2, 3, 4] + sequenceDelimiter())
        add("100000-empty-fragments", pixelData + Array([[UInt8]](repeating: item([]), count: 100_000).joined())
            + sequenceDelimiter())
        add("offset-table-pointing-anywhere", pixelData + item(u32(0xFFFF_FFF0) + u32(0x8000_0000) + u32(4))
            + item([0xFF, 0xD8]) + sequenceDelimiter())
        add("fragment-overruns-enclosing-item", explicitLE(contentSequence, "SQ", item(pixelData + itemHeader(length: 64) + [1, 2])))
        add("fragments-then-garbage", pixelData + item([1, 2]) + incompressibleBytes(64))
        add("pixel-data-defined-length-past-end", explicitLE(.pixelData, "OB", [1, 2], length: 0xFFFF_FFF0))
        return cases
    }

    // MARK: Deflate

    /// A zip bomb (1 KB of compressed data promising 4 GiB), bounded by a small maxInflatedSize,
    /// and deflated versions of a nesting and a truncated stream.
    static func deflateCases() -> [HostileCase] {
        var small = ParseOptions()
        small.maxInflatedSize = 4 << 20
        let bombPlain = explicitLE(.modality, "CS", "CT")
            + explicitLE(Tag(0x0009_1010), "OB", [UInt8](repeating: 0, count: 64 << 20), length: 0xFFFF_FFF0)
        let bomb = deflate(bombPlain)
        var nest: [UInt8] = []
        for _ in 0..<10_000 { nest += explicitLE(contentSequence, "SQ", [], length: undefined) + itemHeader(length: undefined) }
        let nested = deflate(nest)
        return [
            HostileCase(name: "deflate-bomb-4mb-limit", bytes: wrap(bomb, UID.deflated), options: small),
            HostileCase(name: "deflate-bomb-truncated", bytes: wrap(Array(bomb.prefix(bomb.count / 2)), UID.deflated),
                        options: small),
            HostileCase(name: "deflate-nested-10000", bytes: wrap(nested, UID.deflated)),
            HostileCase(name: "deflate-zlib-header-garbage", bytes: wrap([0x78, 0x9C] + incompressibleBytes(512), UID.deflated)),
            HostileCase(name: "deflate-stored-block-lying", bytes: wrap([0x00, 0xFF, 0xFF, 0x00, 0x00, 1, 2, 3], UID.deflated)),
        ]
    }

    /// The whole set except truncations and lying lengths (which the tests run separately).
    static func handMade() -> [HostileCase] {
        structures() + hugeValues() + tinyFiles() + unSequenceConfusions() + characterSetCases() + fragmentCases()
            + deflateCases()
    }
}
