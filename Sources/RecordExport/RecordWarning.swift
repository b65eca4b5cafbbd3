import JSONWriting

/// A value that does not fit the Django models: missing where the column is NOT NULL, longer
/// than `max_length`, not storable in a DateField, TimeField or IntegerField, or a repeat of a
/// unique value. Named by study (and series) UID and field, with what the fixture does about it.
///
/// Records and CSV rows keep every text value in full (a date or time no Django field can hold
/// is null there, and quoted as read in the warning); the fixture leaves out what would make
/// `loaddata` fail, and every such omission is one of these warnings.
public struct RecordWarning: Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the value.
    public enum Problem: Hashable, Sendable {
        /// No value, and the column is NOT NULL.
        case missing
        /// More characters (Unicode scalars, as Python's `len` counts) than the field's `max_length`.
        case tooLong(length: Int, maxLength: Int)
        /// A Study Date, as read, that is not a whole day a DateField can hold (`2024`, `20240230`).
        case notADate(String)
        /// A Study Time, as read, that is not a time of day a TimeField can hold (`25`, `235960`).
        case notATime(String)
        /// An integer outside the 32-bit range of IntegerField.
        case outOfRange(Int)
        /// The value of a unique field is already the value of an earlier study in the fixture.
        case duplicate(String, firstStudyInstanceUID: String)
    }

    /// What the fixture does about the problem.
    public enum FixtureEffect: Hashable, Sendable {
        /// The fixture stores "" (Django's empty value for a NOT NULL CharField).
        case storedEmpty
        /// The field is left out of the fixture object, so Django stores its default ("" or
        /// NULL); records and CSV rows keep the value.
        case valueLeftOut
        /// The row is left out of the fixture; for a study, its series go with it.
        case recordLeftOut
    }

    /// The model of the row.
    public var model: RecordModel
    /// The study the row is, or belongs to.
    public var studyInstanceUID: String
    /// The series, for a `DICOMSeries` row.
    public var seriesInstanceUID: String?
    /// The Django field name.
    public var field: String
    /// What is wrong.
    public var problem: Problem
    /// What the fixture does about it.
    public var fixture: FixtureEffect

    /// Creates a warning.
    public init(model: RecordModel, studyInstanceUID: String, seriesInstanceUID: String? = nil, field: String,
                problem: Problem, fixture: FixtureEffect) {
        self.model = model
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.field = field
        self.problem = problem
        self.fixture = fixture
    }

    /// E.g. `series 1.2.3 of study 1.2: series_description has 70 characters, over max_length 64;
    /// fixture: value left out`.
    public var description: String {
        let row = seriesInstanceUID.map { "series \($0) of study \(studyInstanceUID)" } ?? "study \(studyInstanceUID)"
        let what: String
        switch problem {
        case .missing: what = "\(field) is missing"
        case let .tooLong(length, maxLength): what = "\(field) has \(length) characters, over max_length \(maxLength)"
        case .notADate(let value): what = "\(field) \(Self.quoted(value)) is not a whole date"
        case .notATime(let value): what = "\(field) \(Self.quoted(value)) is not a time of day"
        case .outOfRange(let value): what = "\(field) \(value) is outside the range of IntegerField"
        case let .duplicate(value, first): what = "\(field) \(Self.quoted(value)) is already that of study \(first) (unique)"
        }
        let effect: String
        switch fixture {
        case .storedEmpty: effect = "fixture: stored as \"\""
        case .valueLeftOut: effect = "fixture: value left out"
        case .recordLeftOut: effect = model == .study ? "fixture: study and its series left out" : "fixture: series left out"
        }
        return "\(row): \(what); \(effect)"
    }

    private static func quoted(_ value: String) -> String {
        var text = ""
        JSONValue.writeString(value, to: &text)
        return text
    }
}
