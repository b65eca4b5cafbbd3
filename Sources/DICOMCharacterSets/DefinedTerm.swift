/// The encodings that do not take part in ISO 2022 code extension (PS3.3 Table C.12-5).
enum StandAloneEncoding: Sendable, Hashable {
    case utf8, gb18030, gbk
}

/// One defined term of Specific Character Set (0008,0005) and what it means for decoding
/// (PS3.3 C.12.1.1.2, Tables C.12-2 to C.12-5).
struct DefinedTerm: Sendable, Hashable {
    /// The spelling the standard uses, e.g. "ISO 2022 IR 100"; "" is the default repertoire.
    let name: String
    /// G0/G1 at the start of a value when this term is value 1; nil for stand-alone encodings.
    let initial: Designations?
    /// Set for ISO_IR 192, GB18030 and GBK, which allow no code extensions.
    let standAlone: StandAloneEncoding?
    /// The graphic sets this term allows escape sequences to designate.
    let sets: [GraphicSet]

    /// True for the "ISO 2022 ..." spellings, which announce code extensions.
    var announcesCodeExtensions: Bool { name.hasPrefix("ISO 2022") }

    /// The default repertoire (an empty value 1).
    static let defaultRepertoire = DefinedTerm(
        name: "", initial: Designations(g0: .ascii, g1: nil), standAlone: nil, sets: [.ascii])

    /// Every accepted term, keyed by its exact spelling.
    static let byName: [String: DefinedTerm] = {
        var terms: [DefinedTerm] = [defaultRepertoire]
        let ascii = Designations(g0: .ascii, g1: nil)
        // "ISO_IR 6" is not in the standard's tables but is written by many systems and is
        // unambiguous; it is accepted without a warning, like pydicom does.
        terms.append(DefinedTerm(name: "ISO_IR 6", initial: ascii, standAlone: nil, sets: [.ascii]))
        terms.append(DefinedTerm(name: "ISO 2022 IR 6", initial: ascii, standAlone: nil, sets: [.ascii]))
        for set in SingleByteSet.allCases {
            let initial = Designations(g0: .ascii, g1: .singleByte(set))
            let sets: [GraphicSet] = [.ascii, .singleByte(set)]
            for prefix in ["ISO_IR ", "ISO 2022 IR "] {
                terms.append(DefinedTerm(
                    name: prefix + String(set.registration), initial: initial, standAlone: nil, sets: sets))
            }
        }
        let jis = Designations(g0: .jisRomaji, g1: .jisKatakana)
        for name in ["ISO_IR 13", "ISO 2022 IR 13"] {
            terms.append(DefinedTerm(name: name, initial: jis, standAlone: nil, sets: [.jisRomaji, .jisKatakana]))
        }
        // Two-byte sets. As value 1, a G0 set (87, 159) would leave no ASCII for the
        // delimiters, so G0 starts as ASCII; a G1 set (149, 58) starts designated to G1.
        let multiByte: [(String, GraphicSet, Bool)] = [
            ("ISO 2022 IR 87", .jisX0208, false), ("ISO 2022 IR 159", .jisX0212, false),
            ("ISO 2022 IR 149", .ksX1001, true), ("ISO 2022 IR 58", .gb2312, true),
        ]
        for (name, set, isG1) in multiByte {
            let initial = Designations(g0: .ascii, g1: isG1 ? set : nil)
            terms.append(DefinedTerm(name: name, initial: initial, standAlone: nil, sets: [.ascii, set]))
        }
        let standAlone: [(String, StandAloneEncoding)] = [
            ("ISO_IR 192", .utf8), ("GB18030", .gb18030), ("GBK", .gbk),
        ]
        for (name, encoding) in standAlone {
            terms.append(DefinedTerm(name: name, initial: nil, standAlone: encoding, sets: []))
        }
        return Dictionary(uniqueKeysWithValues: terms.map { ($0.name, $0) })
    }()

    /// The "ISO 2022 IR n" form of an "ISO_IR n" term, for values used with code extensions.
    var codeExtensionForm: DefinedTerm? {
        guard name.hasPrefix("ISO_IR ") else { return nil }
        return DefinedTerm.byName["ISO 2022 IR " + name.dropFirst("ISO_IR ".count)]
    }
}
