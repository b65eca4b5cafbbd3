/// Placeholder until the character set decoder lands.
public struct SpecificCharacterSet: Sendable {}
