import DICOMStudies
import JSONWriting

extension FHIRWriter {
    /// Transaction Bundles, each appended to `out`, then `done` called (without a newline).
    ///
    /// Each Bundle holds at most `bundleSize` studies and never the same study or Patient twice
    /// (a study whose UID is already in the Bundle starts the next one). Entries: the Endpoint
    /// (when configured) and the Patients as conditional creates (`POST` with `ifNoneExist`),
    /// then the ImagingStudies as conditional updates
    /// (`PUT ImagingStudy?identifier=urn:dicom:uid|urn:oid:<uid>`, no id in the body), all with
    /// `urn:uuid` fullUrls. Posting the same Bundles again changes nothing.
    func writeBundles(_ studies: some StudySequence, to out: inout [UInt8], done: (inout [UInt8]) -> Void) {
        var bundle = BundleContent()
        let size = max(1, options.bundleSize)
        studies.forEachStudy { study, instances in
            if bundle.studyUIDs.count >= size || bundle.studyUIDs.contains(study.uid) {
                bundle.write(to: &out)
                done(&out)
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
            // {"fullUrl":...,"resource":<ImagingStudy>,"request":{...}}, the study written once, as bytes.
            if !bundle.studies.isEmpty { bundle.studies.append(UInt8(ascii: ",")) }
            JSONBytes.append(#"{"fullUrl":"#, to: &bundle.studies)
            JSONBytes.appendString("urn:uuid:" + NameBasedUUID.study(uid: study.uid), to: &bundle.studies)
            JSONBytes.append(#","resource":"#, to: &bundle.studies)
            studyMapper.writeImagingStudy(study, instances: instances, style: .bundle, to: &bundle.studies)
            JSONBytes.append(#","request":"#, to: &bundle.studies)
            JSONValue.object([("method", .string("PUT")), ("url", .string(studyConditionalURL(study.uid)))])
                .write(to: &bundle.studies)
            bundle.studies.append(UInt8(ascii: "}"))
        }
        if !bundle.studyUIDs.isEmpty {
            bundle.write(to: &out)
            done(&out)
        }
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

/// The entries of the Bundle being filled: the Endpoint and Patients, and the ImagingStudy
/// entries already written as JSON, comma-separated.
private struct BundleContent {
    var head: [JSONValue] = []
    var studies: [UInt8] = []
    var patients: Set<PatientIdentity> = []
    var studyUIDs: Set<String> = []

    /// Appends `{"resourceType":"Bundle","type":"transaction","entry":[head...,studies...]}`.
    func write(to out: inout [UInt8]) {
        JSONBytes.append(#"{"resourceType":"Bundle","type":"transaction","entry":["#, to: &out)
        for (index, entry) in head.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            entry.write(to: &out)
        }
        if !head.isEmpty && !studies.isEmpty { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: studies)
        JSONBytes.append("]}", to: &out)
    }
}
