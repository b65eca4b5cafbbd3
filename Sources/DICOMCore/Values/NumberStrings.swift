/// Parses an Integer String (IS) value (PS3.5 6.2): optional `+` or `-`, then decimal digits,
/// in the range -2^31 to 2^31-1.
///
/// Leading spaces and trailing spaces or NULs are ignored; embedded spaces, a decimal point
/// (`1.0`), an exponent or an empty value give nil, as does a number out of range. Leading
/// zeros are allowed (`007` is 7).
public func parseIS<S: StringProtocol>(_ text: S) -> Int? {
    parseIS(bytes: ASCII.bytes(text))
}

/// Parses an Integer String (IS) value from its bytes, with the rules of `parseIS(_:)`.
public func parseIS(bytes: ArraySlice<UInt8>) -> Int? {
    let value = ASCII.trimmed(bytes)
    var i = value.startIndex
    var negative = false
    if i < value.endIndex, value[i] == ASCII.plus || value[i] == ASCII.minus {
        negative = value[i] == ASCII.minus
        i += 1
    }
    guard i < value.endIndex else { return nil }
    let limit = negative ? 1 << 31 : (1 << 31) - 1
    var magnitude = 0
    while i < value.endIndex {
        guard let d = ASCII.digit(value[i]) else { return nil }
        magnitude = magnitude * 10 + d
        guard magnitude <= limit else { return nil }
        i += 1
    }
    return negative ? -magnitude : magnitude
}

/// Parses a Decimal String (DS) value (PS3.5 6.2): a fixed point number (`-1.5`, `.5`, `5.`)
/// or a floating point number with an `E` or `e` exponent (`1.5E-3`).
///
/// Leading spaces and trailing spaces or NULs are ignored. Nil for an empty value, embedded
/// spaces, a missing mantissa (`E5`, `.`), an exponent without digits, a comma, hexadecimal,
/// the texts `NaN`, `inf` and `infinity`, and a number too large for a finite `Double`
/// (`1E999`). A number too small underflows to zero, as `strtod` does.
public func parseDS<S: StringProtocol>(_ text: S) -> Double? {
    parseDS(bytes: ASCII.bytes(text))
}

/// Parses a Decimal String (DS) value from its bytes, with the rules of `parseDS(_:)`.
public func parseDS(bytes: ArraySlice<UInt8>) -> Double? {
    let value = ASCII.trimmed(bytes)
    guard isDecimalStringSyntax(value) else { return nil }
    guard let number = Double(String(decoding: value, as: UTF8.self)), number.isFinite else { return nil }
    return number
}

/// True when `value` is `[+-]digits[.digits][(E|e)[+-]digits]` with at least one mantissa
/// digit (either side of the point).
private func isDecimalStringSyntax(_ value: ArraySlice<UInt8>) -> Bool {
    var i = value.startIndex
    let end = value.endIndex
    func skipDigits() -> Int {
        let start = i
        while i < end, ASCII.digit(value[i]) != nil { i += 1 }
        return i - start
    }
    if i < end, value[i] == ASCII.plus || value[i] == ASCII.minus { i += 1 }
    var mantissaDigits = skipDigits()
    if i < end, value[i] == ASCII.dot {
        i += 1
        mantissaDigits += skipDigits()
    }
    guard mantissaDigits > 0 else { return false }
    if i < end, value[i] == 0x45 || value[i] == 0x65 {  // E or e
        i += 1
        if i < end, value[i] == ASCII.plus || value[i] == ASCII.minus { i += 1 }
        guard skipDigits() > 0 else { return false }
    }
    return i == end
}
