import Foundation
import FoundationXML
import XCTest
@testable import DICOMPixels

/// A report page as the tests read it: its text, and its markup parsed as XML (the page is
/// written as polyglot HTML, so a parse error is a bug of the page).
struct ParsedReport {
    let text: String
    let document: XMLDocument

    init(path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        text = try XCTUnwrap(String(validating: [UInt8](data), as: UTF8.self), "the page is UTF-8", file: file, line: line)
        document = try XMLDocument(data: data, options: [.nodePreserveWhitespace])
    }

    /// The nodes matching an XPath expression.
    func nodes(_ xpath: String) throws -> [XMLNode] {
        try document.nodes(forXPath: xpath)
    }

    /// The text content of each node matching `xpath`.
    func texts(_ xpath: String) throws -> [String] {
        try nodes(xpath).map { $0.stringValue ?? "" }
    }

    /// The value of attribute `name` of each element matching `xpath`.
    func attributes(_ xpath: String, _ name: String) throws -> [String] {
        try nodes(xpath).compactMap { ($0 as? XMLElement)?.attribute(forName: name)?.stringValue }
    }

    /// Every `<img>`: its JPEG decoded with our libjpeg decoder; fails when a source is not a
    /// `data:image/jpeg;base64,` URI, does not decode, or does not have the size it claims.
    func decodedImages(file: StaticString = #filePath, line: UInt = #line) throws -> [(width: Int, height: Int)] {
        var sizes: [(Int, Int)] = []
        for node in try nodes("//img") {
            guard let image = node as? XMLElement, let source = image.attribute(forName: "src")?.stringValue else {
                XCTFail("an img without src", file: file, line: line)
                continue
            }
            let prefix = "data:image/jpeg;base64,"
            XCTAssertTrue(source.hasPrefix(prefix), "src \(source.prefix(40))", file: file, line: line)
            let bytes = try XCTUnwrap(Data(base64Encoded: String(source.dropFirst(prefix.count))), file: file, line: line)
            let decoded = try JPEGCodec.decode([UInt8](bytes), assumeRGB: false)
            XCTAssertEqual(String(decoded.width), image.attribute(forName: "width")?.stringValue, file: file, line: line)
            XCTAssertEqual(String(decoded.height), image.attribute(forName: "height")?.stringValue, file: file, line: line)
            sizes.append((decoded.width, decoded.height))
        }
        return sizes
    }
}
