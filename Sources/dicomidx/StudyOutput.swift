import DICOMStudies
import FHIRExport
import RecordExport

/// Writes grouped studies in the selected format. Returns the record warnings (values too
/// long for the Django models, missing dates...), which the caller reports.
struct StudyOutput {
    let options: OutputOptions

    func write(_ studies: [StudyEntry]) throws -> [String] {
        if let fhir = options.format.fhirFormat {
            let sink = try OutputSink(path: options.output)
            FHIRWriter(options: options.fhirOptions).write(fhir, studies) { sink.write($0) }
            try sink.finish()
            return []
        }
        let writer = try RecordWriter(djangoApp: options.djangoApp)
        switch options.format {
        case .records:
            let (lines, warnings) = writer.records(studies)
            let sink = try OutputSink(path: options.output)
            for line in lines { sink.write(line + "\n") }
            try sink.finish()
            return warnings.map(\.description)
        case .fixture:
            let (text, warnings) = writer.fixture(studies)
            let sink = try OutputSink(path: options.output)
            sink.write(text.hasSuffix("\n") ? text : text + "\n")
            try sink.finish()
            return warnings.map(\.description)
        default:
            do {
                return try writer.writeCSV(studies, to: options.outputDir ?? ".").map(\.description)
            } catch {
                throw OutputError.writeFailed(path: options.outputDir ?? ".", reason: "\(error)")
            }
        }
    }
}
