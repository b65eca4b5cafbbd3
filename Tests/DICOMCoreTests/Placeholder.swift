import XCTest
final class DICOMCoreTestsPlaceholder: XCTestCase { func testNothingYet() {} }
