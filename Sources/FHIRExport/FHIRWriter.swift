import DICOMStudies
import JSONWriting

/// Writes studies as FHIR: a JSON array of ImagingStudy resources, transaction Bundles, or
/// NDJSON for Bulk import.
///
/// Output is deterministic: the same studies in the same order give the same bytes (ids are
/// name-based UUIDs, see `NameBasedUUID`). `write(_:_:to:)` hands the text over in pieces, one
/// resource or Bundle at a time, so a large archive never sits in memory as one string.
public struct FHIRWriter: Sendable {
    /// The options.
    public let options: FHIROptions
    let studyMapper: ImagingStudyMapper
    let patientMapper: PatientMapper

    /// A writer for `options`.
    public init(options: FHIROptions = FHIROptions()) {
        self.options = options
        studyMapper = ImagingStudyMapper(options: options)
        patientMapper = PatientMapper(options: options)
    }

    /// Writes `studies` in `format`, calling `emit` with consecutive pieces of the text; each
    /// piece ends with a newline (one study of the array, one Bundle, one NDJSON line).
    public func write(_ format: FHIRFormat, _ studies: [StudyEntry], to emit: (String) -> Void) {
        switch format {
        case .json:
            if studies.isEmpty { emit("[]\n"); return }
            for (index, study) in studies.enumerated() {
                var piece = index == 0 ? "[\n" : ",\n"
                studyMapper.imagingStudy(study, style: .logical).write(to: &piece)
                if index == studies.count - 1 { piece += "\n]\n" }
                emit(piece)
            }
        case .bundle:
            writeBundles(studies) { emit($0 + "\n") }
        case .ndjson:
            writeNDJSON(studies) { emit($0 + "\n") }
        }
    }

    /// The ImagingStudy resources of `studies` as one JSON array (the `json` format).
    public func imagingStudies(_ studies: [StudyEntry]) -> JSONValue {
        .array(studies.map { studyMapper.imagingStudy($0, style: .logical) })
    }

    /// The transaction Bundles of `studies`, one compact JSON text each (the `bundle` format).
    public func bundles(_ studies: [StudyEntry]) -> [String] {
        var lines: [String] = []
        writeBundles(studies) { lines.append($0) }
        return lines
    }

    /// The NDJSON lines of `studies`: the Endpoint (when configured), each Patient once, then
    /// each ImagingStudy (the `ndjson` format).
    public func ndjson(_ studies: [StudyEntry]) -> [String] {
        var lines: [String] = []
        writeNDJSON(studies) { lines.append($0) }
        return lines
    }

    /// NDJSON lines without their newline.
    func writeNDJSON(_ studies: [StudyEntry], emit: (String) -> Void) {
        if let address = options.wadoRSBase {
            emit(EndpointMapper.endpoint(address: address, version: options.version,
                                         id: NameBasedUUID.endpoint(address: address)).serialized())
        }
        var written: Set<PatientIdentity> = []
        for study in studies {
            guard let identity = PatientIdentity(study.patient, defaultSystem: options.defaultPatientIDSystem),
                  written.insert(identity).inserted else { continue }
            emit(patientMapper.patient(study.patient, id: identity.resourceID).serialized())
        }
        for study in studies {
            emit(studyMapper.imagingStudy(study, style: .literal).serialized())
        }
    }
}
