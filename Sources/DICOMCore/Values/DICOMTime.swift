/// A time of day from a TM value, or the time part of a DT value (PS3.5 6.2).
///
/// The precision is kept: a time may stop at the hour, the minute or the second, and the
/// fraction of a second keeps the digits as written (`38.1` and `38.100` have the same
/// `microsecond` but differ in text and are not `==`).
public struct DICOMTime: Hashable, Sendable, CustomStringConvertible {
    /// The hour, 0 to 23.
    public let hour: Int
    /// The minute, 0 to 59, or nil when the value gives only the hour.
    public let minute: Int?
    /// The second, 0 to 60 (60 for a leap second), or nil when the value stops earlier.
    public let second: Int?
    /// The fraction of a second as written, 1 to 6 decimal digits (`"123"` for `.123`), or
    /// nil when there is none.
    public let fractionDigits: String?

    /// Creates a time after checking its fields; nil when a field is out of range, when a
    /// field is given without the one before it, or when `fractionDigits` is not 1 to 6 ASCII
    /// digits.
    public init?(hour: Int, minute: Int? = nil, second: Int? = nil, fractionDigits: String? = nil) {
        guard (0...23).contains(hour) else { return nil }
        if let minute { guard (0...59).contains(minute) else { return nil } }
        if let second { guard minute != nil, (0...60).contains(second) else { return nil } }
        if let fractionDigits {
            let digits = fractionDigits.utf8
            guard second != nil, (1...6).contains(digits.count),
                  digits.allSatisfy({ ASCII.digit($0) != nil }) else { return nil }
        }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fractionDigits = fractionDigits
    }

    /// Parses a TM value; nil when the text is not a valid time.
    ///
    /// Accepted forms, after removing leading spaces and trailing spaces or NULs:
    /// - `HH`, `HHMM`, `HHMMSS` and `HHMMSS.F` to `HHMMSS.FFFFFF`, the TM forms;
    /// - `HH:MM`, `HH:MM:SS` and `HH:MM:SS.FFFFFF`, the ACR-NEMA forms found in old files.
    ///
    /// Hours run 00-23, minutes 00-59 and seconds 00-60. A fraction needs the seconds and
    /// at least one digit (`140438.` is rejected).
    public init?<S: StringProtocol>(_ text: S) {
        self.init(bytes: ASCII.bytes(text))
    }

    /// Parses a TM value from its bytes, with the rules of `init?(_:)`.
    public init?(bytes: ArraySlice<UInt8>) {
        let value = ASCII.trimmed(bytes)
        if value.count > 2, value[value.startIndex + 2] == ASCII.colon {
            self.init(colonSeparated: value)
        } else {
            self.init(compact: value)
        }
    }

    /// Parses the compact forms `HH[MM[SS[.F{1,6}]]]` used by TM and by the time part of DT.
    /// The bytes must already be trimmed.
    init?(compact value: ArraySlice<UInt8>) {
        let s = value.startIndex
        let dot = value.firstIndex(of: ASCII.dot) ?? value.endIndex
        let clock = value[s..<dot]
        guard clock.count == 2 || clock.count == 4 || clock.count == 6,
              let h = ASCII.number(clock, at: s, count: 2) else { return nil }
        var m: Int?
        var sec: Int?
        if clock.count >= 4 {
            guard let n = ASCII.number(clock, at: s + 2, count: 2) else { return nil }
            m = n
        }
        if clock.count == 6 {
            guard let n = ASCII.number(clock, at: s + 4, count: 2) else { return nil }
            sec = n
        }
        self.init(hour: h, minute: m, second: sec, fraction: value[dot..<value.endIndex])
    }

    /// Parses the ACR-NEMA forms `HH:MM[:SS[.F{1,6}]]`. The bytes must already be trimmed.
    init?(colonSeparated value: ArraySlice<UInt8>) {
        let s = value.startIndex
        let dot = value.firstIndex(of: ASCII.dot) ?? value.endIndex
        let clock = value[s..<dot]
        guard clock.count == 5 || clock.count == 8,
              let h = ASCII.number(clock, at: s, count: 2),
              clock[s + 2] == ASCII.colon,
              let m = ASCII.number(clock, at: s + 3, count: 2) else { return nil }
        var sec: Int?
        if clock.count == 8 {
            guard clock[s + 5] == ASCII.colon, let n = ASCII.number(clock, at: s + 6, count: 2) else {
                return nil
            }
            sec = n
        }
        self.init(hour: h, minute: m, second: sec, fraction: value[dot..<value.endIndex])
    }

    /// Shared tail of the parsers: `fraction` is empty or starts with the dot.
    private init?(hour: Int, minute: Int?, second: Int?, fraction: ArraySlice<UInt8>) {
        var digits: String?
        if !fraction.isEmpty {
            let rest = fraction.dropFirst()
            guard ASCII.allDigits(rest) else { return nil }
            digits = String(decoding: rest, as: UTF8.self)
        }
        self.init(hour: hour, minute: minute, second: second, fractionDigits: digits)
    }

    /// The fraction of a second in microseconds (`.123` is 123000), or nil without a fraction.
    public var microsecond: Int? {
        guard let fractionDigits else { return nil }
        var value = 0
        var count = 0
        for byte in fractionDigits.utf8 {
            value = value * 10 + (ASCII.digit(byte) ?? 0)
            count += 1
        }
        while count < 6 { value *= 10; count += 1 }
        return value
    }

    /// The ISO 8601 extended form with the precision of the value: `14`, `14:04`,
    /// `14:04:38` or `14:04:38.123` (the fraction digits as written).
    public var iso8601: String {
        var text = ASCII.padded(hour, width: 2)
        if let minute { text += ":" + ASCII.padded(minute, width: 2) }
        if let second { text += ":" + ASCII.padded(second, width: 2) }
        if let fractionDigits { text += "." + fractionDigits }
        return text
    }

    /// The ISO 8601 extended form with at least seconds, as FHIR `time` and `dateTime`
    /// require: missing minutes and seconds are written as zero (`14` is `14:00:00`).
    public var iso8601WithSeconds: String {
        var text = ASCII.padded(hour, width: 2)
        text += ":" + ASCII.padded(minute ?? 0, width: 2)
        text += ":" + ASCII.padded(second ?? 0, width: 2)
        if let fractionDigits { text += "." + fractionDigits }
        return text
    }

    /// The DICOM form with the precision of the value: `14`, `1404`, `140438` or
    /// `140438.123`. A legacy `14:04:38` value is written `140438`.
    public var description: String {
        var text = ASCII.padded(hour, width: 2)
        if let minute { text += ASCII.padded(minute, width: 2) }
        if let second { text += ASCII.padded(second, width: 2) }
        if let fractionDigits { text += "." + fractionDigits }
        return text
    }
}
