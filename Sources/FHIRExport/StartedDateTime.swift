#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DICOMCore

/// FHIR `dateTime` values from a DICOM date, time and offset (ImagingStudy.started,
/// series.started).
///
/// - no valid date: nil (the element is left out);
/// - a date and no valid time: the date alone, with its precision (`2024-03-12`);
/// - a date and a time: the time with seconds and the offset of Timezone Offset From UTC
///   (0008,0201) when the file has a valid one, else the `DefaultTimezone`
///   (`2024-03-12T14:30:00+01:00`), or the date alone for `.dateOnly`.
///
/// A leap second (`60`), which FHIR servers reject, keeps the date alone.
///
/// Public because search (`FHIRSearch`) compares `started` exactly as it is written here.
public enum StartedDateTime {
    /// The FHIR `dateTime` of a DICOM date, time and offset string, or nil without a valid date.
    public static func value(date: String?, time: String?, offset: String?, default zone: DefaultTimezone) -> String? {
        guard let day = date.flatMap({ DICOMDate($0) }) else { return nil }
        guard day.isComplete, let clock = time.flatMap({ DICOMTime($0) }), clock.second != 60 else {
            return day.iso8601
        }
        let utcOffset: UTCOffset
        if let given = offset.flatMap({ UTCOffset($0) }) {
            utcOffset = given
        } else {
            switch zone {
            case .dateOnly: return day.iso8601
            case .offset(let fixed): utcOffset = fixed
            case .local:
                guard let local = localOffset(day, clock) else { return day.iso8601 }
                utcOffset = local
            }
        }
        return DICOMDateTime(date: day, time: clock, utcOffset: utcOffset).iso8601
    }

    /// The offset of this machine's time zone at that local date and time (`mktime` decides
    /// daylight saving time), or nil when the C library cannot tell.
    public static func localOffset(_ day: DICOMDate, _ clock: DICOMTime) -> UTCOffset? {
        var parts = tm()
        parts.tm_year = Int32(day.year - 1900)
        parts.tm_mon = Int32((day.month ?? 1) - 1)
        parts.tm_mday = Int32(day.day ?? 1)
        parts.tm_hour = Int32(clock.hour)
        parts.tm_min = Int32(clock.minute ?? 0)
        parts.tm_sec = Int32(min(clock.second ?? 0, 59))
        parts.tm_isdst = -1
        guard mktime(&parts) != -1 else { return nil }
        return UTCOffset(minutes: Int(parts.tm_gmtoff) / 60)
    }
}
