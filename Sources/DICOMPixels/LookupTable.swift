import DICOMCore
import DICOMParser

/// A Modality LUT or VOI LUT: one item of the Modality LUT Sequence (0028,3000) or of the VOI
/// LUT Sequence (0028,3010), PS3.3 C.11.1 and C.11.2.
///
/// LUT Descriptor (0028,3002) holds three values: the number of entries (0 meaning 65536), the
/// first input value mapped, and the bits of each entry. The first value mapped is signed when
/// Pixel Representation is 1 (its VR is then SS; US otherwise), whatever VR the file wrote; the
/// other two are always unsigned. LUT Data (0028,3006) is read as 16-bit words in the data
/// set's byte order (US and OW lay out alike), or as one byte per entry when the entries have
/// 8 bits and the value holds exactly one byte per entry (8-bit entries packed two to a word).
///
/// Input values below the first value mapped give the first entry; values past the last entry
/// give the last entry (PS3.3 C.11.1.1.1, as pydicom's `apply_modality_lut`/`apply_voi` do).
public struct LookupTable: Equatable, Sendable {
    /// The input value mapped to `entries[0]`.
    public let firstMapped: Int
    /// Bits of each entry, from the descriptor (1 to 16).
    public let bitsPerEntry: Int
    /// The table.
    public let entries: [Int]

    /// A table from its parts; `entries` must not be empty.
    public init(firstMapped: Int, bitsPerEntry: Int, entries: [Int]) {
        precondition(!entries.isEmpty, "a lookup table has entries")
        self.firstMapped = firstMapped
        self.bitsPerEntry = bitsPerEntry
        self.entries = entries
    }

    /// Reads the table of a sequence item. `name` ("Modality LUT", "VOI LUT") names it in errors;
    /// `signed` is Pixel Representation 1.
    init(item: DataSet, name: String, signed: Bool) throws {
        guard let descriptorElement = item.element(.lutDescriptor) else {
            throw PixelError.invalidAttribute("\(name): \(Tag.lutDescriptor) LUT Descriptor is missing")
        }
        let descriptor = Self.words(item.valueBytes(of: descriptorElement), item.byteOrder)
        guard descriptor.count == 3 else {
            throw PixelError.invalidAttribute("\(name): \(Tag.lutDescriptor) LUT Descriptor has \(descriptor.count) values, 3 expected")
        }
        let count = descriptor[0] == 0 ? 65536 : descriptor[0]
        let first = signed ? Int(Int16(truncatingIfNeeded: descriptor[1])) : descriptor[1]
        let bits = descriptor[2]
        guard (1...16).contains(bits) else {
            throw PixelError.invalidAttribute("\(name): \(Tag.lutDescriptor) LUT Descriptor gives \(bits) bits per entry")
        }
        guard let dataElement = item.element(.lutData) else {
            throw PixelError.invalidAttribute("\(name): \(Tag.lutData) LUT Data is missing")
        }
        let bytes = item.valueBytes(of: dataElement)
        let packed = bits <= 8 && (bytes.count == count || bytes.count == count + 1) && count > 1
        var values = packed ? Self.packedBytes(bytes, item.byteOrder, count: count) : Self.words(bytes, item.byteOrder)
        guard values.count >= count else {
            throw PixelError.invalidAttribute(
                "\(name): \(Tag.lutData) LUT Data holds \(values.count) entries, the descriptor says \(count)")
        }
        values.removeLast(values.count - count)
        self.init(firstMapped: first, bitsPerEntry: bits, entries: values)
    }

    /// The entry for input value `x` (clamped to the table).
    @inline(__always)
    public func lookup(_ x: Int) -> Int {
        let index = x <= firstMapped ? 0 : min(x - firstMapped, entries.count - 1)
        return entries[index]
    }

    /// The largest value an entry may take, for scaling to the display: 2^bits - 1, except that
    /// a table declared wider than 8 bits whose entries all fit in fewer bits (at least 8) is
    /// taken at the bits its entries use (some files declare 16 bits for a table of 12: at 16
    /// bits it would show almost black).
    public var outputMaximum: Int {
        guard bitsPerEntry > 8 else { return (1 << bitsPerEntry) - 1 }
        let largest = entries.max() ?? 0
        var used = 8
        while used < bitsPerEntry, largest >= 1 << used { used += 1 }
        return (1 << used) - 1
    }

    /// 16-bit words in `order`.
    static func words(_ bytes: [UInt8], _ order: ByteOrder) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let (a, b) = (Int(bytes[i]), Int(bytes[i + 1]))
            result.append(order == .littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return result
    }

    /// One byte per entry. In big endian, OW swaps the bytes of each word, so the entries of a
    /// word come back in the other order.
    static func packedBytes(_ bytes: [UInt8], _ order: ByteOrder, count: Int) -> [Int] {
        guard order == .bigEndian else { return bytes.prefix(count).map(Int.init) }
        var result = [Int](repeating: 0, count: bytes.count)
        var i = 0
        while i + 1 < bytes.count {
            result[i] = Int(bytes[i + 1])
            result[i + 1] = Int(bytes[i])
            i += 2
        }
        if bytes.count % 2 == 1 { result[bytes.count - 1] = Int(bytes[bytes.count - 1]) }
        return Array(result.prefix(count))
    }
}
