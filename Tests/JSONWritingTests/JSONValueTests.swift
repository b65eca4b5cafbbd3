import JSONWriting
import XCTest

final class JSONValueTests: XCTestCase {
    func testObjectsKeepMemberOrderAndEscapeText() {
        var object = JSONObject()
        object.set("resourceType", "ImagingStudy")
        object.set("b", 2)
        object.set("a", .string("quote \" backslash \\ newline \n tab \t bell \u{7} 山田"))
        XCTAssertEqual(object.value.serialized(),
                       #"{"resourceType":"ImagingStudy","b":2,"a":"quote \" backslash \\ newline \n tab \t bell \u0007 山田"}"#)
    }

    func testEmptyValuesAreLeftOut() {
        var object = JSONObject()
        object.set("empty", "")
        object.set("none", nil as String?)
        object.set("list", JSONValue.array([]))
        object.set("nested", JSONObject().value)
        object.set("kept", false)
        XCTAssertEqual(object.value.serialized(), #"{"kept":false}"#)
    }

    func testNumbers() {
        XCTAssertEqual(JSONValue.array([.double(1.0), .double(0.5), .double(.nan), .int(-3)]).serialized(), "[1,0.5,null,-3]")
    }
}
