/// Decodes one value under ISO 2022 code extension (PS3.5 6.1.2.5): G0 for bytes 0x21-0x7E,
/// G1 for bytes 0xA0-0xFF, escape sequences switching either, and a return to the initial
/// designations at control characters and delimiters.
///
/// Single-byte sets without code extensions ("ISO_IR 100") decode through here too: their
/// values simply contain no escape sequences. Escape sequences are followed even when
/// (0008,0005) does not declare the set they designate (with a warning), since the bytes
/// usually mean what the escape sequence says.
///
/// Two-byte sets: while G0 is a two-byte set (JIS X 0208/0212), bytes 0x21-0x7E pair up into
/// characters and are never delimiters ("^" is 0x5E, also a valid byte of a kanji); only
/// control characters and an escape sequence end such a run. In G1, pairs of 0xA1-0xFE bytes
/// form characters and ASCII goes on in G0 between them. Runs are converted with iconv from
/// their EUC form.
struct ISO2022Decoder {
    let initial: Designations
    /// The sets (0008,0005) declares; designating another gives a warning.
    let declared: Set<GraphicSet>
    let kind: StringValueKind

    func decode(_ bytes: ArraySlice<UInt8>, warnings: inout [CharacterSetWarning]) -> String {
        var pass = Pass(decoder: self, bytes: bytes)
        pass.run()
        warnings.append(contentsOf: pass.warnings)
        if let warning = pass.output.undecodableWarning { warnings.append(warning) }
        return pass.output.string
    }

    /// The mutable state of one decode call.
    private struct Pass {
        let decoder: ISO2022Decoder
        let bytes: ArraySlice<UInt8>
        var output: UTF8Output
        var warnings: [CharacterSetWarning] = []
        var state: Designations
        var index: Int
        /// iconv descriptors for the two-byte sets met so far, keyed by iconv name.
        var converters: [String: IconvDecoder?] = [:]
        /// EUC bytes of the current two-byte run.
        var euc: [UInt8] = []
        /// How bytes 0x80-0xFF are read while G1 is empty; decided at the first such byte.
        var fallback: FallbackEncoding?
        var warnedUndeclared: Set<GraphicSet> = []

        init(decoder: ISO2022Decoder, bytes: ArraySlice<UInt8>) {
            self.decoder = decoder
            self.bytes = bytes
            self.output = UTF8Output(capacity: bytes.count * 2)
            self.state = decoder.initial
            self.index = bytes.startIndex
        }

        /// The most warnings one value records: a value of a million stray ESC bytes would
        /// otherwise hold a million of them (the first ones say what is wrong; the U+FFFD
        /// characters in the output still mark every place).
        static let maxWarnings = 16

        mutating func warn(_ warning: CharacterSetWarning) {
            if warnings.count < Self.maxWarnings { warnings.append(warning) }
        }

        /// Offset of `position` from the start of the value.
        func offset(_ position: Int) -> Int { position - bytes.startIndex }

        mutating func run() {
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == EscapeSequence.escape {
                    escape()
                } else if byte < 0x20 {
                    state = decoder.initial  // CR, LF, FF, TAB and other controls (6.1.2.5.3)
                    output.appendASCII(byte)
                    index += 1
                } else if byte < 0x80 {
                    graphicLeft(byte)
                } else {
                    graphicRight(byte)
                }
            }
        }

        // MARK: Escape sequences

        mutating func escape() {
            switch EscapeSequence.parse(bytes, at: index) {
            case .designation(let set, let toG1, let length):
                if !decoder.declared.contains(set), warnedUndeclared.insert(set).inserted {
                    warn(.undeclaredEscapeSequence(offset: offset(index), term: set.codeExtensionTerm))
                }
                if toG1 { state.g1 = set } else { state.g0 = set }
                index += length
            case .unknown(let length):
                warn(.unknownEscapeSequence(
                    offset: offset(index), bytes: Array(bytes[index..<(index + length)])))
                index += length
            case .malformed:
                warn(.malformedEscapeSequence(offset: offset(index)))
                output.appendReplacement(at: offset(index))
                index += 1
            }
        }

        // MARK: G0 (0x20-0x7F)

