import DICOMCore
import DICOMParser

extension InstanceRecord {
    /// Reading stops before this tag: every attribute a record needs comes before it
    /// (the last is Content Label (0070,0080)), and Pixel Data is far after it.
    public static let stopBefore = Tag(0x0070_0081)

    /// Parse options for a scan: stop after the last attribute a record needs, and record only
    /// the attributes a record reads (`keptTags`).
    public static var parseOptions: ParseOptions { ParseOptions(stopBefore: stopBefore, keptTags: keptTags) }

    /// Every tag `init(file:)` reads, at any level, and Directory Record Sequence (0004,1220),
    /// which tells a DICOMDIR.
    public static let keptTags = TagSet([
        .directoryRecordSequence,
        .sopInstanceUID, .sopClassUID, .instanceNumber, .numberOfFrames,
        Keys.contentLabel, Keys.documentTitle, Keys.conceptNameCodeSequence,
        .patientID, Keys.issuerOfPatientID, .patientName, .patientBirthDate, .patientSex,
        .studyInstanceUID, .studyDate, .studyTime, Keys.timezoneOffsetFromUTC, .accessionNumber,
        Keys.issuerOfAccessionNumberSequence, Keys.localNamespaceEntityID, Keys.universalEntityID,
        .studyID, .studyDescription, Keys.referringPhysicianName, Keys.namesOfPhysiciansReadingStudy,
        Keys.procedureCodeSequence, Keys.requestAttributesSequence, Keys.requestedProcedureID,
        Keys.reasonForRequestedProcedure, Keys.reasonForRequestedProcedureCodeSequence,
        Keys.institutionName, .manufacturer,
        .seriesInstanceUID, .seriesNumber, .modality, .seriesDescription, .seriesDate, Keys.seriesTime,
        Keys.bodyPartExamined, Keys.laterality, Keys.imageLaterality, Keys.performingPhysicianName,
        Keys.operatorsName,
        Keys.codeValue, Keys.longCodeValue, Keys.urnCodeValue, Keys.codingSchemeDesignator,
        Keys.codingSchemeVersion, Keys.codeMeaning,
    ])

    /// Extracts the record of `file`.
    public init(file: DICOMFile) {
        self.init(file: file, cache: nil)
    }

    /// Extracts the record of `file`. A `cache` (one per thread) lets the records of one
    /// series share the strings of the attributes they repeat, made once.
    public init(file: DICOMFile, cache: ValueStringCache?) {
        self.init(path: file.path ?? "")
        transferSyntaxUID = file.declaredTransferSyntaxUID ?? file.transferSyntax.uid
        file.dataSet.withTextValues(cache: cache) { extract($0) }
        if sopInstanceUID == nil { sopInstanceUID = file.fileMeta?.uid(.mediaStorageSOPInstanceUID) }
        if sopClassUID == nil { sopClassUID = file.fileMeta?.uid(.mediaStorageSOPClassUID) }
    }

