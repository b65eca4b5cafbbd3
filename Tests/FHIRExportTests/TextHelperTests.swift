@testable import FHIRExport
import XCTest

/// The byte-wise helpers give what their character-wise definitions give.
final class TextHelperTests: XCTestCase {
    func testOIDsAreDigitArcsWithoutLeadingZeros() {
        for text in ["1.2", "0.1", "1.2.840.10008.5.1.4.1.1.2", "10.20"] { XCTAssertTrue(IssuerSystem.isOID(text), text) }
        for text in ["", "1", "1..2", "01.2", "1.02", "1.2.", ".1.2", "1.a", "1.2 ", String(repeating: "1.", count: 32) + "1"] {
            XCTAssertFalse(IssuerSystem.isOID(text), text)
        }
    }

    func testTrimmingSpacesKeepsSpacesThatArePartOfACharacter() {
        XCTAssertEqual("  CHEST ".trimmingSpaces(), "CHEST")
        XCTAssertEqual("CHEST".trimmingSpaces(), "CHEST")
        XCTAssertEqual(" ".trimmingSpaces(), "")
        XCTAssertEqual(" \u{301}A".trimmingSpaces(), " \u{301}A", "a space with a combining accent is not a space")
    }
}
