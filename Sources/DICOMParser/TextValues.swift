import DICOMCharacterSets
import DICOMCore

/// The text values of a data set and of its items, decoded from its bytes while
/// `DataSet.withTextValues(cache:_:)` lends them: the same values as the data set's
/// `string(_:)`, `strings(_:)` and `int(_:)`, without each call fetching the bytes again, and,
/// with a cache (one per thread), the strings of values seen before handed out again.
///
/// It holds a `ByteReader`: it must not outlive the closure it is given to.
///
/// ```swift
/// let name = file.dataSet.withTextValues(cache: cache) { values in values.string(.patientName) }
/// ```
public struct TextValues {
    /// The data set whose values these are.
    public let dataSet: DataSet
    let reader: ByteReader
    let cache: ValueStringCache?

    /// The first value of the string element with `tag`, as `DataSet.string(_:)` gives it.
    public func string(_ tag: Tag) -> String? {
        guard let element = dataSet.element(tag), element.vr.isString, element.valueLength > 0 else { return nil }
        let first = firstValueOnBytes(element) ?? dataSet.strings(of: element).first ?? ""
        return first.isEmpty ? nil : first
    }

    /// The (first) UID of the UI element with `tag`, as `DataSet.uid(_:)` gives it.
    public func uid(_ tag: Tag) -> String? { string(tag) }

    /// The values of the string element with `tag`, as `DataSet.strings(_:)` gives them.
    public func strings(_ tag: Tag) -> [String] {
        guard let element = dataSet.element(tag) else { return [] }
        guard let cache else { return dataSet.strings(of: element) }
        let range = element.valueRange.clamped(to: 0..<reader.count)
        if let cached = cache.list(tag, reader, range, dataSet.characterSet) { return cached }
        let made = dataSet.strings(of: element)
        cache.store(made, tag, reader, range, decodedWith: dataSet.characterSet)
        return made
    }

    /// The first integer value of the element with `tag`, as `DataSet.int(_:)` gives it.
    public func int(_ tag: Tag) -> Int? {
        guard let element = dataSet.element(tag) else { return nil }
        if element.vr == .IS {
            // One plain ASCII value is its bytes: parsed as `ints(of:)` parses its string.
            let range = element.valueRange.clamped(to: 0..<reader.count)
            let facts = reader.textFacts(range)
            if facts.isPlainASCII, facts.firstBackslash == nil {
                let single = dataSet.storage.bytes[range]
                return parseIS(bytes: single) ?? parseDS(bytes: single).flatMap { Int(exactly: $0) }
            }
        }
        return dataSet.ints(of: element).first
    }

    /// The items of the sequence with `tag`, with their values over the same bytes.
    public func items(_ tag: Tag) -> [TextValues] {
        dataSet.items(tag).map { TextValues(dataSet: $0, reader: reader, cache: cache) }
    }

    /// The first value of a string element split and trimmed on the bytes and decoded alone,
    /// as `DataSet.strings(of:)` gives it; nil when the value needs the general path (ESC, or
    /// bytes 0x80 and above in a VR without a Specific Character Set, or a set whose 0x5C is
    /// not always a backslash).
    private func firstValueOnBytes(_ element: Element) -> String? {
        let vr = element.vr
        let usesSet = vr.usesSpecificCharacterSet
        if usesSet && !dataSet.characterSet.delimitsOnBytes { return nil }
        let range = element.valueRange.clamped(to: 0..<reader.count)
        let facts = reader.textFacts(range)
        if !facts.isPlainASCII && (!usesSet || facts.hasEscape) { return nil }
        let single = vr.isSingleValuedText
        let value = DataSet.trimmed(range.lowerBound..<(single ? range.upperBound : facts.firstBackslash ?? range.upperBound),
                                    vr, reader)
        if facts.isPlainASCII || !reader.textFacts(value).hasHighBytes {
            if let cached = cache?.plainString(element.tag, reader, value) { return cached }
            let made = reader.utf8String(value)
            cache?.store(made, element.tag, reader, value, decodedWith: nil)
            return made
        }
        let set = dataSet.characterSet
        if let cached = cache?.decodedString(element.tag, reader, value, set) { return cached }
        var ignored: [CharacterSetWarning] = []
        let kind: StringValueKind = vr == .PN ? .personName : (single ? .text : .multiValued)
        let made = set.decode(dataSet.storage.bytes[value], kind: kind, warnings: &ignored)
        cache?.store(made, element.tag, reader, value, decodedWith: set)
        return made
    }
}

extension DataSet {
    /// Runs `body` with this data set's text values over its bytes (see `TextValues`).
    public func withTextValues<R>(cache: ValueStringCache? = nil, _ body: (TextValues) throws -> R) rethrows -> R {
        try storage.bytes.withByteReader { try body(TextValues(dataSet: self, reader: $0, cache: cache)) }
    }
}
