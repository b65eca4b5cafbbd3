import DICOMCore
@testable import FHIRExport
import XCTest

/// The byte-wise display text of ASCII names is the one `PersonName` gives.
final class DisplayNameTests: XCTestCase {
    private func personNameDisplay(_ value: String) -> String? {
        let name = PersonName(value)
        for representation in PersonName.Representation.allCases {
            if let text = name.humanName(representation).text { return text }
        }
        return nil
    }

    func testEveryShortNameOfDelimitersSpacesAndLettersGivesThePersonNameText() {
        // Letters, CR and LF, é, a combining acute accent, an Arabic prepended mark, 山.
        let alphabet = [" ", "^", "=", "a", "B", "\r", "\n", "é", "\u{301}", "\u{600}", "山"]
        var values = [""]
        var frontier = [""]
        for _ in 1...4 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + $0 } }
            values += frontier
        }
        var fast = 0
        for value in values {
            XCTAssertEqual(Elements.displayName(value), personNameDisplay(value), value.debugDescription)
            if DisplayName.ascii(value) != nil { fast += 1 }
        }
        XCTAssertGreaterThan(fast, values.count / 3, "most names take the byte path")
    }

    func testRealNames() {
        for value in ["Smith^John^Paul^Dr^Jr", "  Smith ^ John ", "^^^^", "=Yamada^Tarou", "==Yamada^Tarou",
                      "A^B^C^D^E^F^G", "X=Y=Z=W", "Weber^Hans  "] {
            XCTAssertEqual(DisplayName.ascii(value), .some(personNameDisplay(value)), value)
        }
        XCTAssertEqual(DisplayName.ascii("Müller^Hans"), .some("Hans Müller"))
        XCTAssertTrue(DisplayName.ascii("山田^太郎") == nil, "a delimiter between non-ASCII bytes: PersonName decides")
        XCTAssertEqual(Elements.displayName("山田^太郎"), "太郎 山田")
    }
}
