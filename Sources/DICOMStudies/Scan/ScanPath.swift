/// A file-system path as the bytes the kernel knows it by.
///
/// POSIX names are bytes, not text: a name that is not valid UTF-8 has no faithful `String`,
/// and a lossy one would no longer open. A scan therefore keeps every path as bytes, opens it
/// with those bytes, and turns it into text only to show it (`description`).
public struct ScanPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    /// The path with these bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The path spelled by `string` in UTF-8.
    public init(_ string: String) { bytes = Array(string.utf8) }

    /// Bytewise order (as `strcmp` and `LC_ALL=C sort` order), the order of a walk.
    public static func < (lhs: ScanPath, rhs: ScanPath) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// True when the bytes are valid UTF-8, so `description` is the exact name.
    public var isValidUTF8: Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// The path as text: UTF-8 as it is; each byte of an invalid sequence as `\xNN` (as
    /// `ls -b` and Python's `backslashreplace` show it), so distinct names stay distinct.
    public var description: String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] { text += "\\x" + Self.hex(byte) }
                offset += length
            case .emptyInput:
                return text
            }
        }
    }

    /// The last component: the bytes after the last `/` (the whole path when it has none).
    public var baseName: ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex + 1, bytes[end - 1] == Self.slash { end -= 1 }
        let start = bytes[..<end].lastIndex(of: Self.slash).map { $0 + 1 } ?? bytes.startIndex
        return bytes[start..<end]
    }

    /// This path with `name` appended as a further component.
    func appending<Name: Collection>(_ name: Name) -> ScanPath where Name.Element == UInt8 {
        var joined = bytes
        joined.reserveCapacity(bytes.count + 1 + name.count)
        if joined.last != Self.slash { joined.append(Self.slash) }
        joined.append(contentsOf: name)
        return ScanPath(bytes: joined)
    }

    static let slash = UInt8(ascii: "/")

    private static func hex(_ byte: UInt8) -> String {
        let digits: [Character] = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
