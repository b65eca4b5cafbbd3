import DICOMCore
import DICOMParser
import XCTest

/// Every VR in explicit VR: the header form (16-bit or 32-bit length) and the value read back.
final class VRTests: XCTestCase {
    /// One value per VR, in the VR's own encoding; element (0009,1000 + index) holds entry index.
    private func values(_ order: ByteOrder) -> [(VR, [UInt8])] {
        [
            (.AE, ascii("STORESCP  ")),
            (.AS, ascii("045Y")),
            (.AT, tagBytes(.rows, order) + tagBytes(.columns, order)),
            (.CS, ascii("ORIGINAL\\PRIMARY")),
            (.DA, ascii("20240102")),
            (.DS, ascii("1.5\\-2 ")),
            (.DT, ascii("20240102120000.5")),
            (.FD, f64(3.25, order)),
            (.FL, f32(-0.5, order)),
            (.IS, ascii("42\\-7")),
            (.LO, ascii(" Long string")),
            (.LT, ascii("  Text with \\ backslash ")),
            (.OB, [1, 2, 3, 0]),
            (.OD, f64(1, order) + f64(-2, order)),
            (.OF, f32(0.25, order)),
            (.OL, u32(0xDEAD_BEEF, order)),
            (.OV, u64(1 << 40, order)),
            (.OW, u16(1, order) + u16(0xFFFF, order)),
            (.PN, ascii("Doe^John")),
            (.SH, ascii("short ")),
            (.SL, u32(UInt32(bitPattern: -2), order)),
            (.SQ, []),
            (.SS, u16(UInt16(bitPattern: -3), order)),
            (.ST, ascii(" Short text ")),
            (.SV, u64(UInt64(bitPattern: -4), order)),
            (.TM, ascii("101010.25 ")),
            (.UC, ascii("unlimited\\chars ")),
            (.UI, ascii("1.2.3\0")),
            (.UL, u32(4_000_000_000, order)),
            (.UN, [0xAB, 0xCD]),
            (.UR, ascii("http://example.com/a b ")),
            (.US, u16(65535, order)),
            (.UT, ascii(" unlimited \\ text")),
            (.UV, u64(1 << 40 + 1, order)),
        ]
    }

    private func tag(_ index: Int) -> Tag { Tag(group: 0x0009, element: UInt16(0x1000 + index)) }

    private func readAllVRs(_ order: ByteOrder) throws -> DICOMFile {
        var dataSet: [UInt8] = []
        for (index, (vr, value)) in values(order).enumerated() {
            dataSet += explicitElement(tag(index), vr.description, value, order: order) // (0009,10xx) vr  value
        }
        let syntax = order == .littleEndian ? UID.explicitLE : UID.explicitBE
        return try read(part10(transferSyntax: syntax, dataSet: dataSet))
    }

    func testThirtyTwoBitLengthVRsUseTwelveByteHeaders() {
        let long = VR.allCases.filter(\.hasLongLength)
        XCTAssertEqual(long, [.OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV])
        XCTAssertEqual(VR.allCases.count, 34)
    }

    func testEveryVRReadsWithItsHeaderAndLengthInBothByteOrders() throws {
        for order in [ByteOrder.littleEndian, .bigEndian] {
            let file = try readAllVRs(order)
            XCTAssertNil(file.damage, "\(order)")
            XCTAssertEqual(file.warnings, [], "\(order)")
            var offset = file.dataSetOffset
            for (index, (vr, value)) in values(order).enumerated() {
                let element = try XCTUnwrap(file.dataSet.element(tag(index)), "\(vr)")
                let headerLength = vr.hasLongLength ? 12 : 8
                XCTAssertEqual(element.vr, vr)
                XCTAssertEqual(element.headerOffset, offset, "\(vr) \(order)")
                XCTAssertEqual(element.valueOffset, offset + headerLength, "\(vr) \(order)")
                XCTAssertEqual(element.length, UInt32(value.count), "\(vr) \(order)")
                XCTAssertEqual(file.dataSet.valueBytes(of: element), value, "\(vr) \(order)")
                offset += headerLength + value.count
            }
        }
    }

