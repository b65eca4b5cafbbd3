import DICOMCore
import DICOMParser
import XCTest

/// Value accessors: string trimming by VR, multi-value splitting, numbers from text and binary
/// values in both byte orders.
final class ValueTests: XCTestCase {
    /// Reads one explicit VR little endian element (0009,1000) and returns the data set.
    private func one(_ vr: String, _ value: [UInt8], _ order: ByteOrder = .littleEndian) throws -> (DataSet, Element) {
        let bytes = explicitElement(Tag(0x0009_1000), vr, value, order: order) // (0009,1000) vr  value
        let file = try read(part10(transferSyntax: order == .littleEndian ? UID.explicitLE : UID.explicitBE,
                                   dataSet: bytes))
        let element = try XCTUnwrap(file.dataSet.element(Tag(0x0009_1000)))
        return (file.dataSet, element)
    }

    private func strings(_ vr: String, _ text: String) throws -> [String] {
        let (ds, element) = try one(vr, ascii(text))
        return ds.strings(of: element)
    }

    func testUIDropsNULPadding() throws {
        XCTAssertEqual(try strings("UI", "1.2.840.10008.1.2.1\0"), ["1.2.840.10008.1.2.1"])
        XCTAssertEqual(try strings("UI", "1.2\\3.4\0"), ["1.2", "3.4"])
        let (ds, _) = try one("UI", ascii("1.2.3\0"))
        XCTAssertEqual(ds.uid(Tag(0x0009_1000)), "1.2.3")
    }

    func testLTKeepsLeadingSpacesAndDropsTrailing() throws {
        XCTAssertEqual(try strings("LT", "  indented\\not split  "), ["  indented\\not split"])
        XCTAssertEqual(try strings("ST", " a\\b "), [" a\\b"])
        XCTAssertEqual(try strings("UT", "  x\\y\0"), ["  x\\y"])
        XCTAssertEqual(try strings("UR", "http://a/b?c\\d "), ["http://a/b?c\\d"])
    }

    func testCSDropsLeadingAndTrailingSpaces() throws {
        XCTAssertEqual(try strings("CS", " ORIGINAL \\  PRIMARY \\AXIAL"), ["ORIGINAL", "PRIMARY", "AXIAL"])
        XCTAssertEqual(try strings("SH", "  code "), ["code"])
        XCTAssertEqual(try strings("DA", "20240102 "), ["20240102"])
    }

    func testPNAndUCKeepLeadingSpaces() throws {
        XCTAssertEqual(try strings("PN", "Doe^John\\ Roe^Jane "), ["Doe^John", " Roe^Jane"])
        XCTAssertEqual(try strings("UC", " a\\b  "), [" a", "b"])
    }

    func testMultiValuesSplitOnBackslashKeepingEmptyValues() throws {
        XCTAssertEqual(try strings("LO", "A\\\\B\\"), ["A", "", "B", ""])
        XCTAssertEqual(try strings("CS", "\\"), ["", ""])
    }

    func testEmptyAndBlankValues() throws {
        XCTAssertEqual(try strings("LO", ""), [])
        XCTAssertEqual(try strings("LO", "    "), [""])
        let (ds, _) = try one("LO", ascii("    "))
        XCTAssertNil(ds.string(Tag(0x0009_1000)), "a blank value is no value")
        XCTAssertNil(ds.string(.patientName), "absent")
        XCTAssertEqual(ds.strings(.patientName), [])
        XCTAssertNil(ds.int(.rows))
    }

    func testISValuesParse() throws {
        let (ds, element) = try one("IS", ascii(" 12\\-3\\+7 \\1.0"))
        XCTAssertEqual(ds.ints(of: element), [12, -3, 7, 1], "an integral decimal is accepted")
        XCTAssertEqual(ds.doubles(of: element), [12, -3, 7, 1])
    }

    func testDSValuesParse() throws {
        let (ds, element) = try one("DS", ascii("1.5\\2E1\\ -0.5\\.25 "))
        XCTAssertEqual(ds.doubles(of: element), [1.5, 20, -0.5, 0.25])
        XCTAssertEqual(ds.ints(of: element), [20], "only integral values are integers")
    }

    func testNumberStringsThatAreNotDICOMNumbersAreLeftOut() throws {
        let (ds, element) = try one("DS", ascii("NaN\\inf\\0x10\\1,5\\3"))
        XCTAssertEqual(ds.doubles(of: element), [3])
        let (isSet, isElement) = try one("IS", ascii("0x10\\infinity\\12a\\4"))
        XCTAssertEqual(isSet.ints(of: isElement), [4])
    }

    func testBinaryIntegersInBothByteOrders() throws {
        for order in [ByteOrder.littleEndian, .bigEndian] {
            let cases: [(String, [UInt8], [Int])] = [
                ("US", u16(1, order) + u16(65535, order), [1, 65535]),
                ("SS", u16(UInt16(bitPattern: -32768), order) + u16(32767, order), [-32768, 32767]),
                ("UL", u32(0xFFFF_FFFF, order), [4_294_967_295]),
                ("SL", u32(UInt32(bitPattern: Int32.min), order), [Int(Int32.min)]),
                ("SV", u64(UInt64(bitPattern: Int64.min), order), [Int(Int64.min)]),
                ("UV", u64(UInt64(Int64.max), order), [Int(Int64.max)]),
            ]
            for (vr, value, expected) in cases {
                let (ds, element) = try one(vr, value, order)
                XCTAssertEqual(ds.ints(of: element), expected, "\(vr) \(order)")
                XCTAssertEqual(ds.doubles(of: element), expected.map(Double.init), "\(vr) \(order)")
            }
        }
    }

    func testBinaryFloatsInBothByteOrders() throws {
        for order in [ByteOrder.littleEndian, .bigEndian] {
            let (fl, flElement) = try one("FL", f32(1.5, order) + f32(-0.125, order), order)
            XCTAssertEqual(fl.doubles(of: flElement), [1.5, -0.125], "\(order)")
            let (fd, fdElement) = try one("FD", f64(.pi, order) + f64(-1e300, order), order)
            XCTAssertEqual(fd.doubles(of: fdElement), [.pi, -1e300], "\(order)")
            XCTAssertEqual(fd.ints(of: fdElement), [], "FD has no integer accessor")
        }
    }

    func testPartialBinaryValueIsLeftOut() throws {
        let (ds, element) = try one("US", [0x01, 0x00, 0x02])                 // US 3: one value and a stray byte
        XCTAssertEqual(ds.ints(of: element), [1])
    }

    func testUVLargerThanIntIsLeftOut() throws {
        let (ds, element) = try one("UV", u64(1 << 63) + u64(5))
        XCTAssertEqual(ds.ints(of: element), [5])
    }

    func testATValuesInBothByteOrders() throws {
        for order in [ByteOrder.littleEndian, .bigEndian] {
            let (ds, element) = try one("AT", tagBytes(.pixelData, order) + tagBytes(Tag(0x0009_1000), order), order)
            XCTAssertEqual(ds.tags(of: element), [.pixelData, Tag(0x0009_1000)], "\(order)")
        }
    }
}
