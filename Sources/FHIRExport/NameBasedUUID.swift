/// Deterministic resource ids: version 5 (SHA-1, name-based) UUIDs of RFC 9562.
///
/// The same name always gives the same UUID, so a re-run over the same archive gives the same
/// `urn:uuid` fullUrls and NDJSON ids, and anyone can recompute them, for example in Python:
/// `uuid.uuid5(uuid.NAMESPACE_OID, study_uid)`.
public enum NameBasedUUID {
    /// The RFC 9562 namespace for ISO OIDs (`6ba7b812-9dad-11d1-80b4-00c04fd430c8`): DICOM UIDs
    /// are OIDs, so a study's id is the version 5 UUID of its Study Instance UID in it.
    public static let oidNamespace: [UInt8] = [0x6B, 0xA7, 0xB8, 0x12, 0x9D, 0xAD, 0x11, 0xD1,
                                               0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]
    /// The RFC 9562 namespace for URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`), used for the
    /// names of patients (`urn:dicomidx:patient:<system>|<value>`) and endpoints (their URL).
    public static let urlNamespace: [UInt8] = [0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1,
                                               0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]

    /// The version 5 UUID of `name` (its UTF-8 bytes) in `namespace`, in lowercase
    /// `8-4-4-4-12` form.
    public static func uuid(namespace: [UInt8], name: String) -> String {
        var bytes = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The id of a study: the UUID of its Study Instance UID in the OID namespace.
    public static func study(uid: String) -> String { uuid(namespace: oidNamespace, name: uid) }

    /// The id of a patient: the UUID of `urn:dicomidx:patient:<system>|<value>` in the URL
    /// namespace, so the Patient ID itself never appears in an id or a fullUrl.
    public static func patient(system: String?, value: String) -> String {
        uuid(namespace: urlNamespace, name: "urn:dicomidx:patient:" + (system ?? "") + "|" + value)
    }

    /// The id of an endpoint: the UUID of its address in the URL namespace.
    public static func endpoint(address: String) -> String { uuid(namespace: urlNamespace, name: address) }
}
