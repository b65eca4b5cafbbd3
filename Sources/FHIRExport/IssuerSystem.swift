/// Identifier systems for DICOM issuers: Issuer of Patient ID (0010,0021) and Issuer of
/// Accession Number (0008,0051).
///
/// DICOM issuers are either a local namespace (free text such as `HOSPITAL_A`) or a universal
/// entity id (an ISO OID, a UUID or a URI). FHIR wants a URI:
/// - an OID (`1.2.3.4`, PS3.5 UID syntax with at least two arcs) becomes `urn:oid:1.2.3.4`;
/// - a UUID becomes `urn:uuid:<lowercase>`;
/// - a URI already (`http://`, `https://`, `urn:`, without spaces) is kept;
/// - anything else becomes `urn:dicom:issuer:<issuer>`, percent-encoded, so the same issuer
///   always gives the same system and two issuers never share one.
public enum IssuerSystem {
    /// The identifier system for an issuer, or nil when the issuer is empty.
    public static func system(for issuer: String) -> String? {
        let text = issuer.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        if isOID(text) { return "urn:oid:" + text }
        if isUUID(text) { return "urn:uuid:" + text.lowercased() }
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("urn:"),
           !text.contains(where: { $0 == " " || $0 == "\t" }) {
            return text
        }
        return "urn:dicom:issuer:" + percentEncoded(text)
    }

    /// True for a PS3.5 UID of at least two arcs: digits and dots, no empty arc, no leading
    /// zero, at most 64 characters.
    static func isOID(_ text: String) -> Bool {
        guard text.utf8.count <= 64 else { return false }
        var arcs = 1
        var arcLength = 0
        var arcStartsWithZero = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard arcLength > 0 else { return false }
                arcs += 1
                arcLength = 0
            } else {
                guard byte >= 0x30 && byte <= 0x39 else { return false }
                if arcLength == 0 { arcStartsWithZero = byte == 0x30 } else if arcStartsWithZero { return false }
                arcLength += 1
            }
        }
        return arcs >= 2 && arcLength > 0
    }

    private static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
                guard isHex else { return false }
            }
        }
        return true
    }

    private static func percentEncoded(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            let plain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            if plain {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
