@testable import FHIRExport
import XCTest

final class NameBasedUUIDTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    func testSHA1MatchesTheFIPSVectors() {
        XCTAssertEqual(hex(SHA1.digest(Array("abc".utf8))), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(hex(SHA1.digest([])), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        // 1000 bytes: several 64-byte blocks and padding into a new block.
        XCTAssertEqual(hex(SHA1.digest([UInt8](repeating: 0x61, count: 1000))), "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    /// Expected values from Python: `uuid.uuid5(uuid.NAMESPACE_OID, ...)` / `NAMESPACE_URL`.
    func testIdsAreTheUUID5sPythonComputes() {
        XCTAssertEqual(NameBasedUUID.study(uid: "1.2.840.113619.2.1.1"), "87f1ca3d-0838-5d99-ada1-56b6ec9bffe8")
        XCTAssertEqual(NameBasedUUID.study(uid: "1.2.3"), "42d5e23b-3a02-5135-85c6-52d1102f1f00")
        XCTAssertEqual(NameBasedUUID.patient(system: "urn:oid:1.2.3.4", value: "PAT001"),
                       "4ec542fe-903f-558d-8481-0a6dc63c641a")
        XCTAssertEqual(NameBasedUUID.patient(system: nil, value: "PAT001"), "250d43ec-c48b-51cf-9476-ec20632aef55")
        XCTAssertEqual(NameBasedUUID.endpoint(address: "https://pacs.example.org/dicom-web"),
                       "dc081782-da74-5d67-b0b9-d1207ff73d23")
    }
}
