import DICOMStudies
import FHIRExport
import JSONWriting

/// A search result as a FHIR `searchset` Bundle: `total` (the matches before `_count`) and
/// one entry per returned study, `search.mode` `match`.
///
/// Each ImagingStudy is the one the `ndjson` output writes: with its `id` (the name-based UUID
/// of the Study Instance UID) and literal `Patient/<id>` references, so an entry can be
/// fetched and its Patient found again on a server loaded from that output. The `fullUrl` is
/// `<baseURL>/ImagingStudy/<id>`, or `urn:uuid:<id>` without a base URL.
public struct SearchsetBundle: Sendable {
    /// The options the resources are written with.
    public let options: FHIROptions
    /// The FHIR base URL of the server the studies are on (e.g. `https://fhir.example.org/r4`),
    /// or nil.
    public let baseURL: String?

    /// A writer for `options`; `baseURL` gives the entries server URLs and the Bundle a
    /// `self` link.
    public init(options: FHIROptions = FHIROptions(), baseURL: String? = nil) {
        self.options = options
        var base = baseURL
        while base?.hasSuffix("/") == true { base?.removeLast() }
        self.baseURL = base.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The Bundle of `result`; with a base URL, its `self` link repeats `query`'s arguments.
    public func bundle(_ result: SearchResult, query: ImagingStudyQuery? = nil) -> JSONValue {
        let mapper = ImagingStudyMapper(options: options)
        var object = JSONObject()
        object.set("resourceType", "Bundle")
        object.set("type", "searchset")
        object.set("total", result.total)
        if let baseURL, let query {
            let search = query.arguments.map(Self.encoded).joined(separator: "&")
            let url = baseURL + "/ImagingStudy" + (search.isEmpty ? "" : "?" + search)
            object.set("link", .array([.object([("relation", .string("self")), ("url", .string(url))])]))
        }
        object.set("entry", .array(result.studies.map { study in
            let id = NameBasedUUID.study(uid: study.uid)
            let fullUrl = baseURL.map { $0 + "/ImagingStudy/" + id } ?? "urn:uuid:" + id
            return .object([("fullUrl", .string(fullUrl)),
                             ("resource", mapper.imagingStudy(study, style: .literal)),
                             ("search", .object([("mode", .string("match"))]))])
        }))
        return object.value
    }

    /// One `NAME=VALUE` argument for a URL query: name and value with everything but letters,
    /// digits and `-._~:/,` percent-encoded (so `+` in an offset, `|`, `&`, `=`, spaces and
    /// non-ASCII survive).
    static func encoded(_ argument: String) -> String {
        guard let equals = argument.firstIndex(of: "=") else { return percentEncoded(argument) }
        return percentEncoded(argument[..<equals]) + "=" + percentEncoded(argument[argument.index(after: equals)...])
    }

    private static func percentEncoded<S: StringProtocol>(_ text: S) -> String {
        let digits: [Character] = Array("0123456789ABCDEF")
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: ","):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.append("%")
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
