import DICOMStudies
import JSONWriting

extension FHIRWriter {
    /// Transaction Bundles, appended to `out` a piece at a time: `flush` is called after the
    /// head of a Bundle (its Endpoint and Patient entries), after each ImagingStudy entry, and
    /// at its end (`endOfBundle`, without a newline), so that a Bundle of large studies is
    /// never in memory whole.
    ///
    /// Each Bundle holds at most `bundleSize` studies and never the same study or Patient twice
    /// (a study whose UID is already in the Bundle starts the next one). Entries: the Endpoint
    /// (when configured) and the Patients as conditional creates (`POST` with `ifNoneExist`),
    /// then the ImagingStudies as conditional updates
    /// (`PUT ImagingStudy?identifier=urn:dicom:uid|urn:oid:<uid>`, no id in the body), all with
    /// `urn:uuid` fullUrls. Posting the same Bundles again changes nothing.
    func writeBundles(_ studies: some StudySequence, to out: inout [UInt8],
                      flush: (_ out: inout [UInt8], _ endOfBundle: Bool) -> Void) {
        // Which studies go together is known from their UIDs and patients alone, so each
        // Bundle's head can be written before its studies are read.
        let bundles = Self.partition(studies.studyUIDs, size: max(1, options.bundleSize))
        let patients = studies.patients
        var bundle = 0
        var position = 0
        studies.forEachStudy { study, instances in
            if position == bundles[bundle].lowerBound {
                writeHead(patients[bundles[bundle]], to: &out)
            } else {
                out.append(UInt8(ascii: ","))
            }
            // {"fullUrl":...,"resource":<ImagingStudy>,"request":{...}}
            JSONBytes.append(#"{"fullUrl":"#, to: &out)
            JSONBytes.appendString("urn:uuid:" + NameBasedUUID.study(uid: study.uid), to: &out)
            JSONBytes.append(#","resource":"#, to: &out)
            studyMapper.writeImagingStudy(study, instances: instances, style: .bundle, to: &out)
            JSONBytes.append(#","request":"#, to: &out)
            JSONValue.object([("method", .string("PUT")), ("url", .string(studyConditionalURL(study.uid)))]).write(to: &out)
            out.append(UInt8(ascii: "}"))
            position += 1
            if position == bundles[bundle].upperBound {
                JSONBytes.append("]}", to: &out)
                flush(&out, true)
                bundle += 1
            } else {
                flush(&out, false)
            }
        }
    }

    /// The studies of each Bundle, as ranges of positions: at most `size`, no UID twice.
    static func partition(_ uids: [String], size: Int) -> [Range<Int>] {
        var bundles: [Range<Int>] = []
        var start = 0
        var inBundle: Set<String> = []
        for (position, uid) in uids.enumerated() {
            if inBundle.count >= size || inBundle.contains(uid) {
                bundles.append(start..<position)
                start = position
                inBundle = []
            }
            inBundle.insert(uid)
        }
        if start < uids.count { bundles.append(start..<uids.count) }
        return bundles
    }

    /// `{"resourceType":"Bundle","type":"transaction","entry":[` and the entries of the
    /// Endpoint and of each Patient (once) of the Bundle's studies, with a comma after them.
    private func writeHead(_ patients: ArraySlice<PatientInfo>, to out: inout [UInt8]) {
        JSONBytes.append(#"{"resourceType":"Bundle","type":"transaction","entry":["#, to: &out)
        if let address = options.wadoRSBase {
            let id = NameBasedUUID.endpoint(address: address)
            entry(fullUrl: id, resource: EndpointMapper.endpoint(address: address, version: options.version),
                  request: [("method", "POST"), ("url", "Endpoint"),
                            ("ifNoneExist", EndpointMapper.searchQuery(address: address))]).write(to: &out)
            out.append(UInt8(ascii: ","))
        }
        var written: Set<PatientIdentity> = []
        for patient in patients {
            guard let identity = PatientIdentity(patient, defaultSystem: options.defaultPatientIDSystem),
                  written.insert(identity).inserted else { continue }
            entry(fullUrl: identity.resourceID, resource: patientMapper.patient(patient),
                  request: [("method", "POST"), ("url", "Patient"), ("ifNoneExist", identity.searchQuery)]).write(to: &out)
            out.append(UInt8(ascii: ","))
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
