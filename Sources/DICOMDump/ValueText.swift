import DICOMCore
import DICOMDictionary
import DICOMParser

/// A short, readable rendering of an element's value for listings.
enum ValueText {
    /// The value as one line: strings joined by backslash, numbers likewise, binary data as
    /// leading hex bytes with the total size, sequences and fragments as counts.
    static func render(_ element: Element, in dataSet: DataSet, maxValues: Int = 16) -> String {
        let vr = element.vr
        if vr == .SQ || (vr == .UN && element.hasUndefinedLength) {
            let count = dataSet.items(of: element).count
            return "(\(count) item\(count == 1 ? "" : "s"))"
        }
        if element.hasUndefinedLength, vr == .OB || vr == .OW {
            let count = dataSet.fragments(of: element).count
            return "(encapsulated: \(count) item\(count == 1 ? "" : "s"), offset table first)"
        }
        if element.valueLength == 0 { return "" }
        if vr.isString {
            var text = dataSet.strings(of: element).joined(separator: "\\")
            if vr == .UI, let name = UIDDictionary.name(for: text) { text += " (\(name))" }
            return text
        }
        switch vr {
        case .US, .SS, .UL, .SL, .SV, .UV:
            return numbers(dataSet.ints(of: element).map { "\($0)" }, total: element.valueLength / vr.binaryValueSize!, maxValues)
        case .FL, .FD:
            return numbers(dataSet.doubles(of: element).map { "\($0)" }, total: element.valueLength / vr.binaryValueSize!, maxValues)
        case .AT:
            return dataSet.tags(of: element).map(\.description).joined(separator: "\\")
        default:
            return hexPreview(dataSet.valueBytes(of: element).prefix(8), total: element.valueLength)
        }
    }

    private static func numbers(_ values: [String], total: Int, _ maxValues: Int) -> String {
        let shown = values.prefix(maxValues).joined(separator: "\\")
        return total > maxValues ? shown + "\\... (\(total) values)" : shown
    }

    private static func hexPreview(_ bytes: ArraySlice<UInt8>, total: Int) -> String {
        let digits = Array("0123456789abcdef")
        let hex = bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0xF)]]) }.joined(separator: " ")
        return total > bytes.count ? "\(hex) ... (\(total) bytes)" : hex
    }
}
