import DICOMCore
import FHIRExport

/// The span of time a date or date-time stands for, by its precision: `2024` is all of 2024,
/// `2024-03-12` that day, `2024-03-12T10:15:30+01:00` that second, `…30.12` that hundredth.
/// Half-open, `[lower, upper)`, in microseconds since 1970-01-01T00:00:00Z.
struct InstantRange: Hashable, Sendable {
    var lower: Int64
    var upper: Int64

    /// The range of `value`; a value without an offset (any date, a time without offset) is
    /// placed by `zone`.
    init(_ value: DICOMDateTime, zone: FloatingZone) {
        let date = value.date
        let start = CivilDays.days(year: date.year, month: date.month ?? 1, day: date.day ?? 1)
        var lowerWall = start * CivilDays.microsPerDay
        let upperWall: Int64
        if let time = value.time {
            lowerWall += Int64(time.hour) * 3_600_000_000 + Int64(time.minute ?? 0) * 60_000_000
                + Int64(time.second ?? 0) * 1_000_000 + Int64(time.microsecond ?? 0)
            let unit: Int64
            if let digits = time.fractionDigits?.count {
                unit = [100_000, 10_000, 1_000, 100, 10, 1][max(0, min(5, digits - 1))]
            } else if time.second != nil {
                unit = 1_000_000
            } else if time.minute != nil {
                unit = 60_000_000
            } else {
                unit = 3_600_000_000
            }
            upperWall = lowerWall + unit
        } else if let month = date.month {
            if date.day != nil {
                upperWall = lowerWall + CivilDays.microsPerDay
            } else {
                let next = month == 12 ? (date.year + 1, 1) : (date.year, month + 1)
                upperWall = CivilDays.days(year: next.0, month: next.1, day: 1) * CivilDays.microsPerDay
            }
        } else {
            upperWall = CivilDays.days(year: date.year + 1, month: 1, day: 1) * CivilDays.microsPerDay
        }
        let fixed = value.time == nil ? nil : value.utcOffset
        lower = lowerWall - Int64(fixed?.minutes ?? zone.offsetMinutes(atWall: lowerWall)) * 60_000_000
        upper = upperWall - Int64(fixed?.minutes ?? zone.offsetMinutes(atWall: upperWall)) * 60_000_000
    }
}

/// Where values without an offset lie on the time line: dates (FHIR dates have no zone) and
/// search values written without one.
enum FloatingZone: Hashable, Sendable {
    /// A fixed offset from UTC, in minutes.
    case fixed(minutes: Int)
    /// This machine's zone at that date and time (daylight saving time included).
    case local

    /// The zone that matches how FHIRExport writes `started`: the fixed default offset, else
    /// local time (for `local`, and for `dateOnly`, where every `started` is a date).
    init(_ zone: DefaultTimezone) {
        switch zone {
        case .offset(let offset): self = .fixed(minutes: offset.minutes)
        case .local, .dateOnly: self = .local
        }
    }

    /// The offset east of UTC for the wall-clock time `wall` (microseconds since 1970 as if UTC).
    func offsetMinutes(atWall wall: Int64) -> Int {
        switch self {
        case .fixed(let minutes): return minutes
        case .local:
            let days = wall.floorDivided(by: CivilDays.microsPerDay)
            let (year, month, day) = CivilDays.civil(days: days)
            let seconds = Int((wall - days * CivilDays.microsPerDay) / 1_000_000)
            guard let date = DICOMDate(year: year, month: month, day: day),
                  let time = DICOMTime(hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60),
                  let offset = StartedDateTime.localOffset(date, time) else { return 0 }
            return offset.minutes
        }
    }
}

/// Proleptic Gregorian day counts (H. Hinnant's `days_from_civil` and `civil_from_days`).
enum CivilDays {
    static let microsPerDay: Int64 = 86_400_000_000

    /// Days since 1970-01-01 of a date.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day count since 1970-01-01.
    static func civil(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

extension Int64 {
    /// The quotient rounded towards minus infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
