/// A coded concept from a DICOM Code Sequence item (PS3.3 Table 8.8-1).
public struct CodedEntry: Hashable, Sendable {
    /// Code Value (0008,0100), or Long Code Value (0008,0119) / URN Code Value (0008,0120).
    public var value: String
    /// Coding Scheme Designator (0008,0102), e.g. "SCT", "LN", "DCM".
    public var scheme: String?
    /// Coding Scheme Version (0008,0103).
    public var schemeVersion: String?
    /// Code Meaning (0008,0104).
    public var meaning: String?

    /// Creates a coded entry.
    public init(value: String, scheme: String? = nil, schemeVersion: String? = nil, meaning: String? = nil) {
        self.value = value
        self.scheme = scheme
        self.schemeVersion = schemeVersion
        self.meaning = meaning
    }
}
