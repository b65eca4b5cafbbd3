import Foundation
import XCTest

/// `dicomidx report`: the page of TestData (one section per study, a card per series, every
/// thumbnail a JPEG that decodes, the damaged files listed), escaping of hostile values and
/// paths, the index as source, and exit statuses.
final class ReportCommandTests: XCTestCase {
    private static let testData = Dicomidx.archive

    func testTestDataPageHasEveryStudySeriesThumbnailAndDamagedFile() throws {
        let scratch = try TemporaryDirectory()
        let output = scratch.path + "/report.html"
        let run = try Dicomidx.run(["report", Self.testData, "-o", output, "--size", "96", "--summary-json", scratch.path + "/s.json"])
        XCTAssertEqual(run.status, 1, "TestData holds two damaged files: " + run.stderr)
        XCTAssertTrue(run.stderr.contains("report: 9 thumbnails, 1 series without an image"), run.stderr)
        let page = try ParsedReport(path: output)

        XCTAssertEqual(try page.nodes("//section[@class='study']").count, 4)
        XCTAssertEqual(try page.attributes("//section[@class='study']", "id"), ["study-1", "study-2", "study-3", "study-4"])
        XCTAssertEqual(try page.texts("//section[@class='study']//h2"),
                       ["Röntgen Thorax 2 Ebenen", "CT Thorax mit KM", "MR 右膝関節", "US Abdomen"])
        XCTAssertEqual(try page.texts("//section[@class='study']//bdi[@class='name']"),
                       ["Müller, Jürgen", "Müller, Jürgen", "Yamada, Tarou", "Doe, Jane"])
        XCTAssertEqual(try page.texts("//bdi[@class='name-other']"), ["山田 太郎 · やまだ たろう"])
        let ctFacts = try page.texts("//section[@id='study-2']//dl[@class='facts']/div").joined(separator: "|")
        XCTAssertEqual(ctFacts, "Date 2024-03-12 10:15:30|Accession ACC24031201|Study ID 1|Institution Universitätsklinikum Süd|Series 4|Instances 7")
        XCTAssertEqual(try page.texts("//section[@id='study-2']//p[@class='modalities']/span"), ["CT", "OT", "SR"])
        XCTAssertTrue(try page.texts("//section[@id='study-2']//p[@class='patient']").first?.contains("born 1958-02-14 · male") == true)

        XCTAssertEqual(try page.nodes("//li[@class='series']").count, 10)
        XCTAssertEqual(try page.texts("//section[@id='study-2']//p[@class='series-title']"),
                       ["CT #1 Thorax 5mm", "CT #2 Lunge 1mm", "OT #3 Dosisprotokoll", "SR #4 Befund"])
        XCTAssertEqual(try page.texts("//section[@id='study-2']//p[@class='series-meta']"),
                       ["CHEST · 3 instances", "CHEST · 2 instances", "1 instance", "1 instance"])
        let images = try page.decodedImages()
        XCTAssertEqual(images.count, 9, "every image series has a thumbnail")
        for image in images { XCTAssertLessThanOrEqual(max(image.width, image.height), 96) }
        XCTAssertEqual(try page.texts("//div[@class='thumb none']/b"), ["SR"])

        let unreadable = try page.nodes("//table[preceding::h2[1][@id='unreadable']]//tbody/tr")
        XCTAssertEqual(unreadable.map { $0.children?.map { $0.stringValue ?? "" } ?? [] }, [
            [Self.testData + "/PAT001_MUELLER/20240115_DX_THORAX/SE002_THORAX_LAT/IM0002.dcm", "966",
             "(0010,0010) PN: length 14 exceeds the 3 bytes left"],
            [Self.testData + "/PAT001_MUELLER/20240312_CT_THORAX/SE001_THORAX_5MM/IM0004", "462",
             "(0008,0020) DA: length 4294967290 exceeds the 3524 bytes left"],
        ])
        let noImage = try page.texts("//table[preceding::h2[1][@id='no-image']]//tbody/tr").joined()
        XCTAssertTrue(noImage.contains("SR #4 Befund"), noImage)
        XCTAssertTrue(noImage.contains("no Pixel Data (7FE0,0010)"), noImage)

        // Self-contained: nothing is loaded from elsewhere, nothing runs.
        XCTAssertFalse(page.text.contains("<script"))
        XCTAssertEqual(try page.nodes("//script | //link | //iframe | //object | //embed").count, 0)
        XCTAssertEqual(try page.attributes("//*[@src]", "src").filter { !$0.hasPrefix("data:image/jpeg;base64,") }, [])
        XCTAssertEqual(try page.attributes("//a[@href]", "href").filter { !$0.hasPrefix("#") }, [])
        XCTAssertFalse(page.text.contains("url("), "no resource in the CSS")

        // Deterministic: the same archive gives the same page.
        let again = scratch.path + "/again.html"
        XCTAssertEqual(try Dicomidx.run(["report", Self.testData, "-o", again, "--size", "96", "--jobs", "1", "--quiet"]).status, 1)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: again)), try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    func testHostileValuesAndPathsAreEscaped() throws {
        let scratch = try TemporaryDirectory()
        let archive = scratch.path + "/archive"
        try HostileReportFiles.make(in: archive)
        let output = scratch.path + "/report.html"
        let run = try Dicomidx.run(["report", archive, "-o", output, "--quiet"])
        XCTAssertEqual(run.status, 1, "one file is damaged: " + run.stderr)
        let page = try ParsedReport(path: output)

        XCTAssertFalse(page.text.contains("<script"), "no raw script tag")
        XCTAssertFalse(page.text.contains("<img src=x"), "no injected tag")
        XCTAssertEqual(try page.nodes("//script").count, 0)
        XCTAssertTrue(page.text.contains("&lt;script&gt;alert(&quot;pn&quot;)&lt;/script&gt;&amp;&#39;"), "escaped in text")
        // Parsed back, the values are the file's own.
        XCTAssertEqual(try page.texts("//section[@class='study']//bdi[@class='name']"), [HostileReportFiles.patientName])
        XCTAssertEqual(try page.texts("//section[@class='study']//h2"), [HostileReportFiles.studyDescription])
        XCTAssertTrue(try page.texts("//span[@class='pid']").contains(HostileReportFiles.patientID))
        XCTAssertTrue(try page.texts("//p[@class='series-title']/bdi").contains(HostileReportFiles.seriesDescription))
        XCTAssertTrue(try page.attributes("//img", "alt").contains { $0.hasSuffix(": " + HostileReportFiles.seriesDescription) })
        XCTAssertEqual(try page.texts("//title"), ["DICOM archive report"])

        // Both image files have a thumbnail: the one whose name is not UTF-8 is opened by its bytes.
        XCTAssertEqual(try page.decodedImages().count, 2)
        // The damaged file's name, with markup characters and a byte that is not UTF-8, is listed safely.
        let unreadable = try page.texts("//table[preceding::h2[1][@id='unreadable']]//td[@class='path']")
        XCTAssertEqual(unreadable, [archive + "/" + HostileReportFiles.damagedNameShown])
        XCTAssertTrue(page.text.contains("&lt;bad&gt;&amp;&quot;&#39;\\xFF.dcm"), "the path is escaped")
    }

    func testReportOfTheIndexShowsWhatTheScanShows() throws {
        let scratch = try TemporaryDirectory()
        let db = scratch.path + "/index.sqlite"
        XCTAssertEqual(try Dicomidx.run(["index", Self.testData, "--db", db, "--quiet"]).status, 1)
        let fromIndex = scratch.path + "/index.html", fromScan = scratch.path + "/scan.html"
        let run = try Dicomidx.run(["report", "--db", db, "-o", fromIndex, "--quiet"])
        XCTAssertEqual(run.status, 1, "the index holds two damaged files: " + run.stderr)
        XCTAssertEqual(try Dicomidx.run(["report", Self.testData, "-o", fromScan, "--quiet"]).status, 1)
        let indexPage = try ParsedReport(path: fromIndex), scanPage = try ParsedReport(path: fromScan)
        XCTAssertEqual(try indexPage.texts("//p[@class='sources']"), ["index " + db])
        XCTAssertEqual(try indexPage.texts("//main"), try scanPage.texts("//main"))
        XCTAssertEqual(try indexPage.attributes("//img", "src"), try scanPage.attributes("//img", "src"))
        XCTAssertEqual(try indexPage.texts("//dl[@class='totals']"), try scanPage.texts("//dl[@class='totals']"))
    }

    func testExitStatuses() throws {
        let scratch = try TemporaryDirectory()
        let good = Self.testData + "/PAT002_YAMADA"
        XCTAssertEqual(try Dicomidx.run(["report", good, "-o", scratch.path + "/r.html", "--quiet"]).status, 0)
        let stdout = try Dicomidx.run(["report", good, "--quiet"])
        XCTAssertEqual(stdout.status, 0)
        XCTAssertTrue(stdout.stdout.hasPrefix("<!DOCTYPE html>"), "standard output without -o")
        XCTAssertEqual(try Dicomidx.run(["report", "-o", scratch.path + "/r.html"]).status, 2, "no PATH and no --db")
        XCTAssertEqual(try Dicomidx.run(["report", good, "--db", scratch.path + "/x.sqlite"]).status, 2, "both")
        XCTAssertEqual(try Dicomidx.run(["report", good, "--size", "8"]).status, 2)
        let missingIndex = try Dicomidx.run(["report", "--db", scratch.path + "/none.sqlite", "-o", scratch.path + "/r.html"])
        XCTAssertEqual(missingIndex.status, 2, missingIndex.stderr)
        let unwritable = try Dicomidx.run(["report", good, "-o", scratch.path + "/no/such/dir/r.html", "--quiet"])
        XCTAssertEqual(unwritable.status, 3, unwritable.stderr)
    }
}
