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
    /// The cache, used when `caching`. Never optional: copying an optional reference here went
    /// through the runtime's generic copy, a few dozen instructions a value.
    let cache: ValueStringCache
    let caching: Bool
    /// The cache's number for the data set's character set.
    let setID: Int

    init(dataSet: DataSet, reader: ByteReader, cache: ValueStringCache?) {
        self.dataSet = dataSet
        self.reader = reader
        self.cache = cache ?? ValueStringCache.unused
        caching = cache != nil
        setID = cache?.setID(for: dataSet.characterSet) ?? -1
    }

    /// Values of an item, over the same bytes and cache.
    private init(item: DataSet, of parent: TextValues) {
        dataSet = item
        reader = parent.reader
        cache = parent.cache
        caching = parent.caching
        setID = parent.caching ? parent.cache.setID(for: item.characterSet) : -1
    }

    /// The first value of the string element with `tag`, as `DataSet.string(_:)` gives it.
    public func string(_ tag: Tag) -> String? {
        dataSet.element(tag).flatMap { string(of: $0) }
    }

    /// The first value of `element`, one of this data set's: what `string(_:)` gives for its
    /// tag when it is the first element with that tag.
    public func string(of element: Element) -> String? {
        guard element.vr.isString, element.valueLength > 0 else { return nil }
        let first: String
        if caching {
            // A value is a function of its bytes, its VR and the character set.
            let range = element.valueRange.clamped(to: 0..<reader.count)
            if let cached = cache.firstValue(element.tag, element.vr, setID, reader, range) {
                first = cached
            } else {
                first = firstValue(element)
                cache.store(firstValue: first, element.tag, element.vr, setID, reader, range)
            }
        } else {
            first = firstValue(element)
        }
        return first.isEmpty ? nil : first
    }

    private func firstValue(_ element: Element) -> String {
        Self.firstValue(of: element, in: dataSet, reader)
    }

    /// The first value of a string element of `dataSet` ("" when empty), whose bytes `reader`
    /// lends.
    static func firstValue(of element: Element, in dataSet: DataSet, _ reader: ByteReader) -> String {
        firstValueOnBytes(element, dataSet, reader) ?? dataSet.strings(of: element).first ?? ""
    }

    /// The (first) UID of the UI element with `tag`, as `DataSet.uid(_:)` gives it.
    public func uid(_ tag: Tag) -> String? { string(tag) }

    /// The values of the string element with `tag`, as `DataSet.strings(_:)` gives them.
    public func strings(_ tag: Tag) -> [String] {
        dataSet.element(tag).map { strings(of: $0) } ?? []
    }

    /// The values of `element`, one of this data set's, as `DataSet.strings(of:)` gives them.
    public func strings(of element: Element) -> [String] {
        guard caching else { return dataSet.strings(of: element) }
        let range = element.valueRange.clamped(to: 0..<reader.count)
        if let cached = cache.values(element.tag, element.vr, setID, reader, range) { return cached }
        let made = dataSet.strings(of: element)
        cache.store(values: made, element.tag, element.vr, setID, reader, range)
        return made
    }

    /// The first integer value of the element with `tag`, as `DataSet.int(_:)` gives it.
    public func int(_ tag: Tag) -> Int? {
        dataSet.element(tag).flatMap { int(of: $0) }
    }

    /// The first integer value of `element`, one of this data set's.
    public func int(of element: Element) -> Int? {
        Self.int(of: element, in: dataSet, reader)
    }

    /// The first integer value of an element of `dataSet`, whose bytes `reader` lends.
    static func int(of element: Element, in dataSet: DataSet, _ reader: ByteReader) -> Int? {
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

    /// The first item of the sequence with `tag`, with its values over the same bytes; nil
    /// when absent or empty.
    public func firstItem(_ tag: Tag) -> TextValues? {
        dataSet.element(tag).flatMap { firstItem(of: $0) }
    }

    /// The first item of the sequence `element`, one of this data set's.
    public func firstItem(of element: Element) -> TextValues? {
        let items = dataSet.items(of: element)
        return items.isEmpty ? nil : TextValues(item: items[0], of: self)
    }

    /// Calls `body` with each item of the sequence with `tag`, in order.
    public func forEachItem(_ tag: Tag, _ body: (TextValues) throws -> Void) rethrows {
        guard let element = dataSet.element(tag) else { return }
        try forEachItem(of: element, body)
    }

    /// Calls `body` with each item of the sequence `element`, one of this data set's, in order.
    public func forEachItem(of element: Element, _ body: (TextValues) throws -> Void) rethrows {
        let items = dataSet.items(of: element)
        for index in items.indices { try body(TextValues(item: items[index], of: self)) }
    }

    /// The first value of a string element split and trimmed on the bytes and decoded alone,
    /// as `DataSet.strings(of:)` gives it; nil when the value needs the general path (ESC, or
    /// bytes 0x80 and above in a VR without a Specific Character Set, or a set whose 0x5C is
    /// not always a backslash).
    private static func firstValueOnBytes(_ element: Element, _ dataSet: DataSet, _ reader: ByteReader) -> String? {
        let vr = element.vr
        let usesSet = vr.usesSpecificCharacterSet
        if usesSet && !dataSet.characterSet.delimitsOnBytes { return nil }
        let range = element.valueRange.clamped(to: 0..<reader.count)
        let facts = reader.textFacts(range)
        if !facts.isPlainASCII && (!usesSet || facts.hasEscape) { return nil }
        let single = vr.isSingleValuedText
        let value = DataSet.trimmed(range.lowerBound..<(single ? range.upperBound : facts.firstBackslash ?? range.upperBound),
                                    vr, reader)
        if facts.isPlainASCII || !reader.textFacts(value).hasHighBytes { return reader.utf8String(value) }
        var ignored: [CharacterSetWarning] = []
        let kind: StringValueKind = vr == .PN ? .personName : (single ? .text : .multiValued)
        return dataSet.characterSet.decode(dataSet.storage.bytes[value], kind: kind, warnings: &ignored)
    }
}

