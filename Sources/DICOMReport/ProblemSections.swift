import DICOMStudies

/// The end of the page: files that could not be read, files read with damage, files not
/// grouped, and series without an image, each a table (at most `rowLimit` rows, the rest
/// counted). Sections with nothing to list are left out.
struct ProblemSections {
    let report: ArchiveReport
    let rowLimit: Int

    func write(_ out: PageOutput) {
        let missingImages = seriesWithoutImage()
        guard !report.unreadable.isEmpty || !report.damaged.isEmpty || !report.ungrouped.isEmpty
                || !missingImages.isEmpty else { return }
        out.raw("<section class=\"problems\" id=\"problems\">\n")
        writeProblems(report.unreadable, title: "Files that could not be read", id: "unreadable", out)
        writeProblems(report.damaged, title: "Files read up to damage", id: "damaged", out,
                      note: "Their instances are in the studies above, with what came before the damage.")
        if !report.ungrouped.isEmpty {
            table(title: "Files not grouped", id: "ungrouped", count: report.ungrouped.count, bad: true,
                  note: "DICOM files without one of the UIDs that place an instance in a series and a study.",
                  header: ["File", "Missing"], out) {
                for file in report.ungrouped.prefix(rowLimit) {
                    row([(file.path, "path"), (file.missing.joined(separator: ", "), nil)], out)
                }
            }
        }
        if !missingImages.isEmpty {
            table(title: "Series without a displayable image", id: "no-image", count: missingImages.count, bad: false,
                  note: "Structured reports, key object selections and other series without pixel data, and images that could not be decoded.",
                  header: ["Study", "Series", "File tried", "Why"], out) {
                for entry in missingImages.prefix(rowLimit) {
                    out.raw("<tr><td><a href=\"#\(entry.anchor)\"><bdi>")
                    out.text(entry.study)
                    out.raw("</bdi></a></td>")
                    out.raw("<td><bdi>")
                    out.text(entry.series)
                    out.raw("</bdi></td><td class=\"path\">")
                    out.text(entry.path)
                    out.raw("</td><td>")
                    out.text(entry.reason)
                    out.raw("</td></tr>\n")
                }
            }
        }
        out.raw("</section>\n")
    }

    private func writeProblems(_ problems: [ScanProblem], title: String, id: String, _ out: PageOutput, note: String? = nil) {
        guard !problems.isEmpty else { return }
        table(title: title, id: id, count: problems.count, bad: true, note: note, header: ["File", "Offset#", "Error"], out) {
            for problem in problems.prefix(rowLimit) {
                row([(problem.path, "path"), (problem.offset.map { grouped($0) } ?? "", "num"), (problem.message, nil)], out)
            }
        }
    }

    /// A titled table; a header name ending in "#" is a number column.
    private func table(title: String, id: String, count: Int, bad: Bool, note: String?, header: [String],
                       _ out: PageOutput, rows: () -> Void) {
        out.raw("<h2 id=\"\(id)\"\(bad ? " class=\"bad\"" : "")>\(title) <span class=\"count\">\(grouped(count))</span></h2>\n")
        if let note { out.raw("<p class=\"note\">\(note)</p>\n") }
        out.raw("<div class=\"table-wrap\"><table class=\"list\">\n<thead><tr>")
        for name in header {
            out.raw(name.hasSuffix("#") ? "<th class=\"num\">\(name.dropLast())</th>" : "<th>\(name)</th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        rows()
        out.raw("</tbody>\n</table></div>\n")
        if count > rowLimit {
            out.raw("<p class=\"note\">… and \(grouped(count - rowLimit)) more.</p>\n")
        }
    }

    private func row(_ cells: [(text: String, class: String?)], _ out: PageOutput) {
        out.raw("<tr>")
        for cell in cells {
            out.raw(cell.class.map { "<td class=\"\($0)\">" } ?? "<td>")
            out.text(cell.text)
            out.raw("</td>")
        }
        out.raw("</tr>\n")
    }

    /// Each series whose image is unavailable, with the study it belongs to.
    private func seriesWithoutImage() -> [(anchor: String, study: String, series: String, path: String, reason: String)] {
        var result: [(anchor: String, study: String, series: String, path: String, reason: String)] = []
        for (index, study) in report.studies.enumerated() {
            for series in study.series {
                guard case .unavailable(let path, let reason, _)? = report.images[series.uid] else { continue }
                let patient = study.patient.name.map { DisplayText.personName($0).main } ?? study.patient.id ?? ""
                let studyText = [study.date.map(DisplayText.date), patient.isEmpty ? nil : patient, study.description]
                    .compactMap { $0 }.joined(separator: " · ")
                let seriesText = [series.modality, series.number.map { "#\($0)" }, series.description]
                    .compactMap { $0 }.joined(separator: " ")
                result.append(("study-\(index + 1)", studyText, seriesText, path, reason))
            }
        }
        return result
    }
}
