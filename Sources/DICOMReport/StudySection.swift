import DICOMStudies
import Foundation

/// One study of the page: its header (patient, date, description, accession, modalities,
/// counts) and a card per series.
struct StudySection {
    let study: StudyEntry
    /// The section's id, made by the page ("study-3"), never from a value of the file.
    let anchor: String
    let images: [String: SeriesImage]

    func write(_ out: PageOutput) {
        out.raw("<section class=\"study\" id=\"\(anchor)\">\n<header class=\"study-head\">\n<div class=\"title\">\n<h2><bdi>")
        out.text(study.description ?? "Study without description")
        out.raw("</bdi></h2>\n<p class=\"modalities\">")
        for modality in study.modalities {
            out.element("span", modality, class: "badge")
        }
        out.raw("</p>\n</div>\n")
        writePatient(out)
        writeFacts(out)
        out.raw("</header>\n<ul class=\"series-grid\">\n")
        for series in study.series { writeCard(series, out) }
        out.raw("</ul>\n</section>\n")
    }

    private func writePatient(_ out: PageOutput) {
        let patient = study.patient
        out.raw("<p class=\"patient\">")
        if let raw = patient.name, !raw.isEmpty {
            let name = DisplayText.personName(raw)
            out.raw("<bdi class=\"name\">")
            out.text(name.main)
            out.raw("</bdi>")
            if let other = name.other {
                out.raw(" <bdi class=\"name-other\">")
                out.text(other)
                out.raw("</bdi>")
            }
        } else {
            out.raw("<span class=\"name unknown\">No patient name</span>")
        }
        if let id = patient.id {
            out.raw(" <span class=\"pid\" title=\"Patient ID\">")
            out.text(id)
            if let issuer = patient.issuer {
                out.raw("<span class=\"issuer\"> (")
                out.text(issuer)
                out.raw(")</span>")
            }
            out.raw("</span>")
        }
        if let birthDate = patient.birthDate {
            out.raw(" <span class=\"sep\">·</span> born ")
            out.text(DisplayText.date(birthDate))
        }
        if let sex = patient.sex {
            out.raw(" <span class=\"sep\">·</span> ")
            out.text(DisplayText.sex(sex))
        }
        out.raw("</p>\n")
    }

    private func writeFacts(_ out: PageOutput) {
        out.raw("<dl class=\"facts\">")
        func fact(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out.raw("<div><dt>\(label)</dt> <dd>")
            out.text(value)
            out.raw("</dd></div>")
        }
        var when = study.date.map(DisplayText.date)
        if let time = study.time.map(DisplayText.time) { when = (when.map { $0 + " " } ?? "") + time }
        fact("Date", when ?? "unknown")
        fact("Accession", study.accessionNumber)
        fact("Study ID", study.studyID)
        fact("Institution", study.institutionName)
        fact("Series", grouped(study.series.count))
        fact("Instances", grouped(study.numberOfInstances))
        out.raw("</dl>\n")
    }

    private func writeCard(_ series: SeriesEntry, _ out: PageOutput) {
        out.raw("<li class=\"series\">")
        let modality = series.modality ?? "?"
        switch images[series.uid] {
        case .jpeg(let bytes, let width, let height)?:
            out.raw("<div class=\"thumb\"><img width=\"\(width)\" height=\"\(height)\" alt=\"")
            out.text(modality + " series " + (series.number.map(String.init) ?? "") + ": " + (series.description ?? ""))
            out.raw("\" src=\"data:image/jpeg;base64,")
            out.raw(Data(bytes).base64EncodedString())
            out.raw("\" /></div>")
        case .unavailable(_, let reason, let noPixelData)?:
            out.raw("<div class=\"thumb none\" title=\"")
            out.text(reason)
            out.raw("\"><b>")
            out.text(modality)
            out.raw(noPixelData ? "</b><span>no image</span></div>" : "</b><span>cannot show</span></div>")
        case nil:
            out.raw("<div class=\"thumb none\"><b>")
            out.text(modality)
            out.raw("</b><span>no image</span></div>")
        }
        out.raw("<div class=\"series-body\"><p class=\"series-title\">")
        out.element("span", modality, class: "badge")
        if let number = series.number { out.raw(" <span class=\"number\">#\(number)</span>") }
        if let description = series.description {
            out.raw(" <bdi>")
            out.text(description)
            out.raw("</bdi>")
        }
        out.raw("</p><p class=\"series-meta\">")
        var meta: [String] = []
        if let part = series.bodyPartExamined { meta.append(part) }
        if let laterality = series.laterality { meta.append(laterality) }
        meta.append(DisplayText.count(series.instances.count, "instance", "instances"))
        let frames = series.instances.reduce(0) { $0 + ($1.numberOfFrames ?? 0) }
        if frames > series.instances.count { meta.append(DisplayText.count(frames, "frame", "frames")) }
        out.text(meta.joined(separator: " · "))
        out.raw("</p></div></li>\n")
    }
}
