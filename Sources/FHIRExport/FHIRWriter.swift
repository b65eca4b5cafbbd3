import DICOMStudies
import JSONWriting

/// Writes studies as FHIR: a JSON array of ImagingStudy resources, transaction Bundles, or
/// NDJSON for Bulk import.
///
/// Output is deterministic: the same studies in the same order give the same bytes (ids are
/// name-based UUIDs, see `NameBasedUUID`). `write(_:_:bytes:)` hands the text over in pieces,
/// a resource (or a Bundle's head, entry or end) at a time, written into one buffer reused from
/// piece to piece, so a large archive never sits in memory as one text, and each study is read
/// from the sequence only when its turn comes.
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

    /// Writes `studies` in `format`, calling `emit` with consecutive pieces of the UTF-8 text:
    /// one study of the array (then the array's end), one NDJSON line with its newline, or a
    /// part of a Bundle (its head, one study entry, the end and newline). The bytes are lent
    /// for the call only.
    public func write(_ format: FHIRFormat, _ studies: some StudySequence, bytes emit: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        func flush() {
            emit(out)
            out.removeAll(keepingCapacity: true)
        }
        switch format {
        case .json:
            var first = true
            studies.forEachStudy { study, instances in
                JSONBytes.append(first ? "[\n" : ",\n", to: &out)
                studyMapper.writeImagingStudy(study, instances: instances, style: .logical, to: &out)
                first = false
                flush()
            }
            JSONBytes.append(first ? "[]\n" : "\n]\n", to: &out)
            flush()
        case .bundle:
            writeBundles(studies, to: &out) { piece, endOfBundle in
                if endOfBundle { piece.append(UInt8(ascii: "\n")) }
                emit(piece)
                piece.removeAll(keepingCapacity: true)
            }
        case .ndjson:
            writeNDJSON(studies, to: &out) { line in
                line.append(UInt8(ascii: "\n"))
                emit(line)
                line.removeAll(keepingCapacity: true)
            }
        }
    }

    /// `write(_:_:bytes:)` with the pieces as strings.
    public func write(_ format: FHIRFormat, _ studies: some StudySequence, to emit: (String) -> Void) {
        write(format, studies) { emit(String(decoding: $0, as: UTF8.self)) }
    }

    /// The ImagingStudy resources of `studies` as one JSON array (the `json` format).
    public func imagingStudies(_ studies: [StudyEntry]) -> JSONValue {
        .array(studies.map { studyMapper.imagingStudy($0, style: .logical) })
    }

    /// The transaction Bundles of `studies`, one compact JSON text each (the `bundle` format).
    public func bundles(_ studies: [StudyEntry]) -> [String] {
        var lines: [String] = []
        var out: [UInt8] = []
        writeBundles(studies, to: &out) { out, endOfBundle in
            guard endOfBundle else { return }
            lines.append(String(decoding: out, as: UTF8.self))
            out.removeAll(keepingCapacity: true)
        }
        return lines
    }

    /// The NDJSON lines of `studies`: the Endpoint (when configured), each Patient once, then
    /// each ImagingStudy (the `ndjson` format).
    public func ndjson(_ studies: [StudyEntry]) -> [String] {
        lines { writeNDJSON(studies, to: &$0, done: $1) }
    }

    /// The texts a writer of pieces makes, one a piece.
    private func lines(_ write: (inout [UInt8], (inout [UInt8]) -> Void) -> Void) -> [String] {
        var lines: [String] = []
        var out: [UInt8] = []
        write(&out) { out in
            lines.append(String(decoding: out, as: UTF8.self))
            out.removeAll(keepingCapacity: true)
        }
        return lines
    }

    /// NDJSON lines, each appended to `out`, then `done` called (without a newline).
    func writeNDJSON(_ studies: some StudySequence, to out: inout [UInt8], done: (inout [UInt8]) -> Void) {
        if let address = options.wadoRSBase {
            EndpointMapper.endpoint(address: address, version: options.version,
                                    id: NameBasedUUID.endpoint(address: address)).write(to: &out)
            done(&out)
        }
        var written: Set<PatientIdentity> = []
        for patient in studies.patients {
            guard let identity = PatientIdentity(patient, defaultSystem: options.defaultPatientIDSystem),
                  written.insert(identity).inserted else { continue }
            patientMapper.patient(patient, id: identity.resourceID).write(to: &out)
            done(&out)
        }
        studies.forEachStudy { study, instances in
            studyMapper.writeImagingStudy(study, instances: instances, style: .literal, to: &out)
            done(&out)
        }
    }
}
