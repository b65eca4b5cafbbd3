import DICOMCharacterSets
import DICOMCore

/// Value accessors: a value is decoded only when one of these is called.
extension DataSet {
    // MARK: Text

    /// The (first) UID of a UI element, NUL and space padding removed, or nil.
    public func uid(_ tag: Tag) -> String? {
        string(tag)
    }

    /// The values of a string element, decoded with the character set, split on backslash
    /// (except LT, ST, UT and UR, which hold one value) and trimmed per PS3.5 6.2.
    public func strings(of element: Element) -> [String] {
        guard element.vr.isString, element.valueLength > 0 else { return [] }
        var values: [String] = []
        if splitOnBytes(element, { values.append($0); return true }) { return values }
        let text = decodedText(of: element)
        if element.vr.isSingleValuedText { return [trimValue(Substring(text), element.vr)] }
        return text.split(separator: "\\", omittingEmptySubsequences: false).map { trimValue($0, element.vr) }
    }

    /// The values of the string element with `tag`; empty when absent.
    public func strings(_ tag: Tag) -> [String] {
        element(tag).map { strings(of: $0) } ?? []
    }

    /// The first value of the string element with `tag`; nil when absent or empty.
    ///
    /// With a `cache`, a value whose bytes equal those of the last one made for `tag` comes
    /// back as that same string, without being decoded again.
    public func string(_ tag: Tag, cache: ValueStringCache? = nil) -> String? {
        guard let cache else { return firstString(tag) }
        return withTextValues(cache: cache) { $0.string(tag) }
    }

    /// Calls `body` with each value of a string element in turn, split on backslash and trimmed
    /// on the bytes and decoded alone (plain ASCII as it is), until `body` returns false: the
    /// same text as decoding the whole value first, when no ESC can switch sets and every 0x5C
    /// is a delimiter (`SpecificCharacterSet.delimitsOnBytes`). Returns false, having called
    /// nothing, when the value needs the general path.
    private func splitOnBytes(_ element: Element, _ body: (String) -> Bool) -> Bool {
        let vr = element.vr
        let usesSet = vr.usesSpecificCharacterSet
        if usesSet && !characterSet.delimitsOnBytes { return false }
        let bytes = storage.bytes
        return bytes.withByteReader { reader -> Bool in
            let range = element.valueRange.clamped(to: 0..<reader.count)
            let facts = reader.textFacts(range)
            if !facts.isPlainASCII && (!usesSet || facts.hasEscape) { return false }
            let single = vr.isSingleValuedText
            var start = range.lowerBound
            var delimiter = single ? nil : facts.firstBackslash
            while true {
                let next = delimiter ?? range.upperBound
                let trimmed = Self.trimmed(start..<next, vr, reader)
                let value: String
                if facts.isPlainASCII || reader.textFacts(trimmed).isPlainASCII {
                    value = reader.utf8String(trimmed)
                } else {
                    var ignored: [CharacterSetWarning] = []
                    let kind: StringValueKind = vr == .PN ? .personName : (single ? .text : .multiValued)
                    value = characterSet.decode(bytes[trimmed], kind: kind, warnings: &ignored)
                }
                guard body(value), next < range.upperBound else { return true }
                start = next + 1
                delimiter = reader.firstIndex(of: 0x5C, in: start..<range.upperBound)
            }
        }
    }

    /// `range` without trailing spaces and NULs and, unless `vr` keeps them, leading spaces
    /// (PS3.5 6.2). Precondition: `range` is inside `reader`.
    @inline(__always)
    static func trimmed(_ range: Range<Int>, _ vr: VR, _ reader: ByteReader) -> Range<Int> {
        var first = range.lowerBound
        var end = range.upperBound
        while end > first, reader.uncheckedUInt8(at: end - 1) == 0x20 || reader.uncheckedUInt8(at: end - 1) == 0 {
            end -= 1
        }
        if !vr.keepsLeadingSpaces {
            while first < end, reader.uncheckedUInt8(at: first) == 0x20 { first += 1 }
        }
        return first..<end
    }

    /// The whole value of a string element decoded with the character set, not split or trimmed.
    public func decodedText(of element: Element) -> String {
        let bytes = valueBytes(of: element)
        if !element.vr.usesSpecificCharacterSet, bytes.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        let kind: StringValueKind
        switch element.vr {
        case .PN: kind = .personName
        case .LT, .ST, .UT: kind = .text
        default: kind = .multiValued
        }
        var ignored: [CharacterSetWarning] = []
        return characterSet.decode(bytes[...], kind: kind, warnings: &ignored)
    }

