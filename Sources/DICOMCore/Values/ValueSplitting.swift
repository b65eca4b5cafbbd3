// Trimming and splitting of string values by VR, on bytes or on decoded text (PS3.5 6.2,
// 6.4). The rules are those of `ValuePadding`.
//
// Splitting on the byte 0x5C (backslash) is right for the default repertoire, the ISO 8859
// sets, UTF-8 and the ISO 2022 sets that put two-byte characters in G1 (KS X 1001, GB 2312),
// where 0x5C is always a backslash. In GBK, GB18030 and JIS X 0208 / JIS X 0212 (ISO 2022
// IR 87 and IR 159, encoded in G0) 0x5C can be a byte of a two-byte character: for values in
// those sets, decode first and split the text with `splitValues(of:vr:)` on `Substring`.

/// The range of `bytes` left after removing the padding `vr` does not count (see
/// `ValuePadding`). The range uses the indices of `bytes`, so it can index the array the
/// slice came from. VRs that are not strings get the whole range.
public func trimmedRange(of bytes: ArraySlice<UInt8>, vr: VR) -> Range<Int> {
    ValuePadding(vr).trim(bytes, bytes.indices)
}

/// The ranges of the values in a string element, each trimmed as `trimmedRange(of:vr:)` does.
///
/// Multi-valued string VRs are split on backslash (0x5C): `A\B\` has three values, the last
/// one empty. LT, ST, UT and UR hold a single value in which a backslash is text, so they are
/// never split; neither are VRs that are not strings, which get their whole range. An empty
/// element has no values and gives an empty array.
public func splitValues(of bytes: ArraySlice<UInt8>, vr: VR) -> [Range<Int>] {
    guard !bytes.isEmpty else { return [] }
    let padding = ValuePadding(vr)
    guard vr.isString, !vr.isSingleValuedText else { return [padding.trim(bytes, bytes.indices)] }
    var ranges: [Range<Int>] = []
    var start = bytes.startIndex
    for i in bytes.indices where bytes[i] == ASCII.backslash {
        ranges.append(padding.trim(bytes, start..<i))
        start = i + 1
    }
    ranges.append(padding.trim(bytes, start..<bytes.endIndex))
    return ranges
}

/// `text` without the padding `vr` does not count: the text counterpart of
/// `trimmedRange(of:vr:)`, for values already decoded from their character set.
public func trimmed(_ text: Substring, vr: VR) -> Substring {
    text[ValuePadding(vr).trim(text.utf8, text.utf8.startIndex..<text.utf8.endIndex)]
}

/// The values of a decoded string element, each trimmed: the text counterpart of
/// `splitValues(of:vr:)`, with the same rules. Use it for character sets in which the byte
/// 0x5C is not always a backslash.
public func splitValues(of text: Substring, vr: VR) -> [Substring] {
    guard !text.isEmpty else { return [] }
    guard vr.isString, !vr.isSingleValuedText else { return [trimmed(text, vr: vr)] }
    return text.split(separator: "\\", omittingEmptySubsequences: false).map { trimmed($0, vr: vr) }
}