        mutating func graphicLeft(_ byte: UInt8) {
            if byte == 0x20 || byte == 0x7F {  // SPACE and DELETE belong to no set
                output.appendASCII(byte)
                index += 1
                return
            }
            if state.g0.isMultiByte {
                var end = index
                while end < bytes.endIndex, (0x21...0x7E).contains(bytes[end]) { end += 1 }
                convertRun(of: state.g0, from: index, to: end)
                index = end
                return
            }
            if (state.g0 == .ascii || state.g0 == .jisRomaji), isDelimiter(byte) {
                state = decoder.initial
                output.appendASCII(byte)  // a delimiter is always its ASCII self
            } else if let scalar = state.g0.decode94(byte) {
                output.append(scalar)
            } else {
                output.appendReplacement(at: offset(index))
            }
            index += 1
        }

        func isDelimiter(_ byte: UInt8) -> Bool {
            switch decoder.kind {
            case .text: return false
            case .multiValued: return byte == 0x5C
            case .personName: return byte == 0x5C || byte == 0x5E || byte == 0x3D
            }
        }

        // MARK: G1 (0x80-0xFF)

        mutating func graphicRight(_ byte: UInt8) {
            guard let g1 = state.g1 else {
                outsideRepertoire()
                return
            }
            switch g1 {
            case .singleByte(let set):
                let table = SingleByteTables.table(for: set)
                while index < bytes.endIndex, bytes[index] >= 0x80 {
                    let high = bytes[index]
                    if high < 0xA0 {
                        output.append(Unicode.Scalar(high))  // C1 control
                    } else if table[Int(high) - 0xA0] == "\u{FFFD}" {
                        output.appendReplacement(at: offset(index))
                    } else {
                        output.append(table[Int(high) - 0xA0])
                    }
                    index += 1
                }
            case _ where g1.isMultiByte:
                if byte < 0xA1 || byte == 0xFF {
                    output.appendReplacement(at: offset(index))
                    index += 1
                    return
                }
                var end = index
                while end < bytes.endIndex, (0xA1...0xFE).contains(bytes[end]) { end += 1 }
                convertRun(of: g1, from: index, to: end)
                index = end
            default:  // a 94-character set in G1
                if byte < 0xA0 {
                    output.append(Unicode.Scalar(byte))  // C1 control
                } else if let scalar = g1.decode94(byte & 0x7F), byte != 0xA0, byte != 0xFF {
                    output.append(scalar)
                } else {
                    output.appendReplacement(at: offset(index))
                }
                index += 1
            }
        }

        /// Bytes 0x80-0xFF with no G1 set: UTF-8 if the whole value is valid UTF-8, else
        /// Latin-1. Reads the run of such bytes that starts at `index`.
        mutating func outsideRepertoire() {
            if fallback == nil {
                fallback = isValidUTF8(bytes) ? .utf8 : .latin1
                warn(.bytesOutsideRepertoire(offset: offset(index), decodedAs: fallback ?? .latin1))
            }
            var end = index
            while end < bytes.endIndex, bytes[end] >= 0x80 { end += 1 }
            if fallback == .utf8 {
                output.appendUTF8(bytes[index..<end], offset: offset(index))
            } else {
                for position in index..<end { output.append(Unicode.Scalar(bytes[position])) }
            }
            index = end
        }

        // MARK: Two-byte sets

        /// Converts `bytes[start..<end]` (7-bit or 8-bit pairs of `set`) through iconv.
        mutating func convertRun(of set: GraphicSet, from start: Int, to end: Int) {
            let pairs = (end - start) / 2
            euc.removeAll(keepingCapacity: true)
            for pair in 0..<pairs {
                if set == .jisX0212 { euc.append(0x8F) }  // SS3, the EUC-JP prefix of JIS X 0212
                euc.append(bytes[start + 2 * pair] | 0x80)
                euc.append(bytes[start + 2 * pair + 1] | 0x80)
            }
            let width = set == .jisX0212 ? 3 : 2
            if let converter = converter(for: set) {
                let written = converter.convert(euc[...], unitWidth: width, into: &output.bytes)
                // EUC offsets match the value's for two-byte pairs; JIS X 0212 adds a prefix.
                var inValue = written
                inValue.firstOffset = written.firstOffset.map { $0 / width * 2 }
                output.note(inValue, inputOffset: offset(start))
            } else {
                output.appendReplacement(at: offset(start), count: pairs)
            }
            if (end - start) % 2 == 1 { output.appendReplacement(at: offset(end - 1)) }
        }

        mutating func converter(for set: GraphicSet) -> IconvDecoder? {
            guard let name = set.eucIconvName else { return nil }
            if let cached = converters[name] { return cached }
            let opened = IconvDecoder(from: name)
            converters[name] = opened
            return opened
        }
    }
}
