/// The parts of one PN component group arranged as a FHIR `HumanName` has them.
///
/// This is a plain value; building the FHIR JSON is the exporter's job. Each part is trimmed
/// of surrounding spaces, and empty parts are left out.
public struct HumanNameParts: Hashable, Sendable {
    /// `HumanName.family`: the family name component, or nil when it is empty.
    public let family: String?
    /// `HumanName.given`: the given name, then the middle name, each when not empty.
    public let given: [String]
    /// `HumanName.prefix`: the prefix component, when not empty.
    public let prefix: [String]
    /// `HumanName.suffix`: the suffix component, when not empty.
    public let suffix: [String]
    /// `HumanName.text`: the parts joined by single spaces in display order, or nil when the
    /// group is empty. See `PersonName.humanName(_:)` for the order.
    public let text: String?

    /// True when the group had no non-empty component.
    public var isEmpty: Bool { text == nil }
}

extension PersonName {
    /// The FHIR `HumanName` parts of one component group (alphabetic by default).
    ///
    /// `family` is the family name, `given` is [given name, middle name], `prefix` and
    /// `suffix` hold one entry each, all without empty entries. Components are not split on
    /// spaces: `Paul Emil` stays one given name.
    ///
    /// `text` uses the order people read the name in. For the alphabetic group that is prefix,
    /// given, middle, family, suffix (`Dr John Paul Smith Jr`). The ideographic and phonetic
    /// groups are used for Japanese, Korean and Chinese names, which are read family name
    /// first, so there it is prefix, family, given, middle, suffix (`山田 太郎`). FHIR carries
    /// these two groups as separate `HumanName` entries with the `iso21090-EN-representation`
    /// extension (`IDE`, `SYL`); that is the exporter's choice.
    public func humanName(_ representation: Representation = .alphabetic) -> HumanNameParts {
        let group = self[representation]
        func clean(_ s: String) -> String? {
            let trimmed = PersonName.trimSpaces(s)
            return trimmed.isEmpty ? nil : trimmed
        }
        let family = clean(group.familyName)
        let given = [group.givenName, group.middleName].compactMap(clean)
        let prefix = clean(group.namePrefix)
        let suffix = clean(group.nameSuffix)
        let ordered: [String?]
        switch representation {
        case .alphabetic:
            ordered = [prefix] + given.map { Optional($0) } + [family, suffix]
        case .ideographic, .phonetic:
            ordered = [prefix, family] + given.map { Optional($0) } + [suffix]
        }
        let words = ordered.compactMap { $0 }
        return HumanNameParts(
            family: family,
            given: given,
            prefix: prefix.map { [$0] } ?? [],
            suffix: suffix.map { [$0] } ?? [],
            text: words.isEmpty ? nil : words.joined(separator: " "))
    }

    /// `s` without leading and trailing spaces.
    static func trimSpaces(_ s: String) -> String {
        var slice = Substring(s)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