extension DataSet {
    /// The first value of the string element with `tag`, decoded with no cache (see `TextValues`).
    func firstString(_ tag: Tag) -> String? {
        guard let element = element(tag), element.vr.isString, element.valueLength > 0 else { return nil }
        let first = storage.bytes.withByteReader { TextValues.firstValue(of: element, in: self, $0) }
        return first.isEmpty ? nil : first
    }

    /// True when `string(tag) == text` (an ASCII `text`), without making the string when the
    /// value is plain ASCII.
    func firstValue(_ tag: Tag, is text: StaticString) -> Bool {
        guard let element = element(tag), element.vr.isString, element.valueLength > 0 else { return false }
        let plain = storage.bytes.withByteReader { reader -> Bool? in
            let range = element.valueRange.clamped(to: 0..<reader.count)
            let facts = reader.textFacts(range)
            guard facts.isPlainASCII, !element.vr.usesSpecificCharacterSet || characterSet.delimitsOnBytes else { return nil }
            let end = element.vr.isSingleValuedText ? range.upperBound : facts.firstBackslash ?? range.upperBound
            return reader.bytes(in: DataSet.trimmed(range.lowerBound..<end, element.vr, reader), equal: text)
        }
        return plain ?? (string(tag) == "\(text)")
    }

    /// The first integer value of the element with `tag`, with no cache (see `TextValues`).
    func firstInt(_ tag: Tag) -> Int? {
        guard let element = element(tag) else { return nil }
        return storage.bytes.withByteReader { TextValues.int(of: element, in: self, $0) }
    }

    /// Runs `body` with this data set's text values over its bytes (see `TextValues`).
    public func withTextValues<R>(cache: ValueStringCache? = nil, _ body: (TextValues) throws -> R) rethrows -> R {
        try storage.bytes.withByteReader { try body(TextValues(dataSet: self, reader: $0, cache: cache)) }
    }
}
