import XCTest
@testable import DICOMReport

/// What reaches the page from a file: markup characters escaped, controls made visible.
final class HTMLEscapingTests: XCTestCase {
    func testMarkupCharactersAreEscapedForTextAndAttributes() {
        XCTAssertEqual(HTMLEscaping.escape(#"<script>alert("x")</script> & 'y'"#),
                       "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        XCTAssertEqual(HTMLEscaping.escape("&amp;"), "&amp;amp;")
    }

    func testPlainTextIsUnchanged() {
        XCTAssertEqual(HTMLEscaping.escape("Yamada^Tarou=山田^太郎 Müller"), "Yamada^Tarou=山田^太郎 Müller")
    }

    func testControlsAndNoncharactersAreShownAsEscapes() {
        func scalar(_ value: UInt32) -> String { String(Character(Unicode.Scalar(value)!)) }
        XCTAssertEqual(HTMLEscaping.escape("a\u{0}b\nc\u{7F}d\u{85}e" + scalar(0xFFFE) + "f" + scalar(0xFDD0)),
                       #"a\x00b\x0Ac\x7Fd\u0085e\uFFFEf\uFDD0"#)
        XCTAssertEqual(HTMLEscaping.escape(scalar(0x1FFFF)), #"\u1FFFF"#)
        XCTAssertEqual(HTMLEscaping.escape("\\xFF"), "\\xFF", "a path shown with \\xNN keeps its text")
    }
}
