/// A DA range matching value, as used in queries (PS3.4 C.2.2.2.5): `20010101-20011231`,
/// `20010101-` (on or after), `-20011231` (on or before).
///
/// A bound may have reduced precision: a lower bound `2001` starts on 1 January 2001 and an
/// upper bound `2001` ends on 31 December 2001.
public struct DICOMDateRange: Hashable, Sendable, CustomStringConvertible {
    /// The first date of the range, or nil when the range is open below.
    public let lower: DICOMDate?
    /// The last date of the range, or nil when the range is open above.
    public let upper: DICOMDate?

    /// Creates a range; nil when both bounds are missing or when `lower` starts after `upper`
    /// ends.
    public init?(lower: DICOMDate?, upper: DICOMDate?) {
        guard lower != nil || upper != nil else { return nil }
        if let lower, let upper, DICOMDateRange.firstDay(lower) > DICOMDateRange.lastDay(upper) {
            return nil
        }
        self.lower = lower
        self.upper = upper
    }

    /// Parses `A-B`, `A-` or `-B`, where each bound is a DA value (see `DICOMDate.init?(_:)`);
    /// a single date `A` gives the one-date range `A-A`. Spaces around the whole value are
    /// ignored. Nil when a bound is not a valid date, when there is more than one `-`, or when
    /// the range is empty or reversed.
    public init?<S: StringProtocol>(_ text: S) {
        let value = ASCII.trimmed(ASCII.bytes(text))
        let dashes = value.indices.filter { value[$0] == ASCII.minus }
        switch dashes.count {
        case 0:
            guard let date = DICOMDate(bytes: value) else { return nil }
            self.init(lower: date, upper: date)
        case 1:
            let dash = dashes[0]
            let left = value[value.startIndex..<dash]
            let right = value[(dash + 1)..<value.endIndex]
            var lower: DICOMDate?
            var upper: DICOMDate?
            if !left.isEmpty {
                guard let date = DICOMDate(bytes: left) else { return nil }
                lower = date
            }
            if !right.isEmpty {
                guard let date = DICOMDate(bytes: right) else { return nil }
                upper = date
            }
            self.init(lower: lower, upper: upper)
        default:
            return nil
        }
    }

    /// True when every day of `date` lies inside the range. For a full date this is the usual
    /// test; a reduced precision date (`200102`) must fit whole (all of February 2001).
    public func contains(_ date: DICOMDate) -> Bool {
        if let lower, DICOMDateRange.firstDay(date) < DICOMDateRange.firstDay(lower) { return false }
        if let upper, DICOMDateRange.lastDay(date) > DICOMDateRange.lastDay(upper) { return false }
        return true
    }

    /// The DICOM form: `20010101-20011231`, `20010101-` or `-20011231`.
    public var description: String {
        (lower?.description ?? "") + "-" + (upper?.description ?? "")
    }

    /// The first day a date covers, as a comparable (year, month, day).
    static func firstDay(_ date: DICOMDate) -> (Int, Int, Int) {
        (date.year, date.month ?? 1, date.day ?? 1)
    }

    /// The last day a date covers, as a comparable (year, month, day).
    static func lastDay(_ date: DICOMDate) -> (Int, Int, Int) {
        let month = date.month ?? 12
        return (date.year, month, date.day ?? DICOMDate.daysIn(month: month, year: date.year))
    }
}
