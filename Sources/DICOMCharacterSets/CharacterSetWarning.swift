/// How bytes outside the declared repertoire were read.
public enum FallbackEncoding: String, Sendable, Equatable {
    /// The whole value was valid UTF-8, so its non-ASCII bytes were read as UTF-8.
    case utf8 = "UTF-8"
    /// Each non-ASCII byte was read as ISO 8859-1.
    case latin1 = "ISO 8859-1"
}

/// Something in (0008,0005) or in a value that was not as the standard says, and what the
/// decoder did about it. None of these stops decoding.
///
/// Offsets in the value warnings count bytes from the start of the value passed to `decode`.
public enum CharacterSetWarning: Sendable, Equatable, CustomStringConvertible {
    /// A known misspelling or alias of a defined term, e.g. "ISO IR 100" for "ISO_IR 100",
    /// or "ISO_IR 100" as one of several values (where "ISO 2022 IR 100" is meant).
    case misspelledTerm(given: String, using: String)
    /// A value of (0008,0005) that names no known character set. As value 1 it is replaced by
    /// the default repertoire; as a later value it is dropped.
    case unknownTerm(String)
    /// Value 1 is ISO_IR 192, GB18030 or GBK, which allow no code extensions; the other
    /// values were ignored.
    case codeExtensionsNotAllowed(term: String, ignored: [String])
    /// ISO_IR 192, GB18030 or GBK given as a later value, where it cannot be a code
    /// extension; it was ignored.
    case standAloneTermIgnored(String)
    /// A well-formed escape sequence that designates no set this decoder knows; it was
    /// skipped and the designations kept.
    case unknownEscapeSequence(offset: Int, bytes: [UInt8])
    /// An ESC byte not followed by a complete escape sequence; it became U+FFFD.
    case malformedEscapeSequence(offset: Int)
    /// An escape sequence for a set that (0008,0005) does not declare; it was followed anyway.
    /// `term` is the defined term that would have declared it.
    case undeclaredEscapeSequence(offset: Int, term: String)
    /// Bytes with no meaning in the active character set; `replacements` U+FFFD characters
    /// stand for them, the first at `offset`.
    case undecodableBytes(offset: Int, replacements: Int)
    /// Bytes 0x80-0xFF where no set was designated to G1 (the default repertoire has none);
    /// they were read as `decodedAs`, the first at `offset`.
    case bytesOutsideRepertoire(offset: Int, decodedAs: FallbackEncoding)

    public var description: String {
        switch self {
        case .misspelledTerm(let given, let using):
            return "Specific Character Set '\(given)' is not a defined term - assuming '\(using)'"
        case .unknownTerm(let term):
            return "unknown Specific Character Set '\(term)' - using the default repertoire"
        case .codeExtensionsNotAllowed(let term, let ignored):
            return "Specific Character Set '\(term)' allows no code extensions - ignoring "
                + ignored.map { "'\($0)'" }.joined(separator: ", ")
        case .standAloneTermIgnored(let term):
            return "Specific Character Set '\(term)' cannot be a code extension - ignoring it"
        case .unknownEscapeSequence(let offset, let bytes):
            let text = bytes.map { hex($0) }.joined(separator: " ")
            return "offset \(offset): unknown escape sequence \(text) skipped"
        case .malformedEscapeSequence(let offset):
            return "offset \(offset): ESC not followed by an escape sequence"
        case .undeclaredEscapeSequence(let offset, let term):
            return "offset \(offset): escape sequence for '\(term)', which (0008,0005) does not declare"
        case .undecodableBytes(let offset, let replacements):
            return "offset \(offset): \(replacements) undecodable byte sequence(s) replaced by U+FFFD"
        case .bytesOutsideRepertoire(let offset, let decodedAs):
            return "offset \(offset): bytes outside the declared repertoire read as \(decodedAs.rawValue)"
        }
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
}
