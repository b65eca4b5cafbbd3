import ArgumentParser
import FHIRExport
import RecordExport

/// The output formats of `scan` (and later `export`).
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case json, bundle, ndjson, records, fixture, csv

    /// The FHIR shape this format writes, if it is a FHIR one.
    var fhirFormat: FHIRFormat? { FHIRFormat(rawValue: rawValue) }
}

extension FHIRVersion: ExpressibleByArgument {}

/// How a command writes studies: format, destination and the options of each format.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        json: an array of FHIR ImagingStudy; bundle: FHIR transaction Bundles, one a line; \
        ndjson: Patient then ImagingStudy lines for Bulk $import; records: DICOMStudy/DICOMSeries \
        JSON Lines; fixture: a Django fixture; csv: studies.csv and series.csv in --output-dir.
        """, valueName: "format"))
    var format: OutputFormat = .bundle

    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE instead of standard output (written whole, then renamed into place).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Directory for --format csv.", valueName: "dir"))
    var outputDir: String?

    @Option(name: .long, help: ArgumentHelp("FHIR release: r4, r5 or stu3.", valueName: "version"))
    var fhirVersion: FHIRVersion = .r4

    @Option(name: .long, help: ArgumentHelp("Most studies in one transaction Bundle.", valueName: "n"))
    var bundleSize: Int = 50

    @Option(name: .long, help: ArgumentHelp("""
        Offset for study and series times whose files give no Timezone Offset From UTC \
        (0008,0201): local (this machine's zone at that date), UTC, +hh:mm, or none (date only).
        """, valueName: "zone"))
    var timezone: String = "local"

    @Option(name: .customLong("wado-rs-base"), help: ArgumentHelp("DICOMweb WADO-RS base URL: adds an Endpoint to every ImagingStudy.", valueName: "url"))
    var wadoRSBase: String?

    @Option(name: .long, help: ArgumentHelp("Django app label of the fixture's models.", valueName: "name"))
    var djangoApp: String = RecordWriter.defaultDjangoApp

    func validate() throws {
        if format == .csv {
            guard outputDir != nil else { throw ValidationError("--format csv needs --output-dir") }
            guard output == nil else { throw ValidationError("--format csv writes to --output-dir, not --output") }
        } else if outputDir != nil {
            throw ValidationError("--output-dir is for --format csv")
        }
        guard bundleSize >= 1 else { throw ValidationError("--bundle-size must be at least 1") }
        guard DefaultTimezone(timezone) != nil else {
            throw ValidationError("--timezone must be local, UTC, +hh:mm, -hh:mm or none, not '\(timezone)'")
        }
        if let url = wadoRSBase, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw ValidationError("--wado-rs-base must be an http or https URL")
        }
        do { _ = try RecordWriter(djangoApp: djangoApp) } catch { throw ValidationError("--django-app: \(error)") }
    }

    /// The FHIR options these flags select.
    var fhirOptions: FHIROptions {
        FHIROptions(version: fhirVersion, defaultTimezone: DefaultTimezone(timezone) ?? .local,
                    wadoRSBase: wadoRSBase, bundleSize: bundleSize)
    }
}
