import DICOMStudies
import JSONWriting

/// How an ImagingStudy points at its Patient and Endpoint; it depends on where it is written.
public enum ReferenceStyle: Sendable {
    /// Standalone (`json`): the Patient by identifier (a logical reference), the Endpoint
    /// contained; no resource id.
    case logical
    /// In a transaction Bundle: `urn:uuid:` fullUrls of the other entries; no resource id.
    case bundle
    /// For Bulk import (`ndjson`): literal `Patient/<id>` and `Endpoint/<id>` references and a
    /// deterministic `id`.
    case literal
}

/// Maps a study to an ImagingStudy resource (R4, R5 or STU3), following the DICOM mapping of
/// the FHIR ImagingStudy page: every element the study's files give is filled, nothing else.
///
/// A patient without a Patient ID cannot be found again by identifier, so such a study
/// contains its Patient (`#patient`); a series without Modality, which FHIR requires, is
/// written as `OT` (Other).
public struct ImagingStudyMapper: Sendable {
    /// The options (version, timezone, WADO-RS base).
    public let options: FHIROptions

    /// A mapper for `options`.
    public init(options: FHIROptions) { self.options = options }

    var version: FHIRVersion { options.version }

    /// The ImagingStudy of `study`, its references written in `style`.
    public func imagingStudy(_ study: StudyEntry, style: ReferenceStyle = .logical) -> JSONValue {
        var object = studyMembers(study, numberOfInstances: study.numberOfInstances, style: style)
        object.set("series", .array(study.series.map { series($0, of: study) }))
        return object.value
    }