    /// Fills the record from the values of a file's data set: each attribute from the first
    /// element with its tag, as `string(_:)` and the other lookups by tag would give it.
    private mutating func extract(_ ds: TextValues) {
        let at = RecordElements(ds.dataSet.elements)
        func text(_ element: Element?) -> String? { element.flatMap { ds.string(of: $0) } }
        func number(_ element: Element?) -> Int? { element.flatMap { ds.int(of: $0) } }
        func names(_ element: Element?) -> [String] {
            guard let element else { return [] }
            let values = ds.strings(of: element)
            // The (cached) list itself when no value is empty: no new array.
            return values.contains(where: \.isEmpty) ? values.filter { !$0.isEmpty } : values
        }
        func item(_ element: Element?) -> TextValues? { element.flatMap { ds.firstItem(of: $0) } }

        sopInstanceUID = text(at.sopInstanceUID)
        sopClassUID = text(at.sopClassUID)
        instanceNumber = number(at.instanceNumber)
        numberOfFrames = number(at.numberOfFrames)
        title = text(at.contentLabel) ?? text(at.documentTitle)
            ?? item(at.conceptNameCodeSequence)?.string(Keys.codeMeaning)

        patientID = text(at.patientID)
        issuerOfPatientID = text(at.issuerOfPatientID)
        patientName = text(at.patientName)
        patientBirthDate = text(at.patientBirthDate)
        patientSex = text(at.patientSex)

        studyInstanceUID = text(at.studyInstanceUID)
        studyDate = text(at.studyDate)
        studyTime = text(at.studyTime)
        timezoneOffset = text(at.timezoneOffsetFromUTC)
        accessionNumber = text(at.accessionNumber)
        if let issuer = item(at.issuerOfAccessionNumberSequence) {
            issuerOfAccessionNumber = issuer.string(Keys.localNamespaceEntityID)
                ?? issuer.string(Keys.universalEntityID)
        }
        studyID = text(at.studyID)
        studyDescription = text(at.studyDescription)
        referringPhysicianName = text(at.referringPhysicianName)
        physiciansReadingStudy = names(at.namesOfPhysiciansReadingStudy)
        procedureCodes = at.procedureCodeSequence.map { Self.codes(ds, $0) } ?? []
        let request = item(at.requestAttributesSequence)
        requestedProcedureID = text(at.requestedProcedureID) ?? request?.string(Keys.requestedProcedureID)
        reasonForRequestedProcedure = text(at.reasonForRequestedProcedure)
            ?? request?.string(Keys.reasonForRequestedProcedure)
        reasonForRequestedProcedureCodes = at.reasonForRequestedProcedureCodeSequence.map { Self.codes(ds, $0) } ?? []
        if reasonForRequestedProcedureCodes.isEmpty, let request,
           let codes = request.dataSet.element(Keys.reasonForRequestedProcedureCodeSequence) {
            reasonForRequestedProcedureCodes = Self.codes(request, codes)
        }
        institutionName = text(at.institutionName)
        manufacturer = text(at.manufacturer)

        seriesInstanceUID = text(at.seriesInstanceUID)
        seriesNumber = number(at.seriesNumber)
        modality = text(at.modality)
        seriesDescription = text(at.seriesDescription)
        seriesDate = text(at.seriesDate)
        seriesTime = text(at.seriesTime)
        bodyPartExamined = text(at.bodyPartExamined)
        laterality = text(at.laterality) ?? text(at.imageLaterality)
        performingPhysicianName = names(at.performingPhysicianName)
        operatorsName = names(at.operatorsName)
    }

    /// The coded entries of the items of the code sequence `element` of `values`.
    private static func codes(_ values: TextValues, _ element: Element) -> [CodedEntry] {
        var entries: [CodedEntry] = []
        values.forEachItem(of: element) { item in
            guard let value = item.string(Keys.codeValue) ?? item.string(Keys.longCodeValue)
                    ?? item.string(Keys.urnCodeValue) else { return }
            entries.append(CodedEntry(value: value, scheme: item.string(Keys.codingSchemeDesignator),
                                      schemeVersion: item.string(Keys.codingSchemeVersion),
                                      meaning: item.string(Keys.codeMeaning)))
        }
        return entries
    }
}

/// Tags a record reads that `Tag` has no name for.
private enum Keys {
    static let timezoneOffsetFromUTC = Tag(0x0008_0201)
    static let issuerOfAccessionNumberSequence = Tag(0x0008_0051)
    static let institutionName = Tag(0x0008_0080)
    static let referringPhysicianName = Tag(0x0008_0090)
    static let codeValue = Tag(0x0008_0100)
    static let codingSchemeDesignator = Tag(0x0008_0102)
    static let codingSchemeVersion = Tag(0x0008_0103)
    static let codeMeaning = Tag(0x0008_0104)
    static let longCodeValue = Tag(0x0008_0119)
    static let urnCodeValue = Tag(0x0008_0120)
    static let seriesTime = Tag(0x0008_0031)
    static let procedureCodeSequence = Tag(0x0008_1032)
    static let performingPhysicianName = Tag(0x0008_1050)
    static let namesOfPhysiciansReadingStudy = Tag(0x0008_1060)
    static let operatorsName = Tag(0x0008_1070)
    static let issuerOfPatientID = Tag(0x0010_0021)
    static let bodyPartExamined = Tag(0x0018_0015)
    static let laterality = Tag(0x0020_0060)
    static let imageLaterality = Tag(0x0020_0062)
    static let requestAttributesSequence = Tag(0x0040_0275)
    static let localNamespaceEntityID = Tag(0x0040_0031)
    static let universalEntityID = Tag(0x0040_0032)
    static let requestedProcedureID = Tag(0x0040_1001)
    static let reasonForRequestedProcedure = Tag(0x0040_1002)
    static let reasonForRequestedProcedureCodeSequence = Tag(0x0040_100A)
    static let conceptNameCodeSequence = Tag(0x0040_A043)
    static let documentTitle = Tag(0x0042_0010)
    static let contentLabel = Tag(0x0070_0080)
}
