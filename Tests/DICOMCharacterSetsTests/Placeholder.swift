import XCTest
final class DICOMCharacterSetsTestsPlaceholder: XCTestCase { func testNothingYet() {} }
