@testable import DICOMStudies

/// Hand-built studies for the record tests.
enum Studies {
    static func instances(_ count: Int, series: String) -> [InstanceEntry] {
        (0..<count).map {
            InstanceEntry(sopInstanceUID: "\(series).\($0 + 1)", number: $0 + 1, path: "/archive/\(series)/\($0 + 1)")
        }
    }

    /// A CT study with a CT series of two instances and an SR series without body part.
    static var ctWithReport: StudyEntry {
        var study = StudyEntry(uid: "1.2.840.99.1")
        study.accessionNumber = "A1001"
        study.date = "20240312"
        study.time = "101530.5"
        study.description = "CT Thorax"
        study.institutionName = "Klinik \"Nord\", Haus 2"
        var ct = SeriesEntry(uid: "1.2.840.99.1.1")
        ct.number = 1
        ct.modality = "CT"
        ct.description = "Thorax 5mm"
        ct.bodyPartExamined = "CHEST"
        ct.instances = instances(2, series: ct.uid)
        var sr = SeriesEntry(uid: "1.2.840.99.1.2")
        sr.number = 2
        sr.modality = "SR"
        sr.description = "Befund"
        sr.instances = instances(1, series: sr.uid)
        study.series = [ct, sr]
        return study
    }

    /// A study with the given values and one series numbered 1.
    static func study(_ uid: String, accession: String?, date: String? = "20240101",
                      time: String? = "1200", modalities: [String] = ["MR"]) -> StudyEntry {
        var study = StudyEntry(uid: uid)
        study.accessionNumber = accession
        study.date = date
        study.time = time
        study.description = "Study"
        study.series = modalities.enumerated().map { index, modality in
            var series = SeriesEntry(uid: "\(uid).\(index + 1)")
            series.number = index + 1
            series.modality = modality
            series.description = "Series"
            series.bodyPartExamined = "HEAD"
            series.instances = instances(1, series: series.uid)
            return series
        }
        return study
    }
}
