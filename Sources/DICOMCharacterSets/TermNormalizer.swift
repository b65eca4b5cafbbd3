/// Maps the spellings of (0008,0005) seen in real files to defined terms.
///
/// Follows pydicom's `convert_encodings` (charset.py): "ISO IR 100", "ISO-IR 100" and
/// "ISO_2022-IR 100" are corrected to the standard spelling, and Python codec names such as
/// "utf8" or "latin_1" are understood. Being a little wider than pydicom, separators and case
/// are ignored altogether ("ISO_IR100", "iso_ir 100", "ISOIR 192"), and common iconv names
/// ("ISO-8859-5", "EUC-KR", "GB2312") are mapped as well.
enum TermNormalizer {
    /// How a trimmed value of (0008,0005) was understood.
    enum Resolution: Equatable {
        /// The value is a defined term, spelled as the standard spells it.
        case exact(DefinedTerm)
        /// The value is a known misspelling or alias of a defined term.
        case corrected(DefinedTerm)
        /// Nothing known matches the value.
        case unknown
    }

    /// Resolves one value of (0008,0005) after leading and trailing padding was removed.
    static func resolve(_ value: String) -> Resolution {
        if let term = DefinedTerm.byName[value] { return .exact(term) }
        let key = squeezed(value)
        if let term = aliases[key] { return .corrected(term) }
        if let term = registrationTerm(key) { return .corrected(term) }
        return .unknown
    }

    /// Removes leading and trailing spaces and NULs: CS values are padded with a space to an
    /// even length, and some writers pad with NUL. This padding is not a misspelling.
    static func trimPadding(_ value: String) -> String {
        let isPadding: (Character) -> Bool = { $0 == " " || $0 == "\0" }
        guard let first = value.firstIndex(where: { !isPadding($0) }),
              let last = value.lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(value[first...last])
    }

    /// Upper case with every separator removed: "iso_2022-IR 100" -> "ISO2022IR100".
    private static func squeezed(_ value: String) -> String {
        String(value.uppercased().filter { !" _-+./".contains($0) })
    }

    /// "ISOIR<n>", "ISO2022IR<n>" and "ISO2022<n>" with a registration number DICOM defines.
    /// An ISO 2022 spelling of a stand-alone set (192) or an ISO_IR spelling of a two-byte
    /// code extension (87, 159, 149, 58) is taken to mean the one that exists.
    private static func registrationTerm(_ key: String) -> DefinedTerm? {
        let number: Substring
        let preferExtension: Bool
        if key.hasPrefix("ISO2022IR") {
            number = key.dropFirst(9)
            preferExtension = true
        } else if key.hasPrefix("ISO2022") {
            number = key.dropFirst(7)
            preferExtension = true
        } else if key.hasPrefix("ISOIR") {
            number = key.dropFirst(5)
            preferExtension = false
        } else {
            return nil
        }
        guard !number.isEmpty, number.allSatisfy(\.isASCIIDigit), let n = Int(number) else { return nil }
        let plain = DefinedTerm.byName["ISO_IR \(n)"]
        let extended = DefinedTerm.byName["ISO 2022 IR \(n)"]
        return preferExtension ? (extended ?? plain) : (plain ?? extended)
    }

    /// Codec names and other aliases, keyed by their squeezed spelling.
    private static let aliases: [String: DefinedTerm] = {
        var table: [String: String] = [
            "ASCII": "ISO_IR 6", "USASCII": "ISO_IR 6", "ISO646": "ISO_IR 6",
            "UTF8": "ISO_IR 192", "UNICODE": "ISO_IR 192",
            "GB18030": "GB18030", "GBK": "GBK", "CP936": "GBK", "ISO2022GBK": "GBK",
            "GB2312": "ISO 2022 IR 58", "EUCCN": "ISO 2022 IR 58",
            "EUCKR": "ISO 2022 IR 149", "KSC5601": "ISO 2022 IR 149", "KSX1001": "ISO 2022 IR 149",
            "LATIN1": "ISO_IR 100", "L1": "ISO_IR 100", "ISO8859": "ISO_IR 100",
            "LATIN2": "ISO_IR 101", "LATIN3": "ISO_IR 109", "LATIN4": "ISO_IR 110",
            "LATIN5": "ISO_IR 148", "LATIN9": "ISO_IR 203",
            "CYRILLIC": "ISO_IR 144", "ARABIC": "ISO_IR 127", "GREEK": "ISO_IR 126",
            "HEBREW": "ISO_IR 138", "TIS620": "ISO_IR 166", "THAI": "ISO_IR 166",
            "JISX0201": "ISO_IR 13",
        ]
        for set in SingleByteSet.allCases {
            guard let part = set.iso8859Part else { continue }
            table["ISO8859\(part)"] = "ISO_IR \(set.registration)"
            table["8859\(part)"] = "ISO_IR \(set.registration)"
        }
        return table.compactMapValues { DefinedTerm.byName[$0] }
    }()
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
