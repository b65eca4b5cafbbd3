import FHIRExport

/// The output formats of `dicomidx query`.
public enum QueryFormat: String, CaseIterable, Sendable {
    /// One row per study (`SearchTable`); the default on a terminal.
    case table
    /// A FHIR searchset Bundle on one line (`SearchsetBundle`).
    case bundle
    /// The `ndjson` of FHIRExport for the returned studies: Endpoint, Patients, ImagingStudies.
    case ndjson
    /// The `json` of FHIRExport for the returned studies: an array of ImagingStudy.
    case json
}

/// Writes a search result in a `QueryFormat`.
public struct QueryOutput: Sendable {
    /// The FHIR options (the same the query was made with).
    public var options: FHIROptions
    /// The terminal width for `table`, or nil for no limit.
    public var width: Int?
    /// The FHIR base URL for `bundle` (entry URLs and the `self` link), or nil.
    public var baseURL: String?

    /// An output writer.
    public init(options: FHIROptions = FHIROptions(), width: Int? = nil, baseURL: String? = nil) {
        self.options = options
        self.width = width
        self.baseURL = baseURL
    }

    /// Writes `result` of `query` in `format`, calling `emit` with consecutive pieces of text,
    /// each ending in a newline (the table line by line, the Bundle whole, the FHIRWriter
    /// pieces as it gives them).
    public func write(_ format: QueryFormat, _ result: SearchResult, query: ImagingStudyQuery? = nil,
                      to emit: (String) -> Void) {
        switch format {
        case .table:
            for line in SearchTable(width: width).lines(result.studies) { emit(line + "\n") }
        case .bundle:
            emit(SearchsetBundle(options: options, baseURL: baseURL).bundle(result, query: query).serialized() + "\n")
        case .ndjson:
            FHIRWriter(options: options).write(.ndjson, result.studies, to: emit)
        case .json:
            FHIRWriter(options: options).write(.json, result.studies, to: emit)
        }
    }
}
