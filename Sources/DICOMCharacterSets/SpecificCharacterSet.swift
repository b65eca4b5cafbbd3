/// Placeholder until the character set decoder lands.
public struct SpecificCharacterSet: Sendable, Equatable {
    public init(terms: [String]) {}
    public static let defaultRepertoire = SpecificCharacterSet(terms: [])
    public var warnings: [String] { [] }
    public func decode(_ bytes: [UInt8], isPersonName: Bool = false) -> String { String(decoding: bytes, as: UTF8.self) }
}