    private func trimValue(_ value: Substring, _ vr: VR) -> String {
        func isPadding(_ c: Character) -> Bool { c == " " || c == "\0" }
        var end = value.endIndex
        while end > value.startIndex, isPadding(value[value.index(before: end)]) { end = value.index(before: end) }
        var start = value.startIndex
        if !vr.keepsLeadingSpaces {
            while start < end, value[start] == " " { start = value.index(after: start) }
        }
        return String(value[start..<end])
    }

    // MARK: Numbers

    /// Integer values: IS (and integral DS) parsed with the PS3.5 syntax (`parseIS`, `parseDS`),
    /// or US, SS, UL, SL, SV, UV... decoded in this data set's byte order. Values that do not
    /// parse, or (UV, OV) do not fit an `Int`, are left out.
    public func ints(of element: Element) -> [Int] {
        switch element.vr {
        case .IS, .DS:
            // An integral decimal ("1.0") is accepted for IS, as pydicom does.
            return strings(of: element).compactMap { parseIS($0) ?? parseDS($0).flatMap { Int(exactly: $0) } }
        case .US, .OW: return binaryIntegers(element, size: 2) { Int(UInt16(truncatingIfNeeded: $0)) }
        case .SS: return binaryIntegers(element, size: 2) { Int(Int16(truncatingIfNeeded: $0)) }
        case .UL, .OL: return binaryIntegers(element, size: 4) { Int(UInt32(truncatingIfNeeded: $0)) }
        case .SL: return binaryIntegers(element, size: 4) { Int(Int32(truncatingIfNeeded: $0)) }
        case .SV: return binaryIntegers(element, size: 8) { Int(Int64(bitPattern: $0)) }
        case .UV, .OV: return binaryIntegers(element, size: 8) { $0 }.compactMap { Int(exactly: $0) }
        default: return []
        }
    }

    /// The first integer value of the element with `tag`.
    public func int(_ tag: Tag) -> Int? {
        firstInt(tag)
    }

    /// Floating-point values: DS parsed with the PS3.5 syntax (`parseDS`: no NaN, infinity or
    /// hexadecimal), FL/FD/OF/OD decoded, integers converted.
    public func doubles(of element: Element) -> [Double] {
        switch element.vr {
        case .DS, .IS: return strings(of: element).compactMap { parseDS($0) }
        case .FL, .OF:
            return binaryIntegers(element, size: 4) { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) }
        case .FD, .OD: return binaryIntegers(element, size: 8) { Double(bitPattern: $0) }
        default: return ints(of: element).map(Double.init)
        }
    }

    /// The first floating-point value of the element with `tag`.
    public func double(_ tag: Tag) -> Double? {
        element(tag).flatMap { doubles(of: $0).first }
    }

    /// The tags of an AT element.
    public func tags(of element: Element) -> [Tag] {
        guard element.vr == .AT else { return [] }
        var result: [Tag] = []
        storage.bytes.withByteReader { reader in
            var offset = element.valueOffset
            while offset + 4 <= element.valueOffset + element.valueLength, let group = reader.uint16(at: offset, byteOrder),
                  let number = reader.uint16(at: offset + 2, byteOrder) {
                result.append(Tag(group: group, element: number))
                offset += 4
            }
        }
        return result
    }

    /// Decodes fixed-size binary values (at most `limit` of them) as raw bit patterns.
    func binaryIntegers<T>(_ element: Element, size: Int, limit: Int = .max, _ convert: (UInt64) -> T) -> [T] {
        let count = min(element.valueLength / size, limit)
        var result: [T] = []
        result.reserveCapacity(count)
        storage.bytes.withByteReader { reader in
            for index in 0..<count {
                let offset = element.valueOffset + index * size
                let raw: UInt64?
                switch size {
                case 2: raw = reader.uint16(at: offset, byteOrder).map(UInt64.init)
                case 4: raw = reader.uint32(at: offset, byteOrder).map(UInt64.init)
                default: raw = reader.uint64(at: offset, byteOrder)
                }
                guard let raw else { return }
                result.append(convert(raw))
            }
        }
        return result
    }

    // MARK: Private tags

    /// The Private Creator that reserves the block of a private data element, e.g. "SIEMENS CSA HEADER".
    public func privateCreator(for tag: Tag) -> String? {
        guard let creatorTag = tag.privateCreatorTag else { return nil }
        return string(creatorTag)
    }
}

private extension VR {
    /// LT, ST, UT, UR, UC and PN keep leading spaces (PS3.5 6.2); the others trim them.
    var keepsLeadingSpaces: Bool {
        switch self {
        case .LT, .ST, .UT, .UR, .UC, .PN: return true
        default: return false
        }
    }
}
