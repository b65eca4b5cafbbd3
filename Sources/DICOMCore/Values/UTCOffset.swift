/// An offset from UTC, as written at the end of a DT value (`&ZZXX`) and in Timezone Offset
/// From UTC (0008,0201): a sign, two digits of hours and two of minutes (`+0100`, `-0530`).
public struct UTCOffset: Hashable, Sendable, CustomStringConvertible {
    /// The offset in minutes, east of UTC positive: `+0100` is 60, `-0530` is -330.
    public let minutes: Int

    /// Creates an offset; nil outside -12:00 to +14:00, the range PS3.5 6.2 allows.
    public init?(minutes: Int) {
        guard (-720...840).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `+hhmm` or `-hhmm`; nil for any other text or an offset out of range
    /// (minutes above 59, or beyond -1200 to +1400). Leading spaces and trailing spaces or
    /// NULs are ignored. `-0000` is read as UTC, like `+0000`.
    public init?<S: StringProtocol>(_ text: S) {
        self.init(bytes: ASCII.bytes(text))
    }

    /// Parses an offset from its bytes, with the rules of `init?(_:)`.
    public init?(bytes: ArraySlice<UInt8>) {
        let value = ASCII.trimmed(bytes)
        let s = value.startIndex
        guard value.count == 5,
              value[s] == ASCII.plus || value[s] == ASCII.minus,
              let hh = ASCII.number(value, at: s + 1, count: 2),
              let mm = ASCII.number(value, at: s + 3, count: 2),
              mm <= 59 else { return nil }
        let magnitude = hh * 60 + mm
        self.init(minutes: value[s] == ASCII.minus ? -magnitude : magnitude)
    }

    /// UTC itself, `+0000`.
    public static let utc = UTCOffset(unchecked: 0)

    private init(unchecked minutes: Int) { self.minutes = minutes }

    /// The ISO 8601 extended form used by FHIR: `+01:00`, `-05:30`, `+00:00`.
    public var iso8601: String { format(separator: ":") }

    /// The DICOM form: `+0100`, `-0530`, `+0000`.
    public var description: String { format(separator: "") }

    private func format(separator: String) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = abs(minutes)
        return sign + ASCII.padded(magnitude / 60, width: 2) + separator + ASCII.padded(magnitude % 60, width: 2)
    }
}
