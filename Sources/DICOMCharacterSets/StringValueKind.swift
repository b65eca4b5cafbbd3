/// Which delimiters a string value has, which decides where ISO 2022 designations return to
/// their initial state (PS3.5 6.1.2.5.3) and what byte 0x5C means.
///
/// In every kind, designations also return to the initial state at CR, LF, FF, TAB and the
/// other C0 control characters except ESC.
public enum StringValueKind: Sendable, Equatable {
    /// SH, LO, UC and the other multi-valued string VRs: 0x5C (backslash) separates values.
    /// It stays a backslash even where G0 is JIS X 0201 romaji (PS3.5 H.1.1, note 3), so that
    /// the caller can split the decoded text on "\\".
    case multiValued
    /// PN: like `multiValued`, and "^" and "=" separate name components and groups.
    case personName
    /// ST, LT, UT: a single value with no delimiters. 0x5C is a character (YEN SIGN under
    /// JIS X 0201 romaji).
    case text
}
