import DICOMCore

/// The comparison prefix of a date search value (FHIR R4 search, "prefixes"). Both the search
/// value and the study's `started` are ranges by their precision (see `InstantRange`); with
/// S the search range and T the study's:
public enum DatePrefix: String, CaseIterable, Hashable, Sendable {
    /// S contains T. The default when no prefix is given.
    case eq
    /// S does not contain T.
    case ne
    /// T reaches past the end of S.
    case gt
    /// T begins before the start of S.
    case lt
    /// `gt` or `eq`.
    case ge
    /// `lt` or `eq`.
    case le
    /// T begins at or after the end of S (starts after).
    case sa
    /// T ends at or before the start of S (ends before).
    case eb
    /// T overlaps S widened on both sides by 10% of the time between now and the start of S.
    case ap

    /// True when the study's range `target` satisfies the prefix against the search range.
    func matches(target: InstantRange, search: InstantRange, now: Int64) -> Bool {
        let contained = search.lower <= target.lower && target.upper <= search.upper
        switch self {
        case .eq: return contained
        case .ne: return !contained
        case .gt: return target.upper > search.upper
        case .lt: return target.lower < search.lower
        case .ge: return target.upper > search.upper || contained
        case .le: return target.lower < search.lower || contained
        case .sa: return target.lower >= search.upper
        case .eb: return target.upper <= search.lower
        case .ap:
            let margin = (now - search.lower).magnitude / 10
            let widened = Int64(clamping: margin)
            return target.lower < search.upper &+ widened && target.upper > search.lower &- widened
        }
    }
}

/// One alternative of a `started` search: a prefix and a FHIR date or dateTime of any
/// precision (`2024`, `2024-03`, `2024-03-12`, `2024-03-12T10:15`, `2024-03-12T10:15:30.5+01:00`).
public struct DateSearchValue: Hashable, Sendable {
    /// The comparison.
    public var prefix: DatePrefix
    /// The date or date-time with its precision; without an offset it is read in the query's
    /// floating zone (see `ImagingStudyQuery`).
    public var value: DICOMDateTime

    /// A date search value.
    public init(prefix: DatePrefix, value: DICOMDateTime) {
        self.prefix = prefix
        self.value = value
    }

    /// Parses `[prefix]date`.
    static func parse(_ text: String) throws(ValueProblem) -> DateSearchValue {
        var prefix = DatePrefix.eq
        var rest = Substring(text)
        if rest.count >= 2, let given = DatePrefix(rawValue: String(rest.prefix(2))) {
            prefix = given
            rest = rest.dropFirst(2)
        } else if let first = rest.first, first.isLetter {
            throw ValueProblem("\"\(rest.prefix(2))\" is not a date prefix (eq, ne, gt, lt, ge, le, sa, eb, ap)")
        }
        return DateSearchValue(prefix: prefix, value: try FHIRDateTimeText.parse(rest))
    }
}

/// Reads the FHIR `date` and `dateTime` forms: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and
/// `YYYY-MM-DDThh:mm[:ss[.f{1,6}]]` with an optional `Z` or `±hh:mm`. Search also takes minute
/// precision (`T10:15`), which a FHIR `dateTime` itself does not allow.
enum FHIRDateTimeText {
    private static let forms = "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.ffffff]][Z|+hh:mm|-hh:mm]"

    static func parse(_ text: Substring) throws(ValueProblem) -> DICOMDateTime {
        let bytes = Array(text.utf8)
        if bytes.count == 8, bytes.allSatisfy(isDigit) {
            throw ValueProblem("\"\(text)\" is a DICOM date; FHIR writes it \(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")
        }
        var reader = Reader(bytes: bytes)
        guard let year = reader.number(4) else { throw ValueProblem("\"\(text)\" is not a date: expected \(forms)") }
        var month: Int?
        var day: Int?
        if reader.take("-") {
            guard let value = reader.number(2) else { throw ValueProblem("\"\(text)\": expected two digits of month after \"-\"") }
            month = value
            if reader.take("-") {
                guard let value = reader.number(2) else { throw ValueProblem("\"\(text)\": expected two digits of day after \"-\"") }
                day = value
            }
        }
        guard let date = DICOMDate(year: year, month: month, day: day) else {
            throw ValueProblem("\"\(text)\" is not a calendar date")
        }
        guard reader.take("T") else {
            guard reader.atEnd else { throw ValueProblem("\"\(text)\" is not a date: expected \(forms)") }
            return DICOMDateTime(date: date)
        }
        guard day != nil else { throw ValueProblem("\"\(text)\": a time needs a full date") }
        guard let hour = reader.number(2), reader.take(":"), let minute = reader.number(2) else {
            throw ValueProblem("\"\(text)\": expected hh:mm after \"T\"")
        }
        var second: Int?
        var fraction: String?
        if reader.take(":") {
            guard let value = reader.number(2) else { throw ValueProblem("\"\(text)\": expected two digits of seconds") }
            second = value
            if reader.take(".") {
                let digits = reader.digits()
                guard (1...6).contains(digits.count) else {
                    throw ValueProblem("\"\(text)\": a fraction of a second has 1 to 6 digits")
                }
                fraction = digits
            }
        }
        guard second != 60, let time = DICOMTime(hour: hour, minute: minute, second: second, fractionDigits: fraction) else {
            throw ValueProblem("\"\(text)\" is not a time of day")
        }
        var offset: UTCOffset?
        if reader.take("Z") {
            offset = .utc
        } else if let sign = reader.sign() {
            guard let hours = reader.number(2), reader.take(":"), let minutes = reader.number(2), minutes < 60,
                  let parsed = UTCOffset(minutes: sign * (hours * 60 + minutes)) else {
                throw ValueProblem("\"\(text)\": the offset is Z or ±hh:mm between -12:00 and +14:00")
            }
            offset = parsed
        }
        guard reader.atEnd else { throw ValueProblem("\"\(text)\" is not a date: expected \(forms)") }
        return DICOMDateTime(date: date, time: time, utcOffset: offset)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// A cursor over ASCII bytes.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func sign() -> Int? {
            if take("+") { return 1 }
            if take("-") { return -1 }
            return nil
        }

        /// Exactly `count` digits as a number.
        mutating func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard FHIRDateTimeText.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }

        /// All digits from here on.
        mutating func digits() -> String {
            let start = index
            while index < bytes.count, FHIRDateTimeText.isDigit(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}
