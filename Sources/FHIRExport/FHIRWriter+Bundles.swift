import DICOMStudies
import JSONWriting

extension FHIRWriter {
    /// Transaction Bundles without their newline.
    ///
    /// Each Bundle holds at most `bundleSize` studies and never the same study or Patient twice
    /// (a study whose UID is already in the Bundle starts the next one). Entries: the Endpoint
    /// (when configured) and the Patients as conditional creates (`POST` with `ifNoneExist`),
    /// then the ImagingStudies as conditional updates
    /// (`PUT ImagingStudy?identifier=urn:dicom:uid|urn:oid:<uid>`, no id in the body), all with
    /// `urn:uuid` fullUrls. Posting the same Bundles again changes nothing.
    func writeBundles(_ studies: [StudyEntry], emit: (String) -> Void) {
        var bundle = BundleContent()
        let size = max(1, options.bundleSize)
        for study in studies {
            if bundle.studyUIDs.count >= size || bundle.studyUIDs.contains(study.uid) {
                emit(bundle.serialized())
                bundle = BundleContent()
            }
            if bundle.studyUIDs.isEmpty, let address = options.wadoRSBase {
                let id = NameBasedUUID.endpoint(address: address)
                bundle.head.append(entry(fullUrl: id, resource: EndpointMapper.endpoint(address: address, version: options.version),
                                         request: [("method", "POST"), ("url", "Endpoint"),
                                                   ("ifNoneExist", EndpointMapper.searchQuery(address: address))]))
            }
            if let identity = PatientIdentity(study.patient, defaultSystem: options.defaultPatientIDSystem),
               bundle.patients.insert(identity).inserted {
                bundle.head.append(entry(fullUrl: identity.resourceID, resource: patientMapper.patient(study.patient),
                                         request: [("method", "POST"), ("url", "Patient"),
                                                   ("ifNoneExist", identity.searchQuery)]))
            }
            bundle.studyUIDs.insert(study.uid)
            bundle.studies.append(entry(fullUrl: NameBasedUUID.study(uid: study.uid),
                                        resource: studyMapper.imagingStudy(study, style: .bundle),
                                        request: [("method", "PUT"), ("url", studyConditionalURL(study.uid))]))
        }
        if !bundle.studyUIDs.isEmpty { emit(bundle.serialized()) }
    }

    /// `ImagingStudy?identifier=urn:dicom:uid|urn:oid:<uid>`; STU3 keeps the Study Instance UID
    /// in `uid`, searched by its `study` parameter.
    func studyConditionalURL(_ uid: String) -> String {
        switch options.version {
        case .r4, .r5:
            return "ImagingStudy?identifier=" + SearchQuery.token(system: CodeSystems.dicomUID, value: "urn:oid:" + uid)
        case .stu3:
            return "ImagingStudy?study=" + SearchQuery.encode("urn:oid:" + uid)
        }
    }

    private func entry(fullUrl uuid: String, resource: JSONValue, request: [(String, String)]) -> JSONValue {
        .object([("fullUrl", .string("urn:uuid:" + uuid)), ("resource", resource),
                 ("request", .object(request.map { ($0.0, .string($0.1)) }))])
    }
}

/// The entries of the Bundle being filled.
private struct BundleContent {
    var head: [JSONValue] = []
    var studies: [JSONValue] = []
    var patients: Set<PatientIdentity> = []
    var studyUIDs: Set<String> = []

    func serialized() -> String {
        JSONValue.object([("resourceType", .string("Bundle")), ("type", .string("transaction")),
                          ("entry", .array(head + studies))]).serialized()
    }
}
