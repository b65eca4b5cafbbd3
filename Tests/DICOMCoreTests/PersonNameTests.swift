import XCTest
import DICOMCore

/// PN values (`PersonName`) and their FHIR `HumanName` view.
final class PersonNameTests: XCTestCase {
    func testFiveComponentsOfOneGroup() {
        let name = PersonName("Adams^John Robert Quincy^B^Rev.^B.A. M.Div.")
        XCTAssertEqual(name.alphabetic.familyName, "Adams")
        XCTAssertEqual(name.alphabetic.givenName, "John Robert Quincy")
        XCTAssertEqual(name.alphabetic.middleName, "B")
        XCTAssertEqual(name.alphabetic.namePrefix, "Rev.")
        XCTAssertEqual(name.alphabetic.nameSuffix, "B.A. M.Div.")
        XCTAssertTrue(name.ideographic.isEmpty)
        XCTAssertTrue(name.phonetic.isEmpty)
        XCTAssertEqual(name.formatted, "Adams^John Robert Quincy^B^Rev.^B.A. M.Div.")
    }

    func testThreeGroupsJapanese() {
        let text = "Yamada^Tarou=山田^太郎=やまだ^たろう"
        let name = PersonName(text)
        XCTAssertEqual(name.alphabetic.components, ["Yamada", "Tarou", "", "", ""])
        XCTAssertEqual(name.ideographic.components, ["山田", "太郎", "", "", ""])
        XCTAssertEqual(name.phonetic.components, ["やまだ", "たろう", "", "", ""])
        XCTAssertEqual(name[.ideographic].familyName, "山田")
        XCTAssertEqual(name.description, text)
        XCTAssertEqual(name.canonical, text)
    }

    func testEmptyLeadingComponentsAndGroups() {
        let given = PersonName("^John")
        XCTAssertEqual(given.alphabetic.familyName, "")
        XCTAssertEqual(given.alphabetic.givenName, "John")
        XCTAssertEqual(given.formatted, "^John")
        let ideographicOnly = PersonName("=山田^太郎")
        XCTAssertTrue(ideographicOnly.alphabetic.isEmpty)
        XCTAssertEqual(ideographicOnly.ideographic.givenName, "太郎")
        XCTAssertEqual(ideographicOnly.canonical, "=山田^太郎")
        let phoneticOnly = PersonName("==やまだ")
        XCTAssertEqual(phoneticOnly.phonetic.familyName, "やまだ")
        XCTAssertEqual(phoneticOnly.canonical, "==やまだ")
    }

    func testTrailingDelimitersRoundTripAndCompareEqual() {
        let padded = PersonName("Smith^John^^^=")
        XCTAssertEqual(padded.formatted, "Smith^John^^^=")
        XCTAssertEqual(padded.canonical, "Smith^John")
        XCTAssertEqual(padded, PersonName("Smith^John"))
        XCTAssertEqual(Set([padded, PersonName("Smith^John")]).count, 1)
        XCTAssertNotEqual(PersonName("Smith^John"), PersonName("Smith^Jon"))
    }

    func testTrailingSpacesAreDroppedLeadingKept() {
        XCTAssertEqual(PersonName("Smith^John  ").formatted, "Smith^John")
        XCTAssertEqual(PersonName(" Smith").alphabetic.familyName, " Smith")
        XCTAssertEqual(PersonName("Smith ^John").alphabetic.familyName, "Smith ")
    }

    func testEmptyAndExtraParts() {
        XCTAssertTrue(PersonName("").isEmpty)
        XCTAssertEqual(PersonName("").formatted, "")
        XCTAssertTrue(PersonName("^^^^").isEmpty)
        XCTAssertEqual(PersonName("^^^^").canonical, "")
        let extra = PersonName("A^B^C^D^E^F=G=H=I")
        XCTAssertEqual(extra.alphabetic.nameSuffix, "E")
        XCTAssertEqual(extra.phonetic.familyName, "H")
        XCTAssertEqual(extra.formatted, "A^B^C^D^E^F=G=H=I")
        XCTAssertEqual(extra.canonical, "A^B^C^D^E=G=H")
    }

    func testGroupsBuiltFromComponentsFormatCanonically() {
        let name = PersonName(alphabetic: .init(familyName: "Doe", givenName: "Jane", namePrefix: "Dr"))
        XCTAssertEqual(name.formatted, "Doe^Jane^^Dr")
        XCTAssertEqual(name, PersonName("Doe^Jane^^Dr^"))
        XCTAssertEqual(PersonName.ComponentGroup(givenName: "John").formatted, "^John")
    }

    func testHumanNameOfAlphabeticGroup() {
        let parts = PersonName("Adams^John^Quincy^Rev.^Jr.").humanName()
        XCTAssertEqual(parts.family, "Adams")
        XCTAssertEqual(parts.given, ["John", "Quincy"])
        XCTAssertEqual(parts.prefix, ["Rev."])
        XCTAssertEqual(parts.suffix, ["Jr."])
        XCTAssertEqual(parts.text, "Rev. John Quincy Adams Jr.")
    }

    func testHumanNameLeavesOutEmptyParts() {
        let parts = PersonName("^John").humanName()
        XCTAssertNil(parts.family)
        XCTAssertEqual(parts.given, ["John"])
        XCTAssertEqual(parts.prefix, [])
        XCTAssertEqual(parts.suffix, [])
        XCTAssertEqual(parts.text, "John")
        let spaced = PersonName(" Smith ^ ^ John").humanName()
        XCTAssertEqual(spaced.family, "Smith")
        XCTAssertEqual(spaced.given, ["John"])
        XCTAssertEqual(spaced.text, "John Smith")
        XCTAssertTrue(PersonName("").humanName().isEmpty)
        XCTAssertNil(PersonName("=山田").humanName().text)
    }

    func testHumanNameOfIdeographicAndPhoneticGroupsIsFamilyFirst() {
        let name = PersonName("Yamada^Tarou=山田^太郎=やまだ^たろう")
        XCTAssertEqual(name.humanName().text, "Tarou Yamada")
        let ideographic = name.humanName(.ideographic)
        XCTAssertEqual(ideographic.family, "山田")
        XCTAssertEqual(ideographic.given, ["太郎"])
        XCTAssertEqual(ideographic.text, "山田 太郎")
        XCTAssertEqual(name.humanName(.phonetic).text, "やまだ たろう")
    }
}
