import DICOMStudies
import JSONWriting

/// How the fixture fills `DICOMStudy.imaging_study`, a OneToOneField to `ImagingStudy` that is
/// neither nullable nor derivable from DICOM: an ImagingStudy needs a Patient and an ordering
/// Provider of the app, which no DICOM attribute names. So the fixture links to ImagingStudy
/// rows that must exist when it is loaded.
public enum ImagingStudyLink: Hashable, Sendable {
    /// `imaging_study` is the DICOMStudy's own pk: the ImagingStudy with pk k belongs to the
    /// k-th study of this output. Load into tables where that holds (e.g. ImagingStudy rows
    /// made for this scan first), or the studies are linked to the wrong ImagingStudy.
    case samePK
    /// `imaging_study` from a table of Study Instance UID to ImagingStudy pk; a study that is
    /// not in the table is left out of the fixture, with a warning.
    case byStudyInstanceUID([String: Int])
}

/// The records of one study: its DICOMStudy row, then one DICOMSeries row per series, and
/// the warnings about them.
public struct StudyRecords: Hashable, Sendable {
    /// The DICOMStudy row.
    public var study: Record
    /// The DICOMSeries rows, in the study's series order.
    public var series: [Record]
    /// Warnings about these rows, the study's first, each row's in field order (repeats of unique values last).
    public var warnings: [RecordWarning]

    /// The study row followed by its series rows: the output order of every format.
    public var all: [Record] { [study] + series }
}

/// Turns studies into records one at a time, so a writer can stream them: numbers the rows
/// (studies 1, 2, ... and series 1, 2, ... in output order) and remembers the unique values
/// already in the fixture (accession numbers, ImagingStudy links) to report repeats.
public struct RecordBuilder: Sendable {
    /// How `imaging_study` is filled.
    public let imagingStudy: ImagingStudyLink
    private var nextStudyPK = 1
    private var nextSeriesPK = 1
    private var accessionNumbers: [String: String] = [:]
    private var imagingStudyPKs: [Int: String] = [:]

    /// A builder whose first study and first series get pk 1.
    public init(imagingStudy: ImagingStudyLink = .samePK) {
        self.imagingStudy = imagingStudy
    }

    /// The records of the next study.
    public mutating func add(_ study: StudyEntry) -> StudyRecords {
        add(study, instanceCounts: study.series.map(\.instances.count))
    }

    /// The records of the next study, whose series hold `instanceCounts` instances (their
    /// own `instances` are not read: a catalog hands studies out without them).
    public mutating func add(_ study: StudyEntry, instanceCounts: [Int]) -> StudyRecords {
        precondition(instanceCounts.count == study.series.count, "one count per series")
        let studyPK = nextStudyPK
        nextStudyPK += 1
        var check = RowCheck(model: .study, studyUID: study.uid, seriesUID: nil)
        let uid = check.text(DjangoSchema.studyInstanceUID, study.uid)
        let accession = check.text(DjangoSchema.accessionNumber, study.accessionNumber)
        let date = check.converted(DjangoSchema.studyDate, DjangoValues.date(study.date), invalid: RecordWarning.Problem.notADate)
        let time = check.converted(DjangoSchema.studyTime, DjangoValues.time(study.time), invalid: RecordWarning.Problem.notATime)
        let description = check.text(DjangoSchema.studyDescription, study.description)
        let modality = check.text(DjangoSchema.studyModality, study.modalities.joined(separator: "\\"))
        let manufacturer = check.text(DjangoSchema.manufacturer, study.manufacturer)
        let institution = check.text(DjangoSchema.institutionName, study.institutionName)

        var imagingStudyPK: Int?
        switch imagingStudy {
        case .samePK: imagingStudyPK = studyPK
        case .byStudyInstanceUID(let table):
            imagingStudyPK = table[study.uid]
            if imagingStudyPK == nil { check.warn(DjangoSchema.imagingStudy, .missing, .recordLeftOut) }
        }
        if !check.leftOut, case .string(let value) = accession {
            if let first = accessionNumbers[value] {
                check.warn(DjangoSchema.accessionNumber.name, .duplicate(value, firstStudyInstanceUID: first), .recordLeftOut)
            }
        }
        if !check.leftOut, let imagingStudyPK, let first = imagingStudyPKs[imagingStudyPK] {
            check.warn(DjangoSchema.imagingStudy, .duplicate(String(imagingStudyPK), firstStudyInstanceUID: first),
                       .recordLeftOut)
        }
        if !check.leftOut {
            if case .string(let value) = accession { accessionNumbers[value] = study.uid }
            if let imagingStudyPK { imagingStudyPKs[imagingStudyPK] = study.uid }
        }

        let modelFields = [
            RecordField(DjangoSchema.studyInstanceUID.name, uid),
            RecordField(DjangoSchema.accessionNumber.name, accession),
            RecordField(DjangoSchema.studyDate, date),
            RecordField(DjangoSchema.studyTime, time),
            RecordField(DjangoSchema.studyDescription.name, description),
            RecordField(DjangoSchema.studyModality.name, modality),
            RecordField(DjangoSchema.manufacturer.name, manufacturer),
            RecordField(DjangoSchema.institutionName.name, institution),
        ]
        let studyRecord = Record(
            model: .study, pk: studyPK,
            columns: modelFields + [
                RecordField(DjangoSchema.numberOfSeries, .int(study.series.count)),
                RecordField(DjangoSchema.numberOfInstances, .int(instanceCounts.reduce(0, +))),
            ],
            fixtureFields: check.leftOut ? nil
                : [RecordField(DjangoSchema.imagingStudy, imagingStudyPK.map(JSONValue.int) ?? .null)]
                    + modelFields.filter { !check.omitted.contains($0.name) })

        var warnings = check.warnings
        let seriesRecords = zip(study.series, instanceCounts).map { series, instances in
            let (record, seriesWarnings) = seriesRecord(series, instances: instances, of: study.uid, studyPK: studyPK,
                                                        studyInFixture: !check.leftOut)
            warnings += seriesWarnings
            return record
        }
        return StudyRecords(study: studyRecord, series: seriesRecords, warnings: warnings)
    }

