import DICOMStudies
import FHIRExport
import Foundation

/// A FHIR R4 ImagingStudy search over studies, from `NAME=VALUE` arguments.
///
/// Clauses combine with AND; the comma-separated values of one clause with OR. Each clause
/// compares against the element FHIRExport writes for its parameter, so the studies a query
/// returns are exactly those whose ImagingStudy (written with the same `FHIROptions`) a FHIR
/// server would return. See docs/search.md for every parameter.
///
/// ```swift
/// let query = try ImagingStudyQuery(["modality=CT,MR", "started=ge2024-01", "_sort=-started", "_count=20"])
/// let result = query.search(studies)   // result.total matches, result.studies the first 20
/// ```
public struct ImagingStudyQuery: Sendable {
    /// The arguments, as given.
    public let arguments: [String]
    /// The clauses, in argument order; a study must match all of them.
    public let clauses: [SearchClause]
    /// `_count`: the most studies returned, or nil for all.
    public let count: Int?
    /// `_sort`: the keys, most significant first; empty keeps the order the studies come in.
    public let sort: [SortKey]
    /// The options the output is written with: the default Patient ID system and timezone
    /// decide identifiers and `started`, as in the output.
    public let options: FHIROptions
    let context: MatchContext

    /// Parses `arguments` (`NAME[:modifier]=VALUE[,VALUE...]`, taken as the shell gives them,
    /// with FHIR's `\` escapes and no percent-decoding).
    ///
    /// Values without an offset (dates, and date-times written without one) are placed in the
    /// zone of `options.defaultTimezone`: its fixed offset, or this machine's local time.
    /// `now` is the reference time of the `ap` prefix.
    ///
    /// - Throws: `SearchError` for an unknown parameter or modifier, a malformed value, or a
    ///   repeated `_count` or `_sort`.
    public init(_ arguments: [String], options: FHIROptions = FHIROptions(), now: Date = Date()) throws(SearchError) {
        var clauses: [SearchClause] = []
        var count: Int?
        var sort: [SortKey]?
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals > argument.startIndex else {
                throw SearchError.notNameValue(argument: argument)
            }
            let name = argument[..<equals]
            let value = argument[argument.index(after: equals)...]
            if let colon = name.firstIndex(of: ":"), ["_count", "_sort"].contains(name[..<colon]) {
                throw SearchError.unsupportedModifier(argument: argument, parameter: String(name[..<colon]),
                                                      modifier: String(name[name.index(after: colon)...]), supported: [])
            }
            switch name {
            case "_count":
                guard count == nil else { throw SearchError.repeatedParameter(name: "_count") }
                guard let number = Int(value), number >= 0 else {
                    throw SearchError.invalidValue(argument: argument, reason: "_count takes a whole number, 0 or more")
                }
                count = number
            case "_sort":
                guard sort == nil else { throw SearchError.repeatedParameter(name: "_sort") }
                sort = try SortKey.parseList(value, argument: argument)
            default:
                clauses.append(try SearchClause.parse(name: name, value: value, argument: argument))
            }
        }
        self.arguments = arguments
        self.clauses = clauses
        self.count = count
        self.sort = sort ?? []
        self.options = options
        context = MatchContext(zone: FloatingZone(options.defaultTimezone),
                               now: Int64((now.timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// True when `study` matches every clause.
    public func matches(_ study: StudyEntry) -> Bool {
        matches(StudySearchValues(study: study, options: options))
    }

    /// The matching studies, sorted by `_sort`, at most `_count` of them.
    public func apply(_ studies: [StudyEntry]) -> [StudyEntry] {
        search(studies).studies
    }

    /// The matching studies and how many there are before `_count` cuts them.
    public func search(_ studies: [StudyEntry]) -> SearchResult {
        let matching = studies.lazy.map { StudySearchValues(study: $0, options: self.options) }.filter(matches)
        let sorted = StudySorter.sorted(Array(matching), by: sort, zone: context.zone)
        let page = count.map { Array(sorted.prefix($0)) } ?? sorted
        return SearchResult(total: sorted.count, studies: page.map(\.study))
    }

    private func matches(_ values: StudySearchValues) -> Bool {
        clauses.allSatisfy { $0.matches(values, context) }
    }
}

/// The outcome of a search.
public struct SearchResult: Sendable {
    /// How many studies match (before `_count`).
    public var total: Int
    /// The studies returned: sorted, at most `_count`.
    public var studies: [StudyEntry]

    /// A result.
    public init(total: Int, studies: [StudyEntry]) {
        self.total = total
        self.studies = studies
    }
}