    /// Appends the ImagingStudy of `study` to `out` as compact JSON: the same bytes as
    /// `imagingStudy(_:style:).serialized()`, without a `JSONValue` for each instance.
    /// `instances` holds the instances of each series, in order (the series' own `instances`
    /// are not read); by default, those of the series.
    public func writeImagingStudy(_ study: StudyEntry, instances: [InstanceList]? = nil, style: ReferenceStyle = .logical,
                                  to out: inout [UInt8]) {
        let lists = instances ?? study.series.map { InstanceList($0.instances) }
        precondition(lists.count == study.series.count, "one instance list per series")
        let numberOfInstances = lists.reduce(0) { $0 + $1.count }
        studyMembers(study, numberOfInstances: numberOfInstances, style: style).write(to: &out) { out, hasMembers in
            guard !study.series.isEmpty else { return }
            if hasMembers { out.append(UInt8(ascii: ",")) }
            JSONBytes.append(#""series":["#, to: &out)
            for (index, series) in study.series.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeSeries(series, instances: lists[index], of: study, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// Every member of the ImagingStudy but `series`, the last.
    private func studyMembers(_ study: StudyEntry, numberOfInstances: Int, style: ReferenceStyle) -> JSONObject {
        var object = JSONObject()
        object.set("resourceType", "ImagingStudy")
        if style == .literal { object.set("id", NameBasedUUID.study(uid: study.uid)) }
        let identity = PatientIdentity(study.patient, defaultSystem: options.defaultPatientIDSystem)
        object.set("contained", .array(contained(study, identity: identity, style: style)))

        let uid = "urn:oid:" + study.uid
        switch version {
        case .stu3:
            object.set("uid", uid)
            object.set("accession", accessionIdentifier(study))
            object.set("identifier", .array([studyIDIdentifier(study)].compactMap { $0 }))
            object.set("availability", "ONLINE")
            object.set("modalityList", .array(studyModalities(study)))
            object.set("patient", subject(study, identity: identity, style: style))
        case .r4, .r5:
            var identifiers = [Elements.identifier(system: CodeSystems.dicomUID, value: uid)]
            if version == .r4, let accession = accessionIdentifier(study) { identifiers.append(accession) }
            if let studyID = studyIDIdentifier(study) { identifiers.append(studyID) }
            object.set("identifier", .array(identifiers))
            object.set("status", "available")
            let modalities = studyModalities(study)
            object.set("modality", .array(version == .r5 ? modalities.compactMap { Elements.concept([$0]) } : modalities))
            object.set("subject", subject(study, identity: identity, style: style))
        }
        object.set("started", StartedDateTime.value(date: study.date, time: study.time, offset: study.timezoneOffset,
                                                    default: options.defaultTimezone))
        object.set("basedOn", .array(basedOn(study)))
        object.set("referrer", Elements.reference(display: Elements.displayName(study.referringPhysicianName),
                                                  version: version))
        if version != .r5 {
            object.set("interpreter", .array(study.physiciansReadingStudy.compactMap {
                Elements.reference(display: Elements.displayName($0), version: version)
            }))
        }
        if let address = options.wadoRSBase {
            object.set("endpoint", .array([.object([("reference", .string(endpointReference(address, style: style)))])]))
        }
        object.set("numberOfSeries", study.series.count)
        object.set("numberOfInstances", numberOfInstances)

        let procedures = study.procedureCodes.compactMap { Elements.coding($0) }.compactMap { Elements.concept([$0]) }
        switch version {
        case .r4, .stu3: object.set("procedureCode", .array(procedures))
        case .r5: object.set("procedure", .array(procedures.compactMap(Elements.codeableReference)))
        }
        let reasons = reasonConcepts(study)
        switch version {
        case .r4: object.set("reasonCode", .array(reasons))
        case .r5: object.set("reason", .array(reasons.compactMap(Elements.codeableReference)))
        case .stu3: object.set("reason", mergedReason(study))
        }
        object.set("description", study.description)
        return object
    }

    // MARK: Identifiers and references

    /// The accession number with type ACSN and the system of its issuer.
    private func accessionIdentifier(_ study: StudyEntry) -> JSONValue? {
        guard let accession = study.accessionNumber?.trimmingSpaces(), !accession.isEmpty else { return nil }
        return Elements.identifier(system: study.issuerOfAccessionNumber.flatMap(IssuerSystem.system(for:)),
                                   value: accession, type: Elements.identifierType("ACSN", version))
    }

    /// Study ID (0020,0010), a value local to the equipment (no system).
    private func studyIDIdentifier(_ study: StudyEntry) -> JSONValue? {
        guard let studyID = study.studyID?.trimmingSpaces(), !studyID.isEmpty else { return nil }
        return Elements.identifier(system: nil, value: studyID)
    }

    /// The requests the study was done for: ServiceRequests by accession number and by
    /// Requested Procedure ID (0040,1001).
    private func basedOn(_ study: StudyEntry) -> [JSONValue] {
        var references: [JSONValue] = []
        if let accession = accessionIdentifier(study),
           let reference = Elements.reference(type: "ServiceRequest", identifier: accession, version: version) {
            references.append(reference)
        }
        if let requested = study.requestedProcedureID?.trimmingSpaces(), !requested.isEmpty,
           let reference = Elements.reference(type: "ServiceRequest",
                                              identifier: Elements.identifier(system: nil, value: requested),
                                              version: version) {
            references.append(reference)
        }
        return references
    }

    private func subject(_ study: StudyEntry, identity: PatientIdentity?, style: ReferenceStyle) -> JSONValue? {
        let display = Elements.displayName(study.patient.name)
        guard let identity else { return Elements.reference("#patient", display: display, version: version) }
        switch style {
        case .logical:
            return Elements.reference(type: "Patient", identifier: identity.identifier, display: display, version: version)
        case .bundle:
            return Elements.reference("urn:uuid:" + identity.resourceID, display: display, version: version)
        case .literal:
            return Elements.reference("Patient/" + identity.resourceID, display: display, version: version)
        }
    }

    private func endpointReference(_ address: String, style: ReferenceStyle) -> String {
        switch style {
        case .logical: return "#wado-rs"
        case .bundle: return "urn:uuid:" + NameBasedUUID.endpoint(address: address)
        case .literal: return "Endpoint/" + NameBasedUUID.endpoint(address: address)
        }
    }

    /// The contained Patient (when there is no Patient ID) and Endpoint (`json` only).
    private func contained(_ study: StudyEntry, identity: PatientIdentity?, style: ReferenceStyle) -> [JSONValue] {
        var resources: [JSONValue] = []
        if identity == nil { resources.append(PatientMapper(options: options).patient(study.patient, id: "patient")) }
        if style == .logical, let address = options.wadoRSBase {
            resources.append(EndpointMapper.endpoint(address: address, version: version, id: "wado-rs"))
        }
        return resources
    }

    // MARK: Codes

    /// The distinct acquisition modalities (CID 29) of the series, in order of first appearance.
    private func studyModalities(_ study: StudyEntry) -> [JSONValue] {
        var seen: Set<String> = []
        var codings: [JSONValue] = []
        for series in study.series {
            guard let code = series.modality?.trimmingSpaces(), let entry = ModalityCode.lookup(code),
                  entry.isAcquisition, seen.insert(code).inserted else { continue }
            codings.append(Elements.coding(system: CodeSystems.dicom, code: code, display: entry.meaning))
        }
        return codings
    }

    /// Reasons: one CodeableConcept per coded reason; the free text (0040,1002) joins a single
    /// coded reason as its text, or stands alone next to several.
    private func reasonConcepts(_ study: StudyEntry) -> [JSONValue] {
        let codings = study.reasonForRequestedProcedureCodes.compactMap { Elements.coding($0) }
        let text = study.reasonForRequestedProcedure?.trimmingSpaces()
        if codings.count <= 1 { return [Elements.concept(codings, text: text)].compactMap { $0 } }
        return codings.compactMap { Elements.concept([$0]) } + [text.flatMap { Elements.concept([], text: $0) }].compactMap { $0 }
    }

    /// STU3 has one reason: all coded reasons and the free text in one CodeableConcept.
    private func mergedReason(_ study: StudyEntry) -> JSONValue? {
        Elements.concept(study.reasonForRequestedProcedureCodes.compactMap { Elements.coding($0) },
                         text: study.reasonForRequestedProcedure?.trimmingSpaces())
    }
}
