import FHIRExport

/// One key of `_sort`: a parameter name, `-` in front for descending order.
///
/// Studies without a value for a key come after those with one, in both directions; studies
/// equal on every key keep the order they were given in.
public struct SortKey: Hashable, Sendable {
    /// What to sort by.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        /// The resource id (`_id`).
        case id = "_id"
        /// The start of `started` (then its end: a day sorts before the times within it).
        case started
        /// The accession number.
        case accession
        /// The Study Instance UID (the `urn:dicom:uid` identifier).
        case identifier
        /// The Patient ID, then its system.
        case patient
        /// As `patient`.
        case subject
        /// The first series modality.
        case modality
        /// The referring physician's name in reading order, case and accents ignored.
        case referrer
        /// The status (the same for every study).
        case status
    }

    /// The field.
    public var field: Field
    /// True for `-field`.
    public var descending: Bool

    /// A sort key.
    public init(_ field: Field, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    /// Parses a `_sort` value: comma-separated keys.
    static func parseList(_ value: Substring, argument: String) throws(SearchError) -> [SortKey] {
        var keys: [SortKey] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let descending = item.hasPrefix("-")
            let name = String(descending ? item.dropFirst() : item)
            guard let field = Field(rawValue: name) else {
                let reason = name.isEmpty ? "an empty sort key"
                    : "\"\(name)\" is not a sort key (\(Field.allCases.map(\.rawValue).joined(separator: ", ")); - in front sorts descending)"
                throw .invalidValue(argument: argument, reason: reason)
            }
            keys.append(SortKey(field, descending: descending))
        }
        return keys
    }
}

/// A study's value for a sort key.
enum SortValue: Comparable {
    case text(String)
    case range(Int64, Int64)

    static func of(_ field: SortKey.Field, _ study: StudySearchValues, zone: FloatingZone) -> SortValue? {
        switch field {
        case .id: return .text(NameBasedUUID.study(uid: study.study.uid))
        case .started: return study.started(zone: zone).map { .range($0.lower, $0.upper) }
        case .accession: return study.tokens(.accession).first.map { .text($0.code) }
        case .identifier: return .text(study.study.uid)
        case .patient, .subject: return study.patient.map { .text($0.value + "|" + ($0.system ?? "")) }
        case .modality: return study.tokens(.modality).first.map { .text($0.code) }
        case .referrer: return study.referrerNames.first.map { .text($0) }
        case .status: return .text("available")
        }
    }
}

/// Sorts studies by keys, computing each study's values once.
enum StudySorter {
    static func sorted(_ studies: [StudySearchValues], by keys: [SortKey], zone: FloatingZone) -> [StudySearchValues] {
        guard !keys.isEmpty else { return studies }
        let rows = studies.enumerated().map { offset, study in
            (offset: offset, study: study, values: keys.map { SortValue.of($0.field, study, zone: zone) })
        }
        return rows.sorted { left, right in
            for (index, key) in keys.enumerated() {
                switch (left.values[index], right.values[index]) {
                case (nil, nil): continue
                case (nil, _): return false
                case (_, nil): return true
                case let (a?, b?):
                    if a == b { continue }
                    return key.descending ? b < a : a < b
                }
            }
            return left.offset < right.offset
        }.map(\.study)
    }
}
