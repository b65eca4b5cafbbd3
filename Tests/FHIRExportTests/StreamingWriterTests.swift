@testable import DICOMStudies
@testable import FHIRExport
import JSONWriting
import XCTest

/// The byte writer of ImagingStudy (instances written without a `JSONValue`) gives the bytes
/// of the `JSONValue` mapping, in every version and reference style.
final class StreamingWriterTests: XCTestCase {
    /// The full study, plus instances that test every branch of the instance writer: no number,
    /// a negative number, no SOP class (left out), an empty title, a title with escapes, U+2028
    /// and non-ASCII text, an empty UID; a series whose instances all lack a SOP class; and a
    /// study without series.
    private var studies: [StudyEntry] {
        var study = Fixtures.fullStudy
        study.series[0].instances += [
            InstanceEntry(sopInstanceUID: "1.2.3.1.3", sopClassUID: "1.2.840.10008.5.1.4.1.1.2", path: "/a/5"),
            InstanceEntry(sopInstanceUID: "1.2.3.1.4", sopClassUID: "1.2.840.10008.5.1.4.1.1.2", number: -4, path: "/a/6"),
            InstanceEntry(sopInstanceUID: "1.2.3.1.5", number: 5, title: "no class", path: "/a/7"),
            InstanceEntry(sopInstanceUID: "1.2.3.1.6", sopClassUID: "1.2.840.10008.5.1.4.1.1.2", number: 6, title: "",
                          path: "/a/8"),
            InstanceEntry(sopInstanceUID: "1.2.3.1.7", sopClassUID: "1.2.840.10008.5.1.4.1.1.2\"", number: 7,
                          title: "Tête \"axiale\" \\ \n\t\u{1}\u{2028}\u{2029}€ 頭部", path: "/a/9"),
            InstanceEntry(sopInstanceUID: "", sopClassUID: "1.2.840.10008.5.1.4.1.1.2", number: 8, path: "/a/10"),
        ]
        var noClasses = SeriesEntry(uid: "1.2.3.9")
        noClasses.instances = [InstanceEntry(sopInstanceUID: "1.2.3.9.1", number: 1, path: "/a/11")]
        study.series.append(noClasses)
        return [study, Fixtures.bareStudy, StudyEntry(uid: "1.2.10"), Fixtures.study("1.2.11", patientID: nil)]
    }

    func testWrittenBytesAreTheSerializedValueInEveryVersionAndStyle() {
        for version in FHIRVersion.allCases {
            let mapper = ImagingStudyMapper(options: FHIROptions(version: version, defaultTimezone: .offset(.utc),
                                                                 wadoRSBase: "https://pacs.example/wado"))
            for style in [ReferenceStyle.logical, .bundle, .literal] {
                for study in studies {
                    var bytes: [UInt8] = []
                    mapper.writeImagingStudy(study, style: style, to: &bytes)
                    XCTAssertEqual(String(decoding: bytes, as: UTF8.self), mapper.imagingStudy(study, style: style).serialized(),
                                   "\(version) \(style) \(study.uid)")
                }
            }
        }
    }

    func testFormatsWriteTheValuesTheyAlwaysWrote() {
        let options = FHIROptions(defaultTimezone: .offset(.utc), wadoRSBase: "https://pacs.example/wado", bundleSize: 2)
        let writer = FHIRWriter(options: options)
        var json = ""
        writer.write(.json, studies) { json += $0 }
        let resources = studies.map { ImagingStudyMapper(options: options).imagingStudy($0, style: .logical).serialized() }
        XCTAssertEqual(json, "[\n" + resources.joined(separator: ",\n") + "\n]\n")
        var empty = ""
        writer.write(.json, [StudyEntry]()) { empty += $0 }
        XCTAssertEqual(empty, "[]\n")

        var text = ""
        writer.write(.bundle, studies) { text += $0 }
        let bundles = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(bundles, writer.bundles(studies))
        XCTAssertEqual(bundles.count, 2)
        for (bundle, study) in zip(bundles, [studies[0], studies[2]]) {
            // Each Bundle's entries: the Endpoint, the Patients, then the studies as the value mapping makes them.
            let resource = ImagingStudyMapper(options: options).imagingStudy(study, style: .bundle).serialized()
            XCTAssertTrue(bundle.contains(#""resource":"# + resource + #","request":{"method":"PUT","url":"ImagingStudy?identifier="#))
            XCTAssertTrue(bundle.hasPrefix(#"{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:"#))
            XCTAssertTrue(bundle.hasSuffix("}]}"))
        }
        XCTAssertEqual(FHIRWriter.partition(["a", "b", "a", "c", "d", "e"], size: 2), [0..<2, 2..<4, 4..<6])
        XCTAssertEqual(FHIRWriter.partition(["a", "a", "a"], size: 50), [0..<1, 1..<2, 2..<3])
        XCTAssertEqual(FHIRWriter.partition([], size: 50), [])
        var ndjson = ""
        writer.write(.ndjson, studies) { ndjson += $0 }
        XCTAssertEqual(ndjson, writer.ndjson(studies).map { $0 + "\n" }.joined())
        XCTAssertEqual(writer.ndjson(studies).last, ImagingStudyMapper(options: options)
            .imagingStudy(studies[3], style: .literal).serialized())
    }
}
