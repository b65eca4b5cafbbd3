import DICOMCore
import DICOMStudies
import FHIRExport
import Foundation

/// What a study offers each search parameter: the values of the element FHIRExport writes
/// for that parameter in the R4 ImagingStudy (the same systems, codes, trimming and ids), as
/// a FHIR server would index the resource.
struct StudySearchValues {
    /// The R4 ImagingStudy status code system.
    static let statusSystem = "http://hl7.org/fhir/imagingstudy-status"

    let study: StudyEntry
    let options: FHIROptions

    /// The Patient identity (Patient ID and issuer system); nil when the study's Patient is
    /// contained because its files give no Patient ID.
    var patient: PatientIdentity? { PatientIdentity(study.patient, defaultSystem: options.defaultPatientIDSystem) }

    /// The token values of `parameter` (empty for the date, name and patient parameters).
    func tokens(_ parameter: SearchParameter) -> [IndexedToken] {
        switch parameter {
        case .id:
            return [IndexedToken(system: nil, code: NameBasedUUID.study(uid: study.uid))]
        case .identifier:
            var tokens = [IndexedToken(system: CodeSystems.dicomUID, code: "urn:oid:" + study.uid)]
            if let accession { tokens.append(accession) }
            if let studyID = study.studyID.flatMap(Self.trimmed) { tokens.append(IndexedToken(system: nil, code: studyID)) }
            return tokens
        case .accession:
            return accession.map { [$0] } ?? []
        case .modality:
            return study.series.map { series in
                IndexedToken(system: CodeSystems.dicom,
                             code: series.modality.flatMap(Self.trimmed) ?? ImagingStudyMapper.missingModality)
            }
        case .status:
            return [IndexedToken(system: Self.statusSystem, code: "available")]
        case .series:
            return study.series.map { IndexedToken(system: nil, code: $0.uid) }
        case .uid:
            return study.series.flatMap(\.instances).map { IndexedToken(system: nil, code: $0.sopInstanceUID) }
        case .bodysite:
            return study.series.compactMap { $0.bodyPartExamined.flatMap(BodyPartCode.lookup) }
                .map { IndexedToken(system: CodeSystems.snomed, code: $0.code) }
        case .dicomClass:
            return study.series.flatMap(\.instances).compactMap(\.sopClassUID)
                .map { IndexedToken(system: CodeSystems.uri, code: "urn:oid:" + $0) }
        case .basedon:
            var tokens = accession.map { [$0] } ?? []
            if let requested = study.requestedProcedureID.flatMap(Self.trimmed) {
                tokens.append(IndexedToken(system: nil, code: requested))
            }
            return tokens
        case .patient, .subject:
            return patient.map { [IndexedToken(system: $0.system, code: $0.value)] } ?? []
        case .started, .referrer:
            return []
        }
    }

    /// The accession number identifier: the system of its issuer, type ACSN.
    private var accession: IndexedToken? {
        guard let value = study.accessionNumber.flatMap(Self.trimmed) else { return nil }
        return IndexedToken(system: study.issuerOfAccessionNumber.flatMap(IssuerSystem.system(for:)), code: value,
                            type: .init(system: CodeSystems.identifierType(.r4), code: "ACSN"))
    }

    /// `started` as FHIRExport writes it, or nil when the study has no valid date.
    var startedText: String? {
        StartedDateTime.value(date: study.date, time: study.time, offset: study.timezoneOffset,
                              default: options.defaultTimezone)
    }

    /// The time range of `started`, dates placed by `zone`.
    func started(zone: FloatingZone) -> InstantRange? {
        guard let text = startedText, let value = try? FHIRDateTimeText.parse(Substring(text)) else { return nil }
        return InstantRange(value, zone: zone)
    }

    /// The referring physician's name, folded (see `fold`), in reading order
    /// (`dr med bjorn schafer`, as `referrer.display`) and family name first (`schafer bjorn`),
    /// for each component group; empty when FHIRExport writes no referrer.
    var referrerNames: [String] {
        guard let value = study.referringPhysicianName else { return [] }
        let name = PersonName(value)
        var names: [String] = []
        for representation in PersonName.Representation.allCases {
            guard let text = name.humanName(representation).text else { continue }
            let group = name[representation]
            let familyFirst = [group.familyName, group.givenName, group.middleName]
                .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
            names.append(Self.fold(text))
            names.append(Self.fold(familyFirst))
        }
        return names
    }

    /// Text as name search compares it: case and accents ignored (`Schäfer` is `schafer`).
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// `text` without surrounding spaces, or nil when nothing is left (FHIRExport's trimming).
    static func trimmed(_ text: String) -> String? {
        let value = text.trimmingSpaces()
        return value.isEmpty ? nil : value
    }
}

extension String {
    /// The text without leading and trailing spaces (as FHIRExport trims values).
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
