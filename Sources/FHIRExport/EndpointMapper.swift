import JSONWriting

/// The Endpoint resource for a DICOMweb WADO-RS base URL (connection type `dicom-wado-rs`).
///
/// One Endpoint serves every study of an archive, so it is a resource of its own wherever the
/// output allows: a conditional create in each Bundle, one NDJSON line. Only the `json`
/// format, an array of ImagingStudy resources and nothing else, contains it in each study.
/// Its identifier is the URL itself (system `urn:ietf:rfc:3986`), which is what the
/// conditional create searches for.
enum EndpointMapper {
    static let payloadText = "DICOM WADO-RS"
    static let mimeType = "application/dicom"

    /// The Endpoint for `address` in the shape of `version`, with `id` when given.
    static func endpoint(address: String, version: FHIRVersion, id: String? = nil) -> JSONValue {
        var object = JSONObject()
        object.set("resourceType", "Endpoint")
        object.set("id", id)
        object.set("identifier", .array([Elements.identifier(system: CodeSystems.uri, value: address)]))
        object.set("status", "active")
        let connection = Elements.coding(system: CodeSystems.endpointConnectionType(version), code: "dicom-wado-rs")
        let payload = JSONValue.object([("text", .string(payloadText))])
        switch version {
        case .r4, .stu3:
            object.set("connectionType", connection)
            object.set("payloadType", .array([payload]))
            object.set("payloadMimeType", .array([.string(mimeType)]))
        case .r5:
            object.set("connectionType", .array([.object([("coding", .array([connection]))])]))
            object.set("payload", .array([.object([("type", .array([payload])),
                                                  ("mimeType", .array([.string(mimeType)]))])]))
        }
        object.set("address", address)
        return object.value
    }

    /// The search `identifier=urn:ietf:rfc:3986|<address>` that finds it.
    static func searchQuery(address: String) -> String {
        "identifier=" + SearchQuery.token(system: CodeSystems.uri, value: address)
    }
}
