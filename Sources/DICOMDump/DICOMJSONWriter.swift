import DICOMCore
import DICOMDictionary
import DICOMParser

/// Writes a data set in the DICOM JSON Model of PS3.18 section F.2.
///
/// Group lengths are left out (F.2.1 says they should not be included). Text is decoded to
/// Unicode, so a Specific Character Set present in the file is written as "ISO_IR 192", as
/// DCMTK's dcm2json does. Binary values (OB,
/// OD, OF, OL, OV, OW, UN) are written as `BulkDataURI` references to the file with the
/// value's offset and length, or inline as Base64 with `binary = .inline`. A deflated file's
/// offsets count in inflated data, so its binary values are always inlined.
public struct DICOMJSONWriter {
    /// How binary values are written.
    public enum BinaryMode: Sendable {
        /// `"BulkDataURI": "file:///path?offset=N&length=M"`.
        case bulkDataURI
        /// `"InlineBinary": "<Base64>"`.
        case inline
    }

    /// How binary values are written.
    public var binary: BinaryMode
    /// Include the file meta group (0002) before the data set.
    public var includeFileMeta: Bool

    /// Creates a writer.
    public init(binary: BinaryMode = .bulkDataURI, includeFileMeta: Bool = false) {
        self.binary = binary
        self.includeFileMeta = includeFileMeta
    }

    /// One JSON object on one line for `file`.
    public func render(_ file: DICOMFile) -> String {
        var members: [String] = []
        let mode: BinaryMode = file.transferSyntax.isDeflated ? .inline : binary
        if includeFileMeta, let meta = file.fileMeta { members += self.members(of: meta, file: file, mode: mode) }
        members += self.members(of: file.dataSet, file: file, mode: mode)
        return "{" + members.joined(separator: ",") + "}"
    }

    private func object(_ dataSet: DataSet, file: DICOMFile, mode: BinaryMode) -> String {
        "{" + members(of: dataSet, file: file, mode: mode).joined(separator: ",") + "}"
    }

    private func members(of dataSet: DataSet, file: DICOMFile, mode: BinaryMode) -> [String] {
        dataSet.elements.compactMap { element in
            guard !element.tag.isGroupLength else { return nil }
            return JSONText.string(element.tag.jsonKey) + ":" + attribute(element, in: dataSet, file: file, mode: mode)
        }
    }

    private func attribute(_ element: Element, in dataSet: DataSet, file: DICOMFile, mode: BinaryMode) -> String {
        let items = dataSet.items(of: element)
        if element.vr == .SQ || !items.isEmpty {
            guard !items.isEmpty else { return #"{"vr":"SQ"}"# }
            return #"{"vr":"SQ","Value":["# + items.map { object($0, file: file, mode: mode) }.joined(separator: ",") + "]}"
        }
        let vr = element.vr
        let head = #"{"vr":"\#(vr)""#
        // JSON text is Unicode: the values below are decoded, so the set they are in is UTF-8.
        if element.tag == .specificCharacterSet, element.valueLength > 0 {
            return head + #","Value":["ISO_IR 192"]}"#
        }
        guard element.valueLength > 0 || element.hasUndefinedLength else { return head + "}" }
        if let values = valueArray(element, in: dataSet) {
            // A value that is empty after trimming (spaces only, or a PN of carets only) is no value.
            let empty = values.isEmpty || values.allSatisfy { $0 == "null" } && values.count == 1
            return empty ? head + "}" : head + #","Value":["# + values.joined(separator: ",") + "]}"
        }
        // Binary data, inline in little endian as PS3.18 F.2.7 specifies.
        if mode == .inline || file.path == nil {
            var bytes = dataSet.valueBytes(of: element)
            if dataSet.byteOrder == .bigEndian, let size = vr.binaryValueSize { swapBytes(&bytes, size: size) }
            return head + #","InlineBinary":"# + JSONText.string(JSONText.base64(bytes)) + "}"
        }
        return head + #","BulkDataURI":"# + JSONText.string(bulkURI(file.path!, element)) + "}"
    }

    /// The JSON values of a non-binary element, or nil for binary VRs.
    private func valueArray(_ element: Element, in dataSet: DataSet) -> [String]? {
        switch element.vr {
        case .PN:
            return dataSet.strings(of: element).map(personName)
        case .IS:
            return dataSet.strings(of: element).map { parseIS($0).map { String($0) } ?? "null" }
        case .DS:
            return dataSet.strings(of: element).map { parseDS($0).map(JSONText.number) ?? "null" }
        case .AT:
            return dataSet.tags(of: element).map { JSONText.string($0.jsonKey) }
        case .US, .SS, .UL, .SL:
            return dataSet.ints(of: element).map { String($0) }
        case .SV, .UV:
            // Beyond 2^53 a JSON number loses precision, so PS3.18 F.2.3 writes a string.
            return dataSet.ints(of: element).map { abs($0) < 9_007_199_254_740_992 ? String($0) : JSONText.string(String($0)) }
        case .FL, .FD:
            return dataSet.doubles(of: element).map(JSONText.number)
        case let vr where vr.isString:
            return dataSet.strings(of: element).map { $0.isEmpty ? "null" : JSONText.string($0) }
        default:
            return nil
        }
    }

    private func personName(_ value: String) -> String {
        guard !value.isEmpty else { return "null" }
        let groups = value.split(separator: "=", omittingEmptySubsequences: false)
        let names = ["Alphabetic", "Ideographic", "Phonetic"]
        var members: [String] = []
        for (index, group) in groups.prefix(3).enumerated() where group.contains(where: { $0 != "^" }) {
            members.append(JSONText.string(names[index]) + ":" + JSONText.string(String(group)))
        }
        return members.isEmpty ? "null" : "{" + members.joined(separator: ",") + "}"
    }

    /// Reverses each `size`-byte group of `bytes` (big endian to little endian).
    private func swapBytes(_ bytes: inout [UInt8], size: Int) {
        guard size > 1 else { return }
        var start = 0
        while start + size <= bytes.count {
            bytes[start..<(start + size)].reverse()
            start += size
        }
    }

    private func bulkURI(_ path: String, _ element: Element) -> String {
        let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        return "file://" + percentEncoded(absolute) + "?offset=\(element.valueOffset)&length=\(element.valueLength)"
    }

    private func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "/-._~".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
