/// A JPEG Huffman table (ITU T.81 Annex C) built from a DHT segment's BITS and HUFFVAL, with
/// a 9-bit lookahead table for the short codes and the canonical MAXCODE/VALPTR form for the
/// longer ones.
struct HuffmanTable: Equatable {
    static let lookaheadBits = 9

    /// For each 9-bit prefix: code length (0: longer than 9 bits) and value.
    private(set) var lookahead: [UInt16]
    /// Largest code of each length 1...16, -1 when there is none.
    private(set) var maxCode: [Int32]
    /// Index in `values` of the first code of each length, minus that code.
    private(set) var valueOffset: [Int32]
    let values: [UInt8]

    /// Builds the table; throws a reason when the counts overflow the code space.
    init(counts: [Int], values: [UInt8]) throws {
        precondition(counts.count == 16)
        guard counts.reduce(0, +) == values.count else { throw HuffmanTableError.countMismatch }
        self.values = values
        lookahead = [UInt16](repeating: 0, count: 1 << Self.lookaheadBits)
        maxCode = [Int32](repeating: -1, count: 17)
        valueOffset = [Int32](repeating: 0, count: 17)
        var code: Int32 = 0
        var index = 0
        for length in 1...16 {
            let count = counts[length - 1]
            if count > 0 {
                valueOffset[length] = Int32(index) - code
                for _ in 0..<count {
                    guard code < (1 << length) else { throw HuffmanTableError.codeSpaceOverflow(length: length) }
                    if length <= Self.lookaheadBits {
                        let shift = Self.lookaheadBits - length
                        let first = Int(code) << shift
                        let entry = UInt16(length) << 8 | UInt16(values[index])
                        for slot in first..<(first + (1 << shift)) { lookahead[slot] = entry }
                    }
                    code += 1
                    index += 1
                }
                maxCode[length] = code - 1
            }
            code <<= 1
        }
    }
}

/// Why a DHT table cannot be built.
enum HuffmanTableError: Error, Equatable {
    case countMismatch
    case codeSpaceOverflow(length: Int)
}
