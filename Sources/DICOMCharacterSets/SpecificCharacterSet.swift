/// The character sets named by Specific Character Set (0008,0005), ready to decode the
/// values of SH, LO, UC, ST, LT, UT and PN elements into Swift strings (PS3.5 6.1).
///
/// Supported: the default repertoire, the ISO 8859 parts of PS3.3 Table C.12-2 (ISO_IR 100,
/// 101, 109, 110, 144, 127, 126, 138, 148, 203), TIS 620 (ISO_IR 166), JIS X 0201 (ISO_IR 13),
/// UTF-8 (ISO_IR 192), GB18030 and GBK, and their code extension forms with JIS X 0208
/// (ISO 2022 IR 87), JIS X 0212 (ISO 2022 IR 159), KS X 1001 (ISO 2022 IR 149) and GB 2312
/// (ISO 2022 IR 58). Decoding never fails: what cannot be decoded becomes U+FFFD and is
/// reported in the `warnings` of the `decode` call.
///
/// Choices where the standard leaves the reader alone:
/// - Misspelled terms ("ISO IR 100", "ISO_IR100", "utf8", "ISO-8859-5") are corrected, with
///   a warning. Leading and trailing spaces (CS padding) are removed silently.
/// - An unknown term as value 1 means the default repertoire. Bytes 0x80-0xFF under the
///   default repertoire (no G1 set) are read as UTF-8 when the whole value is valid UTF-8,
///   otherwise as Latin-1, with a warning: files that omit (0008,0005) or misname it
///   usually hold one of these two.
/// - Escape sequences for sets that (0008,0005) does not declare are followed, with a
///   warning.
public struct SpecificCharacterSet: Sendable, Equatable {
    /// The normalized defined terms, in order. Value 1 is "" for the default repertoire.
    public var terms: [String] { storage.terms }
    /// What was wrong with the given terms and how it was handled.
    public var warnings: [CharacterSetWarning] { storage.warnings }

    private var engine: Engine { storage.engine }

    /// Everything, behind one reference: every data set and item holds a set, and copying one
    /// should cost one reference count, not one per array.
    private final class Storage: Sendable {
        let terms: [String]
        let warnings: [CharacterSetWarning]
        let engine: Engine

        init(terms: [String], warnings: [CharacterSetWarning], engine: Engine) {
            self.terms = terms
            self.warnings = warnings
            self.engine = engine
        }
    }

    private let storage: Storage

    private enum Engine: Sendable {
        /// Value 1's designations, and the sets that escape sequences may designate.
        case iso2022(initial: Designations, declared: Set<GraphicSet>)
        case standAlone(StandAloneEncoding)
    }

    /// The default repertoire (ISO-IR 6), used when (0008,0005) is absent or empty.
    public static let defaultRepertoire = SpecificCharacterSet(terms: [])

    /// Reads the values of (0008,0005), already split on backslash; padding is allowed.
    public init(terms given: [String]) {
        var warnings: [CharacterSetWarning] = []
        var resolved: [DefinedTerm] = []
        for (position, value) in given.enumerated() {
            let trimmed = TermNormalizer.trimPadding(value)
            if trimmed.isEmpty {
                if position == 0 { resolved.append(.defaultRepertoire) }
                continue  // an empty later value names nothing
            }
            switch TermNormalizer.resolve(trimmed) {
            case .exact(let term):
                resolved.append(term)
            case .corrected(let term):
                warnings.append(.misspelledTerm(given: trimmed, using: term.name))
                resolved.append(term)
            case .unknown:
                warnings.append(.unknownTerm(trimmed))
                if position == 0 { resolved.append(.defaultRepertoire) }
            }
        }
        if resolved.isEmpty { resolved = [.defaultRepertoire] }
        let first = resolved[0]
        if first.standAlone != nil {
            if resolved.count > 1 {
                warnings.append(.codeExtensionsNotAllowed(
                    term: first.name, ignored: resolved.dropFirst().map(\.name)))
            }
            resolved = [first]
        } else if resolved.count > 1 {
            resolved = Self.codeExtensionTerms(resolved, warnings: &warnings)
        }
        let engine: Engine
        if let encoding = first.standAlone {
            engine = .standAlone(encoding)
        } else {
            let declared = Set(resolved.flatMap(\.sets)).union([.ascii])
            let initial = first.initial ?? Designations(g0: .ascii, g1: nil)
            engine = .iso2022(initial: initial, declared: declared)
        }
        storage = Storage(terms: resolved.map(\.name), warnings: warnings, engine: engine)
    }

