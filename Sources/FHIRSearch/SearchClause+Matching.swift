/// What a clause needs besides the study: how to place values without an offset, and now
/// (for `ap`).
struct MatchContext: Sendable {
    let zone: FloatingZone
    /// Microseconds since 1970-01-01T00:00:00Z.
    let now: Int64
}

extension SearchClause {
    /// True when the study has a value matching one of the clause's alternatives (none, with
    /// `:not`).
    func matches(_ study: StudySearchValues, _ context: MatchContext) -> Bool {
        if modifier == .missing {
            let missing = !hasValue(study)
            return values.contains { $0 == .missing(missing) }
        }
        switch parameter.kind {
        case .token:
            let tokens = study.tokens(parameter)
            let found = values.contains { value in
                switch value {
                case .token(let token): return tokens.contains(where: token.matches)
                case .typedIdentifier(let typed): return tokens.contains(where: typed.matches)
                default: return false
                }
            }
            return modifier == .not ? !found : found
        case .date:
            guard let target = study.started(zone: context.zone) else { return false }
            return values.contains { value in
                guard case .date(let date) = value else { return false }
                return date.prefix.matches(target: target, search: InstantRange(date.value, zone: context.zone),
                                           now: context.now)
            }
        case .reference:
            return values.contains { value in
                guard case .reference(let reference) = value else { return false }
                return matches(reference, study)
            }
        case .name:
            let names = study.referrerNames
            return values.contains { value in
                guard case .name(let part) = value else { return false }  // Practitioner/id: none have ids
                return names.contains { $0.contains(part) }
            }
        }
    }

    /// `patient`, `subject`, `basedon`: the Patient by identifier or resource id; the
    /// ServiceRequests by identifier (they have no ids).
    private func matches(_ reference: ReferenceValue, _ study: StudySearchValues) -> Bool {
        let identifiers = study.tokens(parameter)
        switch reference {
        case .identifier(let token):
            return identifiers.contains(where: token.matches)
        case .plain(let text):
            if identifiers.contains(where: { $0.code == text }) { return true }
            return parameter != .basedon && study.patient?.resourceID == text
        case .resource(let type, let id):
            return type == "Patient" && parameter != .basedon && study.patient?.resourceID == id
        }
    }

    /// True when the study has a value for the parameter (for `:missing`). A Patient without
    /// Patient ID is contained and has neither identifier nor id, so it counts as missing.
    private func hasValue(_ study: StudySearchValues) -> Bool {
        switch parameter.kind {
        case .token, .reference: return !study.tokens(parameter).isEmpty
        case .date: return study.startedText != nil
        case .name: return !study.referrerNames.isEmpty
        }
    }
}
