/// The FHIR R4 ImagingStudy search parameters this search knows, by their FHIR names.
///
/// What each one matches is the element FHIRExport writes for it (see `StudySearchValues`
/// and docs/search.md).
public enum SearchParameter: String, CaseIterable, Hashable, Sendable {
    /// token: the resource id, as the `ndjson` output derives it from the Study Instance UID.
    case id = "_id"
    /// token: `ImagingStudy.identifier` (Study UID, accession number, Study ID).
    case identifier
    /// reference: the Patient, by identifier (Patient ID and issuer system) or resource id.
    case patient
    /// reference: as `patient` (the subject is always a Patient here).
    case subject
    /// token: the identifier of type ACSN.
    case accession
    /// token: `ImagingStudy.series.modality` (DCM codes).
    case modality
    /// token: `ImagingStudy.status` (always `available`).
    case status
    /// date: `ImagingStudy.started`.
    case started
    /// token: `ImagingStudy.series.uid`.
    case series
    /// token: `ImagingStudy.series.instance.uid`.
    case uid
    /// token: `ImagingStudy.series.bodySite` (SNOMED CT, or a Body Part Examined term).
    case bodysite
    /// token: `ImagingStudy.series.instance.sopClass` (`urn:oid:` SOP Class UIDs).
    case dicomClass = "dicom-class"
    /// reference: `ImagingStudy.basedOn` (ServiceRequests by accession number and
    /// Requested Procedure ID).
    case basedon
    /// reference: `ImagingStudy.referrer`, matched by the referring physician's name.
    case referrer

    /// How values of a parameter are written and compared.
    enum Kind {
        case token, reference, date, name
    }

    var kind: Kind {
        switch self {
        case .started: return .date
        case .patient, .subject, .basedon: return .reference
        case .referrer: return .name
        default: return .token
        }
    }

    /// The modifiers the parameter takes.
    var modifiers: [SearchModifier] {
        switch kind {
        case .token: return self == .identifier ? [.not, .missing, .ofType] : [.not, .missing]
        case .reference: return [.identifier, .missing]
        case .date, .name: return [.missing]
        }
    }

    /// The resource types a `Type/id` value of a reference parameter may name.
    var targetTypes: [String] {
        switch self {
        case .patient: return ["Patient"]
        case .subject: return ["Patient", "Device", "Group"]
        case .basedon: return ["ServiceRequest", "CarePlan", "Appointment", "AppointmentResponse", "Task"]
        case .referrer: return ["Practitioner"]
        default: return []
        }
    }

    /// The parameter called `name`: its FHIR name, or `instance`, R4's name for `uid`.
    static func named(_ name: String) -> SearchParameter? {
        name == "instance" ? .uid : SearchParameter(rawValue: name)
    }

    /// R4 ImagingStudy parameters this search does not offer, because the output never has
    /// the element (`encounter`) or does not index it yet.
    static let unsupportedNames: Set<String> = ["encounter", "endpoint", "interpreter", "performer", "reason"]

    /// Every parameter name, the result parameters (`_count`, `_sort`) last.
    static var allNames: [String] { allCases.map(\.rawValue) + ["_count", "_sort"] }

    /// The known name nearest to `name` (at most two edits away, or equal ignoring case and
    /// `-`/`_`), for "did you mean".
    static func suggestion(for name: String) -> String? {
        let squeezed = { (text: String) in String(text.lowercased().filter { $0 != "-" && $0 != "_" }) }
        if let same = allNames.first(where: { squeezed($0) == squeezed(name) }) { return same }
        let scored = allNames.map { ($0, editDistance(Array(name.lowercased()), Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    /// Levenshtein distance between `a` and `b`.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}

/// The search modifiers (`NAME:modifier=VALUE`) this search knows.
public enum SearchModifier: String, CaseIterable, Hashable, Sendable {
    /// token: studies with no value matching any of the listed tokens (those without a value too).
    case not
    /// any parameter: `true` for studies without a value, `false` for studies with one.
    case missing
    /// reference: match the reference's identifier (`system|value`) only.
    case identifier
    /// identifier: `typeSystem|typeCode|value`, e.g. the accession number by its ACSN type.
    case ofType = "of-type"
}
