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

    func testIntegersAtTheLimits() {
        XCTAssertEqual(JSONValue.array([.int(Int.min), .int(-1), .int(0), .int(9), .int(10), .int(Int.max)]).serialized(),
                       "[-9223372036854775808,-1,0,9,10,9223372036854775807]")
    }

    func testLineSeparatorsAndControlCharactersAreEscapedOtherTextIsNot() {
        XCTAssertEqual(JSONValue.string("a\u{2028}b\u{2029}c€\u{1F}\u{7F}≠").serialized(), #""a\u2028b\u2029c€\u001f\#u{7F}≠""#)
    }

    func testBytesAndTextAreTheSame() {
        var object = JSONObject()
        object.set("a", .array([.string("x\"y"), .int(-12), .bool(true), .null, .double(2.5)]))
        var bytes: [UInt8] = []
        object.value.write(to: &bytes)
        var text = "prefix:"
        object.value.write(to: &text)
        XCTAssertEqual("prefix:" + String(decoding: bytes, as: UTF8.self), text)
        XCTAssertEqual(text, #"prefix:{"a":["x\"y",-12,true,null,2.5]}"#)
        var tail: [UInt8] = []
        object.write(to: &tail) { out, hasMembers in
            XCTAssertTrue(hasMembers)
            JSONBytes.append(#","b":1"#, to: &out)
        }
        XCTAssertEqual(String(decoding: tail, as: UTF8.self), #"{"a":["x\"y",-12,true,null,2.5],"b":1}"#)
    }
}