    /// With several values, drops stand-alone terms after value 1 and spells the others in
    /// their "ISO 2022 IR n" form.
    private static func codeExtensionTerms(
        _ terms: [DefinedTerm], warnings: inout [CharacterSetWarning]
    ) -> [DefinedTerm] {
        var kept: [DefinedTerm] = []
        for (position, term) in terms.enumerated() {
            if position > 0, term.standAlone != nil {
                warnings.append(.standAloneTermIgnored(term.name))
            } else if term.name.isEmpty || term.announcesCodeExtensions {
                kept.append(term)
            } else if let extended = term.codeExtensionForm {
                warnings.append(.misspelledTerm(given: term.name, using: extended.name))
                kept.append(extended)
            } else {
                kept.append(term)
            }
        }
        return kept
    }

    /// True when a value may switch character sets with escape sequences: some term is an
    /// "ISO 2022 ..." one.
    public var isISO2022: Bool {
        terms.contains { $0.hasPrefix("ISO 2022") }
    }

    /// True when a value of bytes 0x00-0x7F without ESC decodes to the same ASCII text, so a
    /// reader may take such bytes as they are (every set but ISO 2022 IR 13 as the first term,
    /// whose G0 is JIS X 0201 romaji).
    public var decodesPlainASCIIAsASCII: Bool {
        switch engine {
        case .standAlone: return true
        case .iso2022(let initial, _): return initial.g0 == .ascii
        }
    }

    /// True when, in a value without ESC, every byte 0x5C is a backslash (the value delimiter)
    /// and every byte 0x20 a space: so a reader may split and trim such a value on its bytes and
    /// decode each value alone. False for GB18030 and GBK, whose two-byte characters may hold
    /// 0x5C, and for ISO 2022 IR 13 as the first term (0x5C is the yen sign in JIS X 0201).
    public var delimitsOnBytes: Bool {
        switch engine {
        case .standAlone(let encoding): return encoding == .utf8
        case .iso2022(let initial, _): return initial.g0 == .ascii
        }
    }

    /// Two sets are equal when they have the same normalized terms (and so decode alike).
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage === rhs.storage || lhs.terms == rhs.terms }

    // MARK: Decoding

    /// Decodes a whole raw value (all of its values, backslashes included; trailing padding
    /// is kept). Split the result on "\\" afterwards, not the bytes before.
    public func decode(_ bytes: [UInt8], isPersonName: Bool = false) -> String {
        var ignored: [CharacterSetWarning] = []
        return decode(bytes[...], kind: isPersonName ? .personName : .multiValued, warnings: &ignored)
    }

    /// Decodes a whole raw value given as a slice of a larger buffer.
    public func decode(_ bytes: ArraySlice<UInt8>, isPersonName: Bool = false) -> String {
        var ignored: [CharacterSetWarning] = []
        return decode(bytes, kind: isPersonName ? .personName : .multiValued, warnings: &ignored)
    }

    /// Decodes a whole raw value of the given kind and appends what went wrong to `warnings`.
    /// Offsets in the warnings count from `bytes.startIndex`.
    public func decode(
        _ bytes: ArraySlice<UInt8>, kind: StringValueKind, warnings: inout [CharacterSetWarning]
    ) -> String {
        if bytes.isEmpty { return "" }
        switch engine {
        case .standAlone(let encoding):
            if Self.isPlainASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
            return StandAloneDecoder.decode(bytes, as: encoding, warnings: &warnings)
        case .iso2022(let initial, let declared):
            // With ASCII in G0 and no ESC, ASCII bytes mean themselves; JIS X 0201 romaji
            // differs at 0x5C and 0x7E.
            if initial.g0 == .ascii, Self.isPlainASCII(bytes) {
                return String(decoding: bytes, as: UTF8.self)
            }
            let decoder = ISO2022Decoder(initial: initial, declared: declared, kind: kind)
            return decoder.decode(bytes, warnings: &warnings)
        }
    }

    /// True when every byte is 0x00-0x7F and none is ESC.
    private static func isPlainASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        var combined: UInt8 = 0
        var sawEscape = false
        for byte in bytes {
            combined |= byte
            sawEscape = sawEscape || byte == EscapeSequence.escape
        }
        return combined < 0x80 && !sawEscape
    }
}
