import DICOMStudies
import FHIRExport
import RecordExport

/// Writes grouped studies in the selected format. Returns the record warnings (values too
/// long for the Django models, missing dates...), which the caller reports.
struct StudyOutput {
    let options: OutputOptions

    func write(_ studies: some StudySequence) throws -> [String] {
        if let fhir = options.format.fhirFormat {
            let sink = try OutputSink(path: options.output)
            FHIRWriter(options: options.fhirOptions).write(fhir, studies) { sink.write(bytes: $0) }
            if let failure = studies.failure { sink.fail(failure.description) }
            try sink.finish()
            return []
        }
        let writer = try RecordWriter(djangoApp: options.djangoApp)
        switch options.format {
        case .records:
            let (lines, warnings) = writer.records(studies)
            let sink = try OutputSink(path: options.output)
            for line in lines { sink.write(line + "\n") }
            if let failure = studies.failure { sink.fail(failure.description) }
            try sink.finish()
            return warnings.map(\.description)
        case .fixture:
            let (text, warnings) = writer.fixture(studies)
            let sink = try OutputSink(path: options.output)
            sink.write(text.hasSuffix("\n") ? text : text + "\n")
            if let failure = studies.failure { sink.fail(failure.description) }
            try sink.finish()
            return warnings.map(\.description)
        default:
            do {
                let (studyText, seriesText, warnings) = writer.csv(studies)
                if let failure = studies.failure { throw failure }
                try writer.writeCSV(studies: studyText, series: seriesText, to: options.outputDir ?? ".")
                return warnings.map(\.description)
            } catch {
                throw OutputError.writeFailed(path: options.outputDir ?? ".", reason: "\(error)")
            }
        }
    }
}