    func testEveryVRDecodesItsValueInBothByteOrders() throws {
        for order in [ByteOrder.littleEndian, .bigEndian] {
            let ds = try readAllVRs(order).dataSet
            let elements = Dictionary(uniqueKeysWithValues: ds.elements.map { ($0.vr, $0) })
            func strings(_ vr: VR) -> [String] { elements[vr].map { ds.strings(of: $0) } ?? ["missing"] }
            func ints(_ vr: VR) -> [Int] { elements[vr].map { ds.ints(of: $0) } ?? [-999] }
            func doubles(_ vr: VR) -> [Double] { elements[vr].map { ds.doubles(of: $0) } ?? [-999] }

            XCTAssertEqual(strings(.AE), ["STORESCP"])
            XCTAssertEqual(strings(.AS), ["045Y"])
            XCTAssertEqual(elements[.AT].map { ds.tags(of: $0) }, [.rows, .columns], "\(order)")
            XCTAssertEqual(strings(.CS), ["ORIGINAL", "PRIMARY"])
            XCTAssertEqual(strings(.DA), ["20240102"])
            XCTAssertEqual(doubles(.DS), [1.5, -2])
            XCTAssertEqual(strings(.DT), ["20240102120000.5"])
            XCTAssertEqual(doubles(.FD), [3.25], "\(order)")
            XCTAssertEqual(doubles(.FL), [-0.5], "\(order)")
            XCTAssertEqual(ints(.IS), [42, -7])
            XCTAssertEqual(strings(.LO), ["Long string"])
            XCTAssertEqual(strings(.LT), ["  Text with \\ backslash"])
            XCTAssertEqual(elements[.OB].map { ds.valueBytes(of: $0) }, [1, 2, 3, 0])
            XCTAssertEqual(doubles(.OD), [1, -2], "\(order)")
            XCTAssertEqual(doubles(.OF), [0.25], "\(order)")
            XCTAssertEqual(ints(.OL), [0xDEAD_BEEF], "\(order)")
            XCTAssertEqual(ints(.OV), [1 << 40], "\(order)")
            XCTAssertEqual(ints(.OW), [1, 0xFFFF], "\(order)")
            XCTAssertEqual(strings(.PN), ["Doe^John"])
            XCTAssertEqual(strings(.SH), ["short"])
            XCTAssertEqual(ints(.SL), [-2], "\(order)")
            XCTAssertEqual(elements[.SQ].map { ds.items(of: $0).count }, 0)
            XCTAssertEqual(ints(.SS), [-3], "\(order)")
            XCTAssertEqual(strings(.ST), [" Short text"])
            XCTAssertEqual(ints(.SV), [-4], "\(order)")
            XCTAssertEqual(strings(.TM), ["101010.25"])
            XCTAssertEqual(strings(.UC), ["unlimited", "chars"])
            XCTAssertEqual(strings(.UI), ["1.2.3"])
            XCTAssertEqual(ints(.UL), [4_000_000_000], "\(order)")
            XCTAssertEqual(elements[.UN].map { ds.valueBytes(of: $0) }, [0xAB, 0xCD])
            XCTAssertEqual(strings(.UR), ["http://example.com/a b"])
            XCTAssertEqual(ints(.US), [65535], "\(order)")
            XCTAssertEqual(strings(.UT), [" unlimited \\ text"])
            XCTAssertEqual(ints(.UV), [1 << 40 + 1], "\(order)")
        }
    }

    /// The scanner's shortcut agrees with `VR(byte0:byte1:)` and `hasLongLength` on every pair
    /// of bytes, and leaves SQ and UN to the general path.
    func testPlainLengthSizeAgreesWithTheVRForEveryBytePair() {
        for b0 in UInt8.min...UInt8.max {
            for b1 in UInt8.min...UInt8.max {
                let expected: Int
                if let vr = VR(byte0: b0, byte1: b1), vr != .SQ, vr != .UN {
                    expected = vr.hasLongLength ? 4 : 2
                } else {
                    expected = 0
                }
                XCTAssertEqual(VR.plainLengthSize(byte0: b0, byte1: b1), expected, "\(b0) \(b1)")
            }
        }
    }
}