    private mutating func seriesRecord(_ series: SeriesEntry, instances: Int, of studyUID: String, studyPK: Int,
                                       studyInFixture: Bool) -> (Record, [RecordWarning]) {
        let pk = nextSeriesPK
        nextSeriesPK += 1
        var check = RowCheck(model: .series, studyUID: studyUID, seriesUID: series.uid)
        let uid = check.text(DjangoSchema.seriesInstanceUID, series.uid)
        var number = JSONValue.null
        if let value = series.number {
            if DjangoSchema.integerRange.contains(value) {
                number = .int(value)
            } else {
                check.warn(DjangoSchema.seriesNumber, .outOfRange(value), .recordLeftOut)
            }
        } else {
            check.warn(DjangoSchema.seriesNumber, .missing, .recordLeftOut)
        }
        let description = check.text(DjangoSchema.seriesDescription, series.description)
        let modality = check.text(DjangoSchema.seriesModality, series.modality)
        let bodyPart = check.text(DjangoSchema.bodyPartExamined, series.bodyPartExamined)

        let modelFields = [
            RecordField(DjangoSchema.seriesInstanceUID.name, uid),
            RecordField(DjangoSchema.seriesNumber, number),
            RecordField(DjangoSchema.seriesDescription.name, description),
            RecordField(DjangoSchema.seriesModality.name, modality),
            RecordField(DjangoSchema.bodyPartExamined.name, bodyPart),
        ]
        let link = RecordField(DjangoSchema.study, .int(studyPK))
        let record = Record(
            model: .series, pk: pk,
            columns: [link, RecordField(DjangoSchema.seriesStudyInstanceUID, .string(studyUID))] + modelFields
                + [RecordField(DjangoSchema.numberOfInstances, .int(instances))],
            fixtureFields: check.leftOut || !studyInFixture ? nil
                : [link] + modelFields.filter { !check.omitted.contains($0.name) })
        return (record, check.warnings)
    }
}

/// The checks of one row against its model: collects warnings, the fields the fixture leaves
/// out and whether the whole row is left out.
private struct RowCheck {
    let model: RecordModel
    let studyUID: String
    let seriesUID: String?
    var warnings: [RecordWarning] = []
    var omitted: Set<String> = []
    var leftOut = false

    init(model: RecordModel, studyUID: String, seriesUID: String?) {
        self.model = model
        self.studyUID = studyUID
        self.seriesUID = seriesUID
    }

    mutating func warn(_ field: String, _ problem: RecordWarning.Problem, _ effect: RecordWarning.FixtureEffect) {
        warnings.append(RecordWarning(model: model, studyInstanceUID: studyUID, seriesInstanceUID: seriesUID,
                                      field: field, problem: problem, fixture: effect))
        switch effect {
        case .recordLeftOut: leftOut = true
        case .valueLeftOut: omitted.insert(field)
        case .storedEmpty: break
        }
    }

    /// A CharField value. Missing: NULL where the field allows it, else "" (Django's empty
    /// value for text) with a warning. Over `max_length`: kept, with a warning; the fixture
    /// leaves out the row when the field is unique (a UID or accession number cut or emptied
    /// would be a different key), else just the value.
    mutating func text(_ field: DjangoSchema.CharField, _ value: String?) -> JSONValue {
        guard let value, !value.isEmpty else {
            if field.null { return .null }
            warn(field.name, .missing, .storedEmpty)
            return .string("")
        }
        let length = DjangoValues.length(value)
        if length > field.maxLength {
            warn(field.name, .tooLong(length: length, maxLength: field.maxLength),
                 field.unique ? .recordLeftOut : .valueLeftOut)
        }
        return .string(value)
    }

    /// A DateField or TimeField value: NOT NULL in the model, so a missing or invalid value is
    /// null here and leaves the row out of the fixture.
    mutating func converted(_ field: String, _ value: DjangoValues.Converted,
                            invalid: (String) -> RecordWarning.Problem) -> JSONValue {
        switch value {
        case .value(let text): return .string(text)
        case .missing: warn(field, .missing, .recordLeftOut)
        case .invalid(let text): warn(field, invalid(text), .recordLeftOut)
        }
        return .null
    }
}
