/// A decoded JPEG image: one plane of lines x samplesPerLine values per component.
struct JPEGImage {
    let width: Int
    let height: Int
    let precision: Int
    let planes: [[Int32]]

    /// The name of a SOF marker's process, for messages.
    static func processName(_ marker: UInt8) -> String {
        let names: [UInt8: String] = [
            0xC0: "SOF0 (baseline)", 0xC1: "SOF1 (extended sequential)", 0xC2: "SOF2 (progressive)",
            0xC3: "SOF3 (lossless)", 0xC5: "SOF5 (differential sequential)", 0xC6: "SOF6 (differential progressive)",
            0xC7: "SOF7 (differential lossless)", 0xC9: "SOF9 (arithmetic sequential)", 0xCA: "SOF10 (arithmetic progressive)",
            0xCB: "SOF11 (arithmetic lossless)", 0xCD: "SOF13 (arithmetic differential sequential)",
            0xCE: "SOF14 (arithmetic differential progressive)", 0xCF: "SOF15 (arithmetic differential lossless)",
            0xF7: "SOF55 (JPEG-LS)",
        ]
        return names[marker] ?? "FF" + String(marker, radix: 16, uppercase: true)
    }
}
