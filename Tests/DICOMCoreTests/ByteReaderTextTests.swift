import DICOMCore
import XCTest

/// `ByteReader.textFacts` (eight bytes at a time) against a byte-by-byte reading, and the byte
/// comparisons and copies that `ValueStringCache` builds on.
final class ByteReaderTextTests: XCTestCase {
    /// What `textFacts` must answer, byte by byte.
    private func naiveFacts(_ bytes: [UInt8], _ range: Range<Int>) -> TextFacts {
        let clipped = range.clamped(to: 0..<bytes.count)
        return TextFacts(hasHighBytes: bytes[clipped].contains { $0 >= 0x80 },
                         hasEscape: bytes[clipped].contains(0x1B),
                         firstBackslash: bytes[clipped].firstIndex(of: 0x5C))
    }

    func testTextFactsMatchAByteByByteReadingForEveryPlacementAndLength() {
        // Every value length 0-24, at every start 0-9 (short buffers read the tail byte by byte,
        // longer ones with a load that ends at the value's end), with one special byte at
        // every position, or two backslashes.
        for start in 0..<10 {
            for length in 0...24 {
                for special: UInt8 in [0x5C, 0x1B, 0x80, 0xFF, 0x00, 0x20] {
                    for position in -1..<length {
                        var bytes = [UInt8](repeating: 0x41, count: start + length + 3)
                        bytes[bytes.count - 1] = 0x5C  // after the value: must not be seen
                        if start > 0 { bytes[start - 1] = 0xE9 }  // before it: must not be seen
                        if position >= 0 { bytes[start + position] = special }
                        if position >= 0, special == 0x5C, position + 2 < length { bytes[start + position + 2] = 0x5C }
                        let range = start..<(start + length)
                        let facts = bytes.withByteReader { $0.textFacts(range) }
                        XCTAssertEqual(facts, naiveFacts(bytes, range), "start \(start) length \(length) \(special) at \(position)")
                    }
                }
            }
        }
    }

    func testTextFactsClipToTheBuffer() {
        let bytes: [UInt8] = Array("AB\\C\u{1B}".utf8)
        XCTAssertEqual(bytes.withByteReader { $0.textFacts(-4..<100) }, naiveFacts(bytes, 0..<bytes.count))
        XCTAssertEqual(bytes.withByteReader { $0.textFacts(10..<20) },
                       TextFacts(hasHighBytes: false, hasEscape: false, firstBackslash: nil))
    }

    func testBytesEqualComparesWholeWordsAndTails() {
        let text = Array("1.2.840.10008.5.1.4.1.1.2.12345".utf8)
        for length in 0...text.count {
            var other = [UInt8](repeating: 0, count: 5) + text
            text.withByteReader { reader in
                other.withByteReader { otherReader in
                    XCTAssertTrue(reader.bytes(in: 0..<length, equal: otherReader, at: 5))
                }
            }
            guard length > 0 else { continue }
            other[5 + length - 1] ^= 1
            text.withByteReader { reader in
                other.withByteReader { otherReader in
                    XCTAssertFalse(reader.bytes(in: 0..<length, equal: otherReader, at: 5), "\(length)")
                    XCTAssertFalse(reader.bytes(in: 0..<length, equal: otherReader, at: other.count), "outside")
                }
            }
        }
    }

    func testByteArenaStoresAndMatchesInsideItsBoundsOnly() {
        let arena = ByteArena(size: 16)
        let value = Array("DOE^JOHN".utf8)
        value.withByteReader { reader in
            XCTAssertTrue(arena.store(reader, 0..<8, at: 8))
            XCTAssertTrue(arena.matches(reader, 0..<8, at: 8))
            XCTAssertFalse(arena.matches(reader, 0..<8, at: 0))
            XCTAssertFalse(arena.store(reader, 0..<8, at: 9), "past the end")
            XCTAssertFalse(arena.store(reader, 4..<12, at: 0), "past the source's end")
            XCTAssertFalse(arena.matches(reader, 0..<8, at: 9))
        }
    }
}
