/// Decodes values under ISO_IR 192 (UTF-8), GB18030 and GBK, which allow no code extensions
/// (PS3.5 6.1.2.5.4 d): the whole value is one byte stream in one encoding, ESC included.
///
/// The value must be decoded whole: a GBK or GB18030 trail byte can be 0x5C (backslash) or
/// 0x5E ("^"), so splitting the raw bytes on delimiters would cut characters in half.
enum StandAloneDecoder {
    static func decode(
        _ bytes: ArraySlice<UInt8>, as encoding: StandAloneEncoding, warnings: inout [CharacterSetWarning]
    ) -> String {
        var output = UTF8Output(capacity: bytes.count * 2)
        switch encoding {
        case .utf8:
            output.appendUTF8(bytes, offset: 0)
        case .gb18030, .gbk:
            let name = encoding == .gb18030 ? "GB18030" : "GBK"
            if let converter = IconvDecoder(from: name) {
                // Resynchronise one byte after an invalid sequence: the next byte may start a
                // valid character.
                let written = converter.convert(bytes, unitWidth: 1, into: &output.bytes)
                output.note(written, inputOffset: 0)
            } else {
                decodeASCIIOnly(bytes, into: &output)
            }
        }
        if let warning = output.undecodableWarning { warnings.append(warning) }
        return output.string
    }

    /// Without iconv, keeps ASCII and replaces every other byte.
    private static func decodeASCIIOnly(_ bytes: ArraySlice<UInt8>, into output: inout UTF8Output) {
        for (position, byte) in zip(0..., bytes) {
            if byte < 0x80 { output.appendASCII(byte) } else { output.appendReplacement(at: position) }
        }
    }
}
