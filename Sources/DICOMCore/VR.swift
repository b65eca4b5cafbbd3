/// A value representation of PS3.5 section 6.2, stored as its two ASCII characters.
public enum VR: UInt16, Sendable, CaseIterable, CustomStringConvertible {
    case AE = 0x4145, AS = 0x4153, AT = 0x4154, CS = 0x4353, DA = 0x4441, DS = 0x4453
    case DT = 0x4454, FD = 0x4644, FL = 0x464C, IS = 0x4953, LO = 0x4C4F, LT = 0x4C54
    case OB = 0x4F42, OD = 0x4F44, OF = 0x4F46, OL = 0x4F4C, OV = 0x4F56, OW = 0x4F57
    case PN = 0x504E, SH = 0x5348, SL = 0x534C, SQ = 0x5351, SS = 0x5353, ST = 0x5354
    case SV = 0x5356, TM = 0x544D, UC = 0x5543, UI = 0x5549, UL = 0x554C, UN = 0x554E
    case UR = 0x5552, US = 0x5553, UT = 0x5554, UV = 0x5556

    /// Creates a VR from the two bytes that follow the tag in explicit VR encoding.
    @inlinable public init?(byte0: UInt8, byte1: UInt8) {
        self.init(rawValue: UInt16(byte0) << 8 | UInt16(byte1))
    }

    /// The size of the length field of an explicit VR element whose VR bytes are `byte0` and
    /// `byte1`, when that is all it takes to skip its value: 2 for a VR with a 16-bit length, 4
    /// for one with a 32-bit length, 0 when the bytes are not a VR or are SQ or UN (a sequence,
    /// or a VR the dictionary may replace). A few instructions, for the scanner's common case.
    @inlinable @inline(__always)
    public static func plainLengthSize(byte0: UInt8, byte1: UInt8) -> Int {
        let index = byte1 &- 0x41  // 'A'
        guard index < 26 else { return 0 }
        // Per first letter, bit n set when 'A' + n as second letter makes a VR.
        let short: UInt32
        let long: UInt32
        switch byte0 {
        case 0x41: (short, long) = (0x0C_0010, 0)         // AE AS AT
        case 0x43: (short, long) = (0x04_0000, 0)         // CS
        case 0x44: (short, long) = (0x0C_0001, 0)         // DA DS DT
        case 0x46: (short, long) = (0x00_0808, 0)         // FD FL
        case 0x49: (short, long) = (0x04_0000, 0)         // IS
        case 0x4C: (short, long) = (0x08_4000, 0)         // LO LT
        case 0x4F: (short, long) = (0, 0x60_082A)         // OB OD OF OL OV OW
        case 0x50: (short, long) = (0x00_2000, 0)         // PN
        case 0x53: (short, long) = (0x0C_0880, 0x20_0000) // SH SL SS ST; SV (SQ: 0)
        case 0x54: (short, long) = (0x00_1000, 0)         // TM
        case 0x55: (short, long) = (0x04_0900, 0x2A_0004) // UI UL US; UC UR UT UV (UN: 0)
        default: return 0
        }
        let bit = UInt32(1) << UInt32(index)
        if short & bit != 0 { return 2 }
        return long & bit != 0 ? 4 : 0
    }

    /// The two-letter name.
    public var description: String {
        String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xFF)], as: UTF8.self)
    }

    /// True when explicit VR encoding uses 2 reserved bytes and a 32-bit length (PS3.5 7.1.2).
    @inlinable public var hasLongLength: Bool {
        switch self {
        case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV: return true
        default: return false
        }
    }

    /// True for character string VRs, whose values are decoded with the Specific Character Set
    /// or are in the default repertoire.
    @inlinable public var isString: Bool {
        switch self {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT:
            return true
        default: return false
        }
    }

    /// True for the VRs whose text is decoded with the Specific Character Set (PS3.5 6.1.2.3);
    /// the others use the default repertoire only.
    @inlinable public var usesSpecificCharacterSet: Bool {
        switch self {
        case .LO, .LT, .PN, .SH, .ST, .UC, .UT: return true
        default: return false
        }
    }

    /// True for VRs whose value is a single text that is never split on backslash.
    @inlinable public var isSingleValuedText: Bool {
        switch self {
        case .LT, .ST, .UT, .UR: return true
        default: return false
        }
    }

    /// True for binary VRs holding numbers whose byte order follows the transfer syntax.
    @inlinable public var isBinaryNumber: Bool {
        switch self {
        case .AT, .FD, .FL, .OD, .OF, .OL, .OV, .OW, .SL, .SS, .SV, .UL, .US, .UV: return true
        default: return false
        }
    }

    /// Size in bytes of one binary value, or nil for strings, OB, UN and SQ.
    @inlinable public var binaryValueSize: Int? {
        switch self {
        case .SS, .US, .OW: return 2
        case .AT, .FL, .SL, .UL, .OF, .OL: return 4
        case .FD, .SV, .UV, .OD, .OV: return 8
        default: return nil
        }
    }

    /// True for VRs the DICOM JSON model and dump treat as bulk binary data.
    @inlinable public var isBulkBinary: Bool {
        switch self {
        case .OB, .OD, .OF, .OL, .OV, .OW, .UN: return true
        default: return false
        }
    }
}
