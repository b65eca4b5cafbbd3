@testable import JSONWriting
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

    func testTheWordAtATimeEscapeCheckFindsEveryByteThatMayNeedAnEscape() {
        for value in 0...255 {
            let byte = UInt8(value)
            let expected = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
            for position in 0..<19 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 19)
                bytes[position] = byte
                // Also next to bytes just around the limits, which a careless word test confuses.
                if position > 0 { bytes[position - 1] = 0x21 }
                if position < 18 { bytes[position + 1] = 0xE3 }
                let found = bytes.withUnsafeBytes { JSONBytes.mayNeedEscape($0) }
                XCTAssertEqual(found, expected, "byte \(value) at \(position)")
                guard value < 0x80 else { continue }  // alone, not UTF-8
                var text = [UInt8](repeating: UInt8(ascii: "a"), count: 19)
                text[position] = byte
                var out: [UInt8] = []
                JSONBytes.appendStringContents(utf8: text[...], to: &out)
                XCTAssertEqual(out, Array(JSONValue.string(String(decoding: text, as: UTF8.self)).serialized().utf8.dropFirst().dropLast()),
                               "byte \(value) at \(position)")
            }
        }
    }
}
