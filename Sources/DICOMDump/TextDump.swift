import DICOMCore
import DICOMDictionary
import DICOMParser

/// A dcmdump-like listing of a file: one line per element, nesting shown by indentation.
///
///     (0010,0010) PN      12  PatientName                      Doe^Jane
///     (0008,1111) SQ   undef  ReferencedStudySequence          (1 item)
///       (FFFE,E000) item #1
///         (0008,1150) UI  26  ReferencedSOPClassUID            1.2.840...
public struct TextDump {
    /// Widest value text shown before it is cut with "...".
    public var valueWidth: Int

    /// Creates a listing with values cut at `valueWidth` characters.
    public init(valueWidth: Int = 72) { self.valueWidth = valueWidth }

    /// The listing of `file`, with a header naming the file, its layout and transfer syntax.
    public func render(_ file: DICOMFile) -> String {
        var out = "# file: \(file.path ?? "-")\n"
        if let meta = file.fileMeta {
            out += "# file meta information\(file.hasPreamble ? "" : " (no preamble)")\n"
            append(meta, depth: 0, to: &out)
        } else {
            out += "# raw data set: no preamble, no file meta\n"
        }
        let syntax = file.transferSyntax
        out += "# data set: \(syntax.uid) (\(UIDDictionary.name(for: syntax.uid) ?? "unknown transfer syntax"))"
        out += " at offset \(file.dataSetOffset)\n"
        append(file.dataSet, depth: 0, to: &out)
        if let stop = file.stoppedBefore { out += "# stopped before \(stop)\n" }
        for warning in file.warnings { out += "# warning: \(warning)\n" }
        if let damage = file.damage { out += "# error: \(damage)\n" }
        return out
    }

    private func append(_ dataSet: DataSet, depth: Int, to out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        for element in dataSet.elements {
            let length = element.hasUndefinedLength ? "undef" : String(element.valueLength)
            let name = keyword(element.tag, in: dataSet)
            let value = cut(ValueText.render(element, in: dataSet))
            out += indent + "\(element.tag) \(element.vr) " + pad(length, 6, right: true) + "  "
            out += pad(name, 36, right: false) + " " + value + "\n"
            let items = dataSet.items(of: element)
            for (index, item) in items.enumerated() {
                out += indent + "  (FFFE,E000) item #\(index + 1)\n"
                append(item, depth: depth + 2, to: &out)
            }
            for (index, fragment) in dataSet.fragments(of: element).enumerated() {
                out += indent + "  (FFFE,E000) fragment #\(index): offset \(fragment.offset), \(fragment.length) bytes\n"
            }
        }
    }

    private func keyword(_ tag: Tag, in dataSet: DataSet) -> String {
        if let keyword = DataDictionary.keyword(for: tag) { return keyword }
        if tag.isPrivateCreator { return "PrivateCreator" }
        if tag.isPrivate { return "[" + (dataSet.privateCreator(for: tag) ?? "no creator") + "]" }
        return "Unknown"
    }

    private func cut(_ text: String) -> String {
        let flat = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        guard flat.count > valueWidth else { return String(flat) }
        return String(flat.prefix(valueWidth - 3)) + "..."
    }

    private func pad(_ text: String, _ width: Int, right: Bool) -> String {
        guard text.count < width else { return text }
        let fill = String(repeating: " ", count: width - text.count)
        return right ? fill + text : text + fill
    }
}
