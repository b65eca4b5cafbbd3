/// Which padding of a string value is insignificant, by VR (PS3.5 6.2).
///
/// - `.leadingAndTrailing`: AE, AS, CS, DA, DS, DT, IS, LO, SH, TM. Leading spaces and
///   trailing spaces are not part of the value; trailing NULs are tolerated as padding too.
/// - `.trailing`: LT, PN, ST, UC, UR, UT. Trailing spaces are not part of the value; leading
///   spaces are (LT, ST and UT keep them by rule; PN, UC and UR are left as written).
///   Trailing NULs are tolerated as padding: a NUL is never text in these VRs.
/// - `.trailingNUL`: UI. Values are padded with a trailing NUL; trailing spaces, which some
///   writers use instead, are tolerated.
/// - `.none`: every other VR (binary, SQ, UN); nothing is trimmed.
public enum ValuePadding: Sendable {
    /// Leading spaces, and trailing spaces or NULs, are insignificant.
    case leadingAndTrailing
    /// Trailing spaces (or NULs) are insignificant; leading spaces are kept.
    case trailing
    /// Trailing NULs (or spaces) are insignificant; leading spaces are kept.
    case trailingNUL
    /// Nothing is trimmed.
    case none

    /// The padding rule for `vr`.
    @inlinable public init(_ vr: VR) {
        switch vr {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .SH, .TM: self = .leadingAndTrailing
        case .LT, .PN, .ST, .UC, .UR, .UT: self = .trailing
        case .UI: self = .trailingNUL
        default: self = .none
        }
    }

    /// The part of `bytes[range]` left after removing the insignificant padding.
    func trim<C: BidirectionalCollection>(_ bytes: C, _ range: Range<C.Index>) -> Range<C.Index>
    where C.Element == UInt8 {
        var lower = range.lowerBound
        var upper = range.upperBound
        switch self {
        case .none:
            return range
        case .leadingAndTrailing:
            while lower < upper, bytes[lower] == ASCII.space { bytes.formIndex(after: &lower) }
        case .trailing, .trailingNUL:
            break
        }
        while lower < upper {
            let before = bytes.index(before: upper)
            guard bytes[before] == ASCII.space || bytes[before] == ASCII.nul else { break }
            upper = before
        }
        return lower..<upper
    }
}
