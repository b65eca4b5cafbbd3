import DICOMCore
import DICOMParser
import Foundation

/// The attributes compared with pydicom, in the shape `scripts/pydicom_reference.py` prints.
struct ReferenceRecord {
    static let stringFields = ["SOPClassUID", "SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID", "PatientID",
                               "PatientName", "StudyDate", "SeriesDate", "ContentDate", "StudyTime", "Modality"]
    static let intFields = ["SeriesNumber", "InstanceNumber", "Rows", "Columns", "NumberOfFrames"]

    /// Field name -> value as text ("null" when absent), transfer_syntax included.
    var fields: [String: String]

    /// A record from one line of the reference script.
    init(json: [String: Any]) {
        var fields: [String: String] = [:]
        fields["transfer_syntax"] = (json["transfer_syntax"] as? String) ?? "null"
        for name in Self.stringFields { fields[name] = (json[name] as? String) ?? "null" }
        for name in Self.intFields { fields[name] = (json[name] as? Int).map { String($0) } ?? "null" }
        self.fields = fields
    }

    /// The same attributes as our reader reads them.
    init(file: DICOMFile) {
        let dataSet = file.dataSet
        var fields: [String: String] = [:]
        fields["transfer_syntax"] = file.declaredTransferSyntaxUID ?? "null"
        for name in Self.stringFields {
            let tag = DataDictionaryLookup.tag(name)
            var value = dataSet.element(tag).map { dataSet.strings(of: $0).joined(separator: "\\") }
            // pydicom drops empty trailing component groups of a PN ("Wang^XiaoDong=王^小東=").
            while name == "PatientName", let text = value, text.hasSuffix("=") { value = String(text.dropLast()) }
            fields[name] = value ?? "null"
        }
        for name in Self.intFields {
            let tag = DataDictionaryLookup.tag(name)
            fields[name] = dataSet.element(tag).flatMap { dataSet.ints(of: $0).first }.map { String($0) } ?? "null"
        }
        self.fields = fields
    }

    /// Names of the fields whose values differ, with both values.
    func differences(from other: ReferenceRecord) -> [String] {
        fields.keys.sorted().compactMap { key in
            let mine = fields[key] ?? "null", theirs = other.fields[key] ?? "null"
            return mine == theirs ? nil : "\(key): ours \(quoted(mine)), pydicom \(quoted(theirs))"
        }
    }

    private func quoted(_ text: String) -> String { text == "null" ? "absent" : "\"\(text)\"" }
}

import DICOMDictionary

enum DataDictionaryLookup {
    static func tag(_ keyword: String) -> Tag {
        guard let tag = DataDictionary.tag(forKeyword: keyword) else { fatalError("unknown keyword \(keyword)") }
        return tag
    }
}
