import DICOMStudies

/// Writes an `ArchiveReport` as one self-contained HTML page: inline CSS, thumbnails as
/// `data:` URIs of JPEG, no script and nothing loaded from elsewhere, so it opens offline
/// and can be mailed or archived as one file.
///
/// The page: a header with the totals; an index of the studies (collapsed when there are more
/// than 20); one section per study (patient, dates, description, accession, modalities,
/// counts, under a header that stays on screen while its series scroll by) with a card per
/// series (thumbnail, modality, number, description, body part, instances); then the files
/// that could not be read, those read with damage, those not grouped, and the series without
/// an image. Every value from a file or a path is escaped (`HTMLEscaping`); the markup is also
/// well-formed XML. The same report always gives the same bytes (no time stamp).
public struct ReportPage {
    /// The report to write.
    public let report: ArchiveReport
    /// "dicomidx 0.1.0": named in the footer and the generator meta tag.
    public let generator: String

    /// Most rows of each problem table; the rest are counted.
    public var problemRowLimit = 5000
    /// Above this many studies the index starts collapsed.
    public var openIndexLimit = 20

    /// A page for `report`.
    public init(report: ArchiveReport, generator: String) {
        self.report = report
        self.generator = generator
    }

    /// Writes the page to `sink`, in chunks.
    public func write(to sink: @escaping (String) -> Void) {
        let out = PageOutput(sink)
        writeHead(out)
        out.raw("<body>\n")
        writeHeader(out)
        out.raw("<main>\n")
        writeIndex(out)
        for (index, study) in report.studies.enumerated() {
            StudySection(study: study, anchor: "study-\(index + 1)", images: report.images).write(out)
        }
        ProblemSections(report: report, rowLimit: problemRowLimit).write(out)
        out.raw("</main>\n<footer>Made by ")
        out.text(generator)
        out.raw(" from the files named at the top. Thumbnails show the first frame of each series' middle instance.</footer>\n")
        out.raw("</body>\n</html>\n")
        out.flush()
    }

    /// The whole page as one string (for tests and small reports).
    public func html() -> String {
        var text = ""
        write { text += $0 }
        return text
    }

    private func writeHead(_ out: PageOutput) {
        out.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
        out.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        out.raw("<meta name=\"generator\" content=\"")
        out.text(generator)
        out.raw("\" />\n<title>")
        out.text(report.title)
        out.raw("</title>\n<style>\n")
        out.raw(ReportStyle.css(thumbnailSize: report.thumbnailSize))
        out.raw("</style>\n</head>\n")
    }

    private func writeHeader(_ out: PageOutput) {
        let totals = report.totals
        out.raw("<header class=\"page-head\">\n<h1>")
        out.text(report.title)
        out.raw("</h1>\n<p class=\"sources\">")
        for (index, source) in report.sources.enumerated() {
            if index > 0 { out.raw(" · ") }
            out.raw("<bdi>")
            out.text(source)
            out.raw("</bdi>")
        }
        out.raw("</p>\n<dl class=\"totals\">\n")
        func total(_ label: String, _ value: Int, class name: String? = nil) {
            out.raw("<div" + (name.map { " class=\"\($0)\"" } ?? "") + "><dt>\(label)</dt><dd>\(grouped(value))</dd></div>\n")
        }
        total("Patients", totals.patients)
        total("Studies", totals.studies)
        total("Series", totals.series)
        total("Instances", totals.instances)
        total("Files", totals.filesSeen)
        if totals.skipped > 0 { total("Skipped", totals.skipped, class: "quiet") }
        if totals.duplicates > 0 { total("Duplicates", totals.duplicates, class: "quiet") }
        total("Not readable", totals.failed, class: totals.failed > 0 ? "bad" : "quiet")
        out.raw("</dl>\n</header>\n")
    }

    private func writeIndex(_ out: PageOutput) {
        guard !report.studies.isEmpty else {
            out.raw("<p class=\"empty\">No studies were found.</p>\n")
            return
        }
        let open = report.studies.count <= openIndexLimit ? " open=\"\"" : ""
        out.raw("<details class=\"index\"\(open)>\n<summary>Index of \(DisplayText.count(report.studies.count, "study", "studies"))</summary>\n")
        out.raw("<table>\n<thead><tr><th>Date</th><th>Patient</th><th>Study</th><th>Modalities</th><th class=\"num\">Series</th><th class=\"num\">Instances</th></tr></thead>\n<tbody>\n")
        for (index, study) in report.studies.enumerated() {
            out.raw("<tr><td class=\"nowrap\"><a href=\"#study-\(index + 1)\">")
            out.text(study.date.map(DisplayText.date) ?? "no date")
            out.raw("</a></td><td><bdi>")
            out.text(study.patient.name.map { DisplayText.personName($0).main } ?? study.patient.id ?? "")
            out.raw("</bdi></td><td><bdi>")
            out.text(study.description ?? "")
            out.raw("</bdi></td><td>")
            out.text(study.modalities.joined(separator: ", "))
            out.raw("</td><td class=\"num\">\(grouped(study.series.count))</td><td class=\"num\">\(grouped(study.numberOfInstances))</td></tr>\n")
        }
        out.raw("</tbody>\n</table>\n</details>\n")
    }
}
