import DICOMStudies
import JSONWriting

extension ImagingStudyMapper {
    /// The modality written for a series without Modality (0008,0060): FHIR requires one, and
    /// `OT` is DICOM's defined term for "Other" (Modality is Type 3 in the SC Equipment module).
    public static let missingModality = "OT"

    /// One `ImagingStudy.series` element.
    func series(_ series: SeriesEntry, of study: StudyEntry) -> JSONValue {
        var object = seriesMembers(series, numberOfInstances: series.instances.count, of: study)
        object.set("instance", .array(series.instances.compactMap(instance)))
        return object.value
    }

    /// Appends one `ImagingStudy.series` element with `instances`: the bytes of `series(_:of:)`.
    func writeSeries(_ series: SeriesEntry, instances: InstanceList, of study: StudyEntry, to out: inout [UInt8]) {
        seriesMembers(series, numberOfInstances: instances.count, of: study).write(to: &out) { out, hasMembers in
            var written = 0
            let writer = InstanceJSON(version: version)
            for instance in instances.instances where instance.sopClassUID != nil {
                if written == 0 {
                    JSONBytes.append(hasMembers ? #","instance":["# : #""instance":["#, to: &out)
                } else {
                    out.append(UInt8(ascii: ","))
                }
                writer.write(instance, of: instances, to: &out)
                written += 1
            }
            if written > 0 { out.append(UInt8(ascii: "]")) }
        }
    }

    /// Every member of a series element but `instance`, the last.
    private func seriesMembers(_ series: SeriesEntry, numberOfInstances: Int, of study: StudyEntry) -> JSONObject {
        var object = JSONObject()
        object.set("uid", version == .stu3 ? "urn:oid:" + series.uid : series.uid)
        object.set("number", series.number.flatMap { $0 >= 0 ? $0 : nil })
        let modality = modalityCoding(series.modality)
        object.set("modality", version == .r5 ? Elements.concept([modality]) : modality)
        object.set("description", series.description)
        object.set("numberOfInstances", numberOfInstances)
        if let part = series.bodyPartExamined.flatMap(BodyPartCode.lookup) {
            let coding = Elements.coding(system: CodeSystems.snomed, code: part.code, display: part.meaning)
            object.set("bodySite", version == .r5 ? Elements.codeableReference(Elements.concept([coding])) : coding)
        }
        if let side = series.laterality.flatMap(LateralityCode.lookup) {
            let coding = Elements.coding(system: CodeSystems.snomed, code: side.code, display: side.display)
            object.set("laterality", version == .r5 ? Elements.concept([coding]) : coding)
        }
        object.set("started", StartedDateTime.value(date: series.date, time: series.time, offset: study.timezoneOffset,
                                                    default: options.defaultTimezone))
        object.set("performer", .array(performers(series)))
        return object
    }

    private func modalityCoding(_ modality: String?) -> JSONValue {
        var code = modality?.trimmingSpaces() ?? ""
        if code.isEmpty { code = Self.missingModality }
        return Elements.coding(system: CodeSystems.dicom, code: code, display: ModalityCode.lookup(code)?.meaning)
    }

    /// Performing Physician's Name (0008,1050) as performer (`PRF`) and Operators' Name
    /// (0008,1070) as secondary performer (`SPRF`, they support the series), v3
    /// ParticipationType; STU3 has references only.
    private func performers(_ series: SeriesEntry) -> [JSONValue] {
        let people = series.performingPhysicianName.map { ($0, "PRF", "performer") }
            + series.operatorsName.map { ($0, "SPRF", "secondary performer") }
        return people.compactMap { name, code, display in
            guard let actor = Elements.reference(display: Elements.displayName(name), version: version) else { return nil }
            if version == .stu3 { return actor }
            return .object([("function", code == "PRF" ? Self.performerFunction : Self.secondaryPerformerFunction),
                            ("actor", actor)])
        }
    }

    /// The `function` of a performer (`PRF`) and of a secondary performer (`SPRF`), made once.
    private static let performerFunction = participation("PRF", "performer")
    private static let secondaryPerformerFunction = participation("SPRF", "secondary performer")

    private static func participation(_ code: String, _ display: String) -> JSONValue {
        .object([("coding", .array([Elements.coding(system: CodeSystems.participationType, code: code, display: display)]))])
    }

    /// An instance entry; nil for an instance without SOP Class UID, which FHIR cannot hold
    /// (`sopClass` is required). It still counts in `numberOfInstances`.
    private func instance(_ instance: InstanceEntry) -> JSONValue? {
        guard instance.sopClassUID != nil else { return nil }
        var object = JSONObject()
        object.set("uid", version == .stu3 ? "urn:oid:" + instance.sopInstanceUID : instance.sopInstanceUID)
        let sopClass = instance.sopClassUID.map { "urn:oid:" + $0 }
        if version == .stu3 {
            object.set("number", instance.number.flatMap { $0 >= 0 ? $0 : nil })
            object.set("sopClass", sopClass)
        } else {
            object.set("sopClass", sopClass.map { Elements.coding(system: CodeSystems.uri, code: $0) })
            object.set("number", instance.number.flatMap { $0 >= 0 ? $0 : nil })
        }
        object.set("title", instance.title)
        return object.value
    }
}
