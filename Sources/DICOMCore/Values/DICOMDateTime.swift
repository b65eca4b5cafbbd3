/// A date and time from a DT value (PS3.5 6.2), or from a DA and TM pair such as Study Date
/// and Study Time, with an optional offset from UTC.
///
/// The precision is kept: `2001`, `200102`, `20010203`, `2001020314`... A time is present only
/// when the date is complete, as in DT where components are left off from the right.
public struct DICOMDateTime: Hashable, Sendable, CustomStringConvertible {
    /// The date, possibly of reduced precision.
    public let date: DICOMDate
    /// The time, or nil when the value stops at the date. Never set when `date` lacks a day.
    public let time: DICOMTime?
    /// The offset from UTC, or nil when the value gives none (local time of the writer).
    public let utcOffset: UTCOffset?

    /// Combines a date, a time and an offset. A time given with a date that lacks a day has
    /// no meaning and is dropped.
    public init(date: DICOMDate, time: DICOMTime? = nil, utcOffset: UTCOffset? = nil) {
        self.date = date
        self.time = date.isComplete ? time : nil
        self.utcOffset = utcOffset
    }

    /// Combines separate attributes, for example Study Date (0008,0020), Study Time
    /// (0008,0030) and Timezone Offset From UTC (0008,0201).
    ///
    /// `offset` is parsed as `+hhmm` / `-hhmm` (see `UTCOffset.init?(_:)`); when it is nil or
    /// not a valid offset, the result has no offset. Check `UTCOffset(offset)` first to tell
    /// the two apart. A time given with a date that lacks a day is dropped.
    public init(date: DICOMDate, time: DICOMTime?, offset: String?) {
        self.init(date: date, time: time, utcOffset: offset.flatMap { UTCOffset($0) })
    }

    /// Parses a DT value `YYYYMMDDHHMMSS.FFFFFF&ZZXX`; nil when the text is not a valid
    /// date-time.
    ///
    /// Components may be left off from the right down to `YYYY`: `2001`, `200102`,
    /// `20010203`, `2001020314`, `200102031404`, `20010203140438`,
    /// `20010203140438.1` to `.123456`. The offset `+hhmm` or `-hhmm` may follow any of
    /// these (`2001+0100`). Leading spaces and trailing spaces or NULs are ignored. The
    /// ACR-NEMA separators (`.` in dates, `:` in times) are not DT forms and give nil.
    public init?<S: StringProtocol>(_ text: S) {
        self.init(bytes: ASCII.bytes(text))
    }

    /// Parses a DT value from its bytes, with the rules of `init?(_:)`.
    public init?(bytes: ArraySlice<UInt8>) {
        let value = ASCII.trimmed(bytes)
        let sign = value.firstIndex { $0 == ASCII.plus || $0 == ASCII.minus } ?? value.endIndex
        var offset: UTCOffset?
        if sign < value.endIndex {
            guard let parsed = UTCOffset(bytes: value[sign..<value.endIndex]) else { return nil }
            offset = parsed
        }
        let body = value[value.startIndex..<sign]
        let dateEnd = min(body.startIndex + 8, body.endIndex)
        guard let date = DICOMDate(digits: body[body.startIndex..<dateEnd]) else { return nil }
        var time: DICOMTime?
        if dateEnd < body.endIndex {
            guard let parsed = DICOMTime(compact: body[dateEnd..<body.endIndex]) else { return nil }
            time = parsed
        }
        self.init(date: date, time: time, utcOffset: offset)
    }

    /// The ISO 8601 form FHIR uses for `dateTime`, keeping the precision of the value:
    /// `2001`, `2001-02`, `2001-02-03`, `2001-02-03T14:04:38.123+01:00`.
    ///
    /// FHIR requires seconds whenever a time is given, so missing minutes and seconds are
    /// written as zero: `2001020314` gives `2001-02-03T14:00:00` and `200102031404` gives
    /// `2001-02-03T14:04:00`. FHIR allows an offset only with a time, so the offset of a
    /// date-only value is left out. FHIR also requires an offset with a time; when the value
    /// has none, none is written, and the caller decides whether to supply one (for example
    /// from Timezone Offset From UTC) or to keep only the date.
    public var iso8601: String {
        guard let time else { return date.iso8601 }
        return date.iso8601 + "T" + time.iso8601WithSeconds + (utcOffset?.iso8601 ?? "")
    }

    /// The DICOM DT form: `20010203140438.123+0100`, with the precision of the value.
    public var description: String {
        date.description + (time?.description ?? "") + (utcOffset?.description ?? "")
    }
}
