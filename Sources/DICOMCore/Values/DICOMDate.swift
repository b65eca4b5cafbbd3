/// A calendar date from a DA value, or the date part of a DT value (PS3.5 6.2).
///
/// The precision is kept: a date may be a year, a year and month, or a full date, as DT
/// allows and as FHIR `date` and `dateTime` can express. Month and day are validated against
/// the proleptic Gregorian calendar (leap years included), so a value that exists is a real
/// day, month or year.
public struct DICOMDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12, or nil when the value gives only a year.
    public let month: Int?
    /// The day of the month, 1 to 28, 29, 30 or 31 as the month allows, or nil when the value
    /// stops at the month or year.
    public let day: Int?

    /// Creates a date after checking its fields; nil when a field is out of range, or when a
    /// day is given without a month.
    ///
    /// Year 0000 is rejected: it is not a Gregorian year, FHIR does not allow it, and in DICOM
    /// files it appears only in placeholders such as `00000000`.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1, day <= DICOMDate.daysIn(month: month, year: year) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a DA value; nil when the text is not a valid date.
    ///
    /// Accepted forms, after removing leading spaces and trailing spaces or NULs:
    /// - `YYYYMMDD`, the DA form (`20010203`);
    /// - `YYYY.MM.DD`, the ACR-NEMA form found in old files (`1997.01.02`);
    /// - `YYYY` and `YYYYMM`, the reduced precision forms of the date part of DT.
    ///
    /// Anything else (other lengths, signs, letters, `2001-02-03`) gives nil, as does a date
    /// that does not exist (`20010230`, `20010229`, month `00` or `13`).
    public init?<S: StringProtocol>(_ text: S) {
        self.init(bytes: ASCII.bytes(text))
    }

    /// Parses a DA value from its bytes, with the rules of `init?(_:)`.
    public init?(bytes: ArraySlice<UInt8>) {
        let value = ASCII.trimmed(bytes)
        let s = value.startIndex
        if value.count == 10, value[s + 4] == ASCII.dot, value[s + 7] == ASCII.dot {
            guard let y = ASCII.number(value, at: s, count: 4),
                  let m = ASCII.number(value, at: s + 5, count: 2),
                  let d = ASCII.number(value, at: s + 8, count: 2) else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            self.init(digits: value)
        }
    }

    /// Parses the digits-only forms `YYYY`, `YYYYMM` and `YYYYMMDD`, as in the date part of a
    /// DT value. The bytes must already be trimmed.
    init?(digits value: ArraySlice<UInt8>) {
        let s = value.startIndex
        guard value.count == 4 || value.count == 6 || value.count == 8,
              let y = ASCII.number(value, at: s, count: 4) else { return nil }
        let m = value.count >= 6 ? ASCII.number(value, at: s + 4, count: 2) : nil
        let d = value.count == 8 ? ASCII.number(value, at: s + 6, count: 2) : nil
        if value.count >= 6, m == nil { return nil }
        if value.count == 8, d == nil { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// True when the date has a year, month and day.
    public var isComplete: Bool { day != nil }

    /// The ISO 8601 extended form with the precision of the value: `2001-02-03`, `2001-02`
    /// or `2001`. This is also the FHIR `date` form.
    public var iso8601: String {
        var text = ASCII.padded(year, width: 4)
        if let month { text += "-" + ASCII.padded(month, width: 2) }
        if let day { text += "-" + ASCII.padded(day, width: 2) }
        return text
    }

    /// The DICOM form with the precision of the value: `20010203`, `200102` or `2001`.
    /// A legacy `1997.01.02` value is written `19970102`.
    public var description: String {
        var text = ASCII.padded(year, width: 4)
        if let month { text += ASCII.padded(month, width: 2) }
        if let day { text += ASCII.padded(day, width: 2) }
        return text
    }

    /// Orders by year, then month, then day; a reduced precision date sorts before every date
    /// it contains (`2001` < `200101` < `20010101`).
    public static func < (lhs: DICOMDate, rhs: DICOMDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// True for the leap years of the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Number of days in `month` (1 to 12) of `year`; 0 for a month out of range.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }
}
