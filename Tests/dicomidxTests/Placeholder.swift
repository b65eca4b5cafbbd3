import XCTest
final class dicomidxTestsPlaceholder: XCTestCase { func testNothingYet() {} }
