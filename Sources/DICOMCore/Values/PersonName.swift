/// A Person Name (PN) value, parsed from text that is already decoded with the Specific
/// Character Set (PS3.5 6.2.1).
///
/// A name has up to three component groups separated by `=`: alphabetic, ideographic and
/// phonetic (`Yamada^Tarou=山田^太郎=やまだ^たろう`). Each group has up to five components
/// separated by `^`: family name, given name, middle name, prefix, suffix. Trailing empty
/// components and groups may be left off, so `Smith` and `Smith^^^^` name the same person.
///
/// The text is kept: `formatted` and `description` give back the value as written (without
/// trailing spaces, which PN does not count). Two names are equal when their components are,
/// whatever delimiters were left off.
public struct PersonName: Hashable, Sendable, CustomStringConvertible {
    /// One component group: five components, each empty when absent.
    public struct ComponentGroup: Hashable, Sendable {
        /// The family name complex (first component).
        public let familyName: String
        /// The given name complex (second component).
        public let givenName: String
        /// Middle name(s) (third component).
        public let middleName: String
        /// Name prefix, such as a title (fourth component).
        public let namePrefix: String
        /// Name suffix (fifth component).
        public let nameSuffix: String

        /// Creates a group from its components; absent ones are empty strings.
        public init(familyName: String = "", givenName: String = "", middleName: String = "",
                    namePrefix: String = "", nameSuffix: String = "") {
            self.familyName = familyName
            self.givenName = givenName
            self.middleName = middleName
            self.namePrefix = namePrefix
            self.nameSuffix = nameSuffix
        }

        /// Splits one group on `^`. Components after the fifth are not standard and are left
        /// out of the fields (`PersonName.formatted` still has them).
        init(parsing text: Substring) {
            let parts = text.split(separator: "^", maxSplits: 5, omittingEmptySubsequences: false)
            func part(_ i: Int) -> String { i < parts.count ? String(parts[i]) : "" }
            self.init(familyName: part(0), givenName: part(1), middleName: part(2),
                      namePrefix: part(3), nameSuffix: part(4))
        }

        /// The five components in order: family, given, middle, prefix, suffix.
        public var components: [String] { [familyName, givenName, middleName, namePrefix, nameSuffix] }

        /// True when every component is empty.
        public var isEmpty: Bool { components.allSatisfy { $0.isEmpty } }

        /// The group in DICOM form with trailing empty components left off:
        /// `Smith^John`, `^John`, `Smith`, or the empty string.
        public var formatted: String {
            var parts = components
            while let last = parts.last, last.isEmpty { parts.removeLast() }
            return parts.joined(separator: "^")
        }
    }

    /// Which of the three component groups, in the order they are written.
    public enum Representation: Int, Sendable, CaseIterable {
        /// The first group: single-byte characters, usually Latin letters.
        case alphabetic
        /// The second group: ideographic characters such as Kanji or Hanja.
        case ideographic
        /// The third group: phonetic characters such as Hiragana or Hangul.
        case phonetic
    }

    /// The first group (alphabetic).
    public let alphabetic: ComponentGroup
    /// The second group (ideographic); empty when absent.
    public let ideographic: ComponentGroup
    /// The third group (phonetic); empty when absent.
    public let phonetic: ComponentGroup
    /// The value as written, without trailing spaces.
    public let formatted: String

    /// Parses a PN value. Every text is a name: an empty text gives an empty name. Trailing
    /// spaces are removed first; leading spaces and spaces inside components are kept. Groups
    /// after the third are not standard and are left out of the groups (`formatted` keeps
    /// them).
    public init<S: StringProtocol>(_ text: S) {
        var value = Substring(text)
        while value.last == " " { value.removeLast() }
        let groups = value.split(separator: "=", maxSplits: 3, omittingEmptySubsequences: false)
        func group(_ i: Int) -> ComponentGroup {
            i < groups.count ? ComponentGroup(parsing: groups[i]) : ComponentGroup()
        }
        alphabetic = group(0)
        ideographic = group(1)
        phonetic = group(2)
        formatted = String(value)
    }

    /// Creates a name from its groups; `formatted` is the canonical form.
    public init(alphabetic: ComponentGroup, ideographic: ComponentGroup = ComponentGroup(),
                phonetic: ComponentGroup = ComponentGroup()) {
        self.alphabetic = alphabetic
        self.ideographic = ideographic
        self.phonetic = phonetic
        formatted = PersonName.canonical(alphabetic, ideographic, phonetic)
    }

    /// The group for `representation`.
    public subscript(_ representation: Representation) -> ComponentGroup {
        switch representation {
        case .alphabetic: return alphabetic
        case .ideographic: return ideographic
        case .phonetic: return phonetic
        }
    }

    /// True when every component of every group is empty.
    public var isEmpty: Bool { alphabetic.isEmpty && ideographic.isEmpty && phonetic.isEmpty }

    /// The name in DICOM form with every trailing empty component and group left off:
    /// `Smith^John^^^=` becomes `Smith^John`.
    public var canonical: String { PersonName.canonical(alphabetic, ideographic, phonetic) }

    /// The value as written (`formatted`).
    public var description: String { formatted }

    /// Equal when all fifteen components are equal.
    public static func == (lhs: PersonName, rhs: PersonName) -> Bool {
        lhs.alphabetic == rhs.alphabetic && lhs.ideographic == rhs.ideographic && lhs.phonetic == rhs.phonetic
    }

    /// Hashes the components, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(alphabetic)
        hasher.combine(ideographic)
        hasher.combine(phonetic)
    }

    private static func canonical(_ groups: ComponentGroup...) -> String {
        var parts = groups.map(\.formatted)
        while let last = parts.last, last.isEmpty { parts.removeLast() }
        return parts.joined(separator: "=")
    }
}
