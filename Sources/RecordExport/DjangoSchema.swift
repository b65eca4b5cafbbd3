/// The fields of the Django models `DICOMStudy` and `DICOMSeries` (the imaging app of
/// `shared/seeds/002_c0d89b3221c4425c.txt`), as far as the records need them: names, types,
/// `max_length`, `null` and `unique`.
///
/// Every CharField there is `max_length` 64 or 16, the maximum lengths of the DICOM value
/// representations they hold (UI and LO 64, SH and CS 16), so a conformant file always fits;
/// only the study's `modality`, which joins several CS values, can exceed its limit from
/// conformant data.
enum DjangoSchema {
    /// A CharField's rules.
    struct CharField {
        let name: String
        let maxLength: Int
        let null: Bool
        let unique: Bool
    }

    // DICOMStudy, in model order.
    static let imagingStudy = "imaging_study"
    static let studyInstanceUID = CharField(name: "study_instance_uid", maxLength: 64, null: false, unique: true)
    static let accessionNumber = CharField(name: "accession_number", maxLength: 16, null: false, unique: true)
    static let studyDate = "study_date"
    static let studyTime = "study_time"
    static let studyDescription = CharField(name: "study_description", maxLength: 64, null: false, unique: false)
    static let studyModality = CharField(name: "modality", maxLength: 16, null: false, unique: false)
    static let manufacturer = CharField(name: "manufacturer", maxLength: 64, null: true, unique: false)
    static let institutionName = CharField(name: "institution_name", maxLength: 64, null: true, unique: false)

    // DICOMSeries, in model order.
    static let study = "study"
    static let seriesInstanceUID = CharField(name: "series_instance_uid", maxLength: 64, null: false, unique: true)
    static let seriesNumber = "series_number"
    static let seriesDescription = CharField(name: "series_description", maxLength: 64, null: false, unique: false)
    static let seriesModality = CharField(name: "modality", maxLength: 16, null: false, unique: false)
    static let bodyPartExamined = CharField(name: "body_part_examined", maxLength: 16, null: false, unique: false)

    // Record keys that are not model fields.
    static let seriesStudyInstanceUID = "study_instance_uid"
    static let numberOfSeries = "number_of_series"
    static let numberOfInstances = "number_of_instances"

    /// The columns of a study record after `model` and `pk`.
    static let studyColumns = [
        studyInstanceUID.name, accessionNumber.name, studyDate, studyTime, studyDescription.name, studyModality.name,
        manufacturer.name, institutionName.name, numberOfSeries, numberOfInstances,
    ]
    /// The columns of a series record after `model` and `pk`.
    static let seriesColumns = [
        study, seriesStudyInstanceUID, seriesInstanceUID.name, seriesNumber, seriesDescription.name,
        seriesModality.name, bodyPartExamined.name, numberOfInstances,
    ]

    /// The range of IntegerField (Django documents -2147483648 to 2147483647 on every database).
    static let integerRange = Int(Int32.min)...Int(Int32.max)
}
