/// The patient a study belongs to, as its files name them.
public struct PatientInfo: Hashable, Sendable {
    public var id: String?
    public var issuer: String?
    /// Patient's Name with its component groups, e.g. `Yamada^Tarou=山田^太郎`.
    public var name: String?
    public var birthDate: String?
    public var sex: String?

    /// A patient; every value absent unless given.
    public init(id: String? = nil, issuer: String? = nil, name: String? = nil, birthDate: String? = nil,
                sex: String? = nil) {
        self.id = id
        self.issuer = issuer
        self.name = name
        self.birthDate = birthDate
        self.sex = sex
    }
}

/// One instance (one SOP Instance UID) of a series.
public struct InstanceEntry: Hashable, Sendable {
    public var sopInstanceUID: String
    public var sopClassUID: String?
    public var number: Int?
    public var title: String?
    public var numberOfFrames: Int?
    /// The file it was read from (the first one, when duplicated).
    public var path: String

    /// An instance (as a store rebuilds it).
    public init(sopInstanceUID: String, sopClassUID: String? = nil, number: Int? = nil, title: String? = nil,
                numberOfFrames: Int? = nil, path: String) {
        self.sopInstanceUID = sopInstanceUID
        self.sopClassUID = sopClassUID
        self.number = number
        self.title = title
        self.numberOfFrames = numberOfFrames
        self.path = path
    }
}

/// One series of a study, with its instances in order (instance number, then UID).
public struct SeriesEntry: Equatable, Sendable {
    public var uid: String
    public var number: Int?
    public var modality: String?
    public var description: String?
    public var date: String?
    public var time: String?
    public var bodyPartExamined: String?
    public var laterality: String?
    public var performingPhysicianName: [String] = []
    public var operatorsName: [String] = []
    public var instances: [InstanceEntry] = []

    /// A series with this UID and nothing else yet.
    public init(uid: String) { self.uid = uid }
}

/// One study: its attributes, its patient and its series in order (series number, then UID).
///
/// Study-level values come from the first file (in path order) that has them.
public struct StudyEntry: Equatable, Sendable {
    public var uid: String
    public var patient = PatientInfo()
    public var date: String?
    public var time: String?
    public var timezoneOffset: String?
    public var accessionNumber: String?
    public var issuerOfAccessionNumber: String?
    public var studyID: String?
    public var description: String?
    public var referringPhysicianName: String?
    public var physiciansReadingStudy: [String] = []
    public var procedureCodes: [CodedEntry] = []
    public var requestedProcedureID: String?
    public var reasonForRequestedProcedure: String?
    public var reasonForRequestedProcedureCodes: [CodedEntry] = []
    public var institutionName: String?
    public var manufacturer: String?
    public var series: [SeriesEntry] = []

    /// A study with this UID and nothing else yet.
    public init(uid: String) { self.uid = uid }

    /// Number of instances over all series.
    public var numberOfInstances: Int { series.reduce(0) { $0 + $1.instances.count } }

    /// The distinct modalities of the series, in order of first appearance.
    public var modalities: [String] {
        var seen: [String] = []
        for modality in series.compactMap(\.modality) where !seen.contains(modality) { seen.append(modality) }
        return seen
    }
}
