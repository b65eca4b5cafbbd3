import JSONWriting

/// The two Django models of the imaging app (`DICOMStudy`, `DICOMSeries`) that records are made for.
public enum RecordModel: String, Hashable, Sendable {
    /// A `DICOMStudy` row: one per study.
    case study = "dicomstudy"
    /// A `DICOMSeries` row: one per series.
    case series = "dicomseries"

    /// The keys of its records after `model`: `pk`, then `Record.columns` in order. Also the
    /// CSV header, which never depends on the values.
    public var columnNames: [String] {
        ["pk"] + (self == .study ? DjangoSchema.studyColumns : DjangoSchema.seriesColumns)
    }
}

/// One named value of a record.
public struct RecordField: Hashable, Sendable {
    /// The Django field name (or, for the extra columns, the record key).
    public var name: String
    /// `.string`, `.int` or `.null`.
    public var value: JSONValue

    /// Creates a field.
    public init(_ name: String, _ value: JSONValue) {
        self.name = name
        self.value = value
    }
}

/// One `DICOMStudy` or `DICOMSeries` row, ready for each output format.
///
/// `columns` is what the JSON Lines record and the CSV row hold: every value in full, the link
/// to the study and the instance counts. `fixtureFields` is what the Django fixture holds: only
/// model fields, in model order, without the values the fixture must leave out; nil when the
/// whole row is left out of the fixture. `RecordWarning`s say why.
public struct Record: Hashable, Sendable {
    /// Which model the row is for.
    public var model: RecordModel
    /// The primary key: 1, 2, ... in output order, counted separately for studies and series.
    public var pk: Int
    /// The record's keys after `model` and `pk`, in order; also the CSV columns after `pk`.
    public var columns: [RecordField]
    /// The fixture object's `fields`, or nil when the row is left out of the fixture.
    public var fixtureFields: [RecordField]?

    /// The value of the column `name`, or nil when there is no such column.
    public subscript(column name: String) -> JSONValue? {
        columns.first { $0.name == name }?.value
    }

    /// The JSON Lines record: `{"model":"dicomstudy","pk":1,...}` without a line end.
    public func jsonLine() -> String {
        var members: [(String, JSONValue)] = [("model", .string(model.rawValue)), ("pk", .int(pk))]
        members += columns.map { ($0.name, $0.value) }
        return JSONValue.object(members).serialized()
    }

    /// The fixture object `{"model":"<app>.dicomstudy","pk":1,"fields":{...}}`, or nil when the
    /// row is left out of the fixture. `djangoApp` must be a valid app label.
    public func fixtureObject(djangoApp: String) -> String? {
        guard let fixtureFields else { return nil }
        return JSONValue.object([
            ("model", .string(djangoApp + "." + model.rawValue)),
            ("pk", .int(pk)),
            ("fields", .object(fixtureFields.map { ($0.name, $0.value) })),
        ]).serialized()
    }
}
