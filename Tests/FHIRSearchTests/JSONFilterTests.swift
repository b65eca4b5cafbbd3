import DICOMStudies
import FHIRExport
import FHIRSearch
import Foundation
import XCTest

/// The issue's check: for each parameter and prefix, the query's studies are exactly those a
/// filter of the exported FHIR JSON selects. The filter here reads only the JSON (`json`
/// output for the elements, `ndjson` for the resource ids) and computes dates with Foundation,
/// independently of the search code.
final class JSONFilterTests: XCTestCase {
    private typealias Resource = [String: Any]
    private typealias UID = Fixtures.TestDataUID

    private static let studies = Fixtures.testData + Fixtures.handBuilt
    private static let writer = FHIRWriter(options: Fixtures.utc)

    /// The `json` output, one ImagingStudy per study.
    private static let resources: [Resource] = {
        let text = writer.imagingStudies(studies).serialized()
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Resource] ?? []
    }()

    /// The `ndjson` lines: ImagingStudies (with `id` and `Patient/<id>`) and Patients.
    private static let ndjson: [Resource] = writer.ndjson(studies).compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? Resource
    }

    private static let ndjsonStudies = ndjson.filter { $0["resourceType"] as? String == "ImagingStudy" }

    // MARK: Reading the JSON

    private static func uid(_ resource: Resource) -> String {
        let uid = identifiers(resource).first { $0.system == "urn:dicom:uid" }?.value ?? ""
        return String(uid.dropFirst("urn:oid:".count))
    }

    private static func identifiers(_ resource: Resource) -> [(system: String?, value: String, type: String?)] {
        (resource["identifier"] as? [Resource] ?? []).map { identifier in
            let type = ((identifier["type"] as? Resource)?["coding"] as? [Resource])?.first
            let typeText = type.map { "\($0["system"] as? String ?? "")|\($0["code"] as? String ?? "")" }
            return (identifier["system"] as? String, identifier["value"] as? String ?? "", typeText)
        }
    }

    private static func series(_ resource: Resource) -> [Resource] { resource["series"] as? [Resource] ?? [] }

    private static func instances(_ resource: Resource) -> [Resource] {
        series(resource).flatMap { $0["instance"] as? [Resource] ?? [] }
    }

    private static func codes(_ values: [Any?]) -> [(system: String?, code: String)] {
        values.compactMap { $0 as? Resource }.map { ($0["system"] as? String, $0["code"] as? String ?? "") }
    }

    private static func subjectIdentifier(_ resource: Resource) -> Resource? {
        (resource["subject"] as? Resource)?["identifier"] as? Resource
    }

    private static func basedOnValues(_ resource: Resource) -> [String] {
        (resource["basedOn"] as? [Resource] ?? []).compactMap { ($0["identifier"] as? Resource)?["value"] as? String }
    }

    /// `ImagingStudy.id` and `subject.reference` of the `ndjson` line of the same study.
    private static func ndjsonLine(_ resource: Resource) -> Resource {
        ndjsonStudies.first { uid($0) == uid(resource) } ?? [:]
    }

    /// The `ndjson` Patient id of an identifier.
    private static func patientID(system: String?, value: String) -> String {
        ndjson.first { line in
            guard line["resourceType"] as? String == "Patient",
                  let identifier = (line["identifier"] as? [Resource])?.first else { return false }
            return identifier["system"] as? String == system && identifier["value"] as? String == value
        }?["id"] as? String ?? "none"
    }

    // MARK: Dates with Foundation

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func date(_ year: Int, _ month: Int = 1, _ day: Int = 1, _ hour: Int = 0, _ minute: Int = 0,
                             _ second: Int = 0) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }

    /// The range of a FHIR `date`/`dateTime` text: its precision decides the length.
    private static func range(_ text: String) -> (lower: Date, upper: Date) {
        let parts = text.split(separator: "T").map(String.init)
        let day = parts[0].split(separator: "-").map { Int($0)! }
        if parts.count == 1 {
            let lower = date(day[0], day.count > 1 ? day[1] : 1, day.count > 2 ? day[2] : 1)
            let unit: Calendar.Component = day.count == 1 ? .year : day.count == 2 ? .month : .day
            return (lower, calendar.date(byAdding: unit, value: 1, to: lower)!)
        }
        var clock = parts[1]
        var offsetSeconds = 0
        if clock.hasSuffix("Z") {
            clock.removeLast()
        } else if clock.count > 6, ["+", "-"].contains(clock.suffix(6).first) {
            let zone = clock.suffix(6)
            let minutes = Int(zone.dropFirst().prefix(2))! * 60 + Int(zone.suffix(2))!
            offsetSeconds = (zone.first == "-" ? -minutes : minutes) * 60
            clock.removeLast(6)
        }
        let pieces = clock.split(separator: ":")
        let secondsText = pieces.count > 2 ? String(pieces[2]) : "0"
        let fraction = secondsText.split(separator: ".").dropFirst().first.map(String.init)
        let wall = date(day[0], day[1], day[2], Int(pieces[0])!, Int(pieces[1])!, Int(secondsText.prefix(2))!)
        let unit = fraction.map { pow(10, -Double($0.count)) } ?? (pieces.count > 2 ? 1 : 60)
        let lower = wall.addingTimeInterval(Double("0." + (fraction ?? "0"))! - Double(offsetSeconds))
        return (lower, lower.addingTimeInterval(unit))
    }

    private static func started(_ resource: Resource) -> (lower: Date, upper: Date)? {
        (resource["started"] as? String).map(range)
    }

    /// A date prefix as FHIR defines it, over ranges of the JSON `started` and the search value.
    private static func started(_ prefix: String, _ search: (lower: Date, upper: Date)) -> (Resource) -> Bool {
        { resource in
            guard let target = started(resource) else { return false }
            let contained = search.lower <= target.lower && target.upper <= search.upper
            switch prefix {
            case "eq": return contained
            case "ne": return !contained
            case "gt": return target.upper > search.upper
            case "lt": return target.lower < search.lower
            case "ge": return target.upper > search.upper || contained
            case "le": return target.lower < search.lower || contained
            case "sa": return target.lower >= search.upper
            case "eb": return target.upper <= search.lower
            case "ap":
                let margin = abs(fixedNow.timeIntervalSince(search.lower)) / 10
                return target.lower < search.upper.addingTimeInterval(margin)
                    && target.upper > search.lower.addingTimeInterval(-margin)
            default: fatalError(prefix)
            }
        }
    }

    // MARK: The check

    private func check(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line,
                       _ filter: (Resource) -> Bool) {
        let expected = Self.resources.filter(filter).map(Self.uid)
        XCTAssertEqual(uids(arguments, in: Self.studies, file: file, line: line), expected, "\(arguments)",
                       file: file, line: line)
        XCTAssertLessThan(expected.count, Self.resources.count, "\(arguments) selects every study", file: file, line: line)
    }

    func testTheJSONHasOneResourcePerStudyInOrder() {
        XCTAssertEqual(Self.resources.map(Self.uid), Self.studies.map(\.uid))
        XCTAssertEqual(Self.ndjsonStudies.count, Self.studies.count)
    }

    func testTokenParameters() {
        let ids = [NameBasedUUID.study(uid: UID.mr), NameBasedUUID.study(uid: "1.2.10")]
        check(["_id=\(ids.joined(separator: ","))"]) { ids.contains(Self.ndjsonLine($0)["id"] as? String ?? "") }
        check(["identifier=ACC1"]) { Self.identifiers($0).contains { $0.value == "ACC1" } }
        check(["identifier=urn:dicom:uid|urn:oid:\(UID.ct)"]) {
            Self.identifiers($0).contains { $0.system == "urn:dicom:uid" && $0.value == "urn:oid:\(UID.ct)" }
        }
        check(["identifier=|S5,|US1"]) { Self.identifiers($0).contains { $0.system == nil && ["S5", "US1"].contains($0.value) } }
        check(["identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|ACSN|ACC24011502"]) {
            Self.identifiers($0).contains {
                $0.type == "http://terminology.hl7.org/CodeSystem/v2-0203|ACSN" && $0.value == "ACC24011502"
            }
        }
        check(["identifier:not=US1"]) { !Self.identifiers($0).contains { $0.value == "US1" } }
        check(["accession=ACC2,ACC24031201"]) {
            Self.identifiers($0).contains { $0.type?.hasSuffix("|ACSN") == true && ["ACC2", "ACC24031201"].contains($0.value) }
        }
        check(["accession:missing=true"]) { !Self.identifiers($0).contains { $0.type?.hasSuffix("|ACSN") == true } }
        check(["modality=CT"]) { Self.codes(Self.series($0).map { $0["modality"] }).contains { $0.code == "CT" } }
        check(["modality=http://dicom.nema.org/resources/ontology/DCM|SR,http://dicom.nema.org/resources/ontology/DCM|OT"]) {
            Self.codes(Self.series($0).map { $0["modality"] }).contains {
                $0.system == "http://dicom.nema.org/resources/ontology/DCM" && ["SR", "OT"].contains($0.code)
            }
        }
        check(["modality:not=CT"]) { !Self.codes(Self.series($0).map { $0["modality"] }).contains { $0.code == "CT" } }
        check(["status=available", "modality=MR"]) {
            $0["status"] as? String == "available" && Self.codes(Self.series($0).map { $0["modality"] }).contains { $0.code == "MR" }
        }
        let seriesUIDs = ["2.25.65055349412511325918352100779772141329", "1.2.30.1"]
        check(["series=\(seriesUIDs.joined(separator: ","))"]) { Self.series($0).contains { seriesUIDs.contains($0["uid"] as? String ?? "") } }
        check(["uid=2.25.267802166782553075445704790007551842700"]) {
            Self.instances($0).contains { $0["uid"] as? String == "2.25.267802166782553075445704790007551842700" }
        }
        check(["bodysite=CHEST"]) {
            Self.codes(Self.series($0).map { $0["bodySite"] }).contains { $0.system == "http://snomed.info/sct" && $0.code == "43799004" }
        }
        check(["bodysite=KNEE,abdomen"]) {
            Self.codes(Self.series($0).map { $0["bodySite"] }).contains { ["72696002", "818981001"].contains($0.code) }
        }
        check(["bodysite:missing=true"]) { Self.series($0).allSatisfy { $0["bodySite"] == nil } }
        check(["dicom-class=1.2.840.10008.5.1.4.1.1.2"]) {
            Self.codes(Self.instances($0).map { $0["sopClass"] }).contains { $0.code == "urn:oid:1.2.840.10008.5.1.4.1.1.2" }
        }
    }

    func testReferenceParameters() {
        check(["patient=PAT001"]) { Self.subjectIdentifier($0)?["value"] as? String == "PAT001" }
        check(["patient=urn:dicom:issuer:KSUED|PAT001"]) {
            Self.subjectIdentifier($0)?["system"] as? String == "urn:dicom:issuer:KSUED"
                && Self.subjectIdentifier($0)?["value"] as? String == "PAT001"
        }
        let pat002 = Self.patientID(system: "urn:dicom:issuer:TKCH", value: "PAT002")
        check(["patient=Patient/\(pat002)"]) {
            (Self.ndjsonLine($0)["subject"] as? Resource)?["reference"] as? String == "Patient/\(pat002)"
        }
        check(["subject=|PAT002"]) {
            Self.subjectIdentifier($0).map { $0["system"] == nil && $0["value"] as? String == "PAT002" } ?? false
        }
        check(["patient:missing=true"]) { ($0["subject"] as? Resource)?["reference"] as? String == "#patient" }
        check(["basedon=RP1,TK2404050017"]) { !Set(Self.basedOnValues($0)).isDisjoint(with: ["RP1", "TK2404050017"]) }
        check(["basedon:missing=true"]) { $0["basedOn"] == nil }
        check(["referrer=schäfer"]) {
            ((($0["referrer"] as? Resource)?["display"] as? String)?.lowercased().contains("schäfer")) ?? false
        }
        check(["referrer:missing=true"]) { $0["referrer"] == nil }
    }

    func testStartedWithEveryPrefix() {
        let cases: [(String, (lower: Date, upper: Date))] = [
            ("eq2024-03-12", (Self.date(2024, 3, 12), Self.date(2024, 3, 13))),
            ("2023", (Self.date(2023), Self.date(2024))),
            ("ne2024-03-12", (Self.date(2024, 3, 12), Self.date(2024, 3, 13))),
            ("gt2024-03-12T10:00:00Z", (Self.date(2024, 3, 12, 10), Self.date(2024, 3, 12, 10, 0, 1))),
            ("lt2024-03-12T14:00:00+01:00", (Self.date(2024, 3, 12, 13), Self.date(2024, 3, 12, 13, 0, 1))),
            ("ge2024-03", (Self.date(2024, 3), Self.date(2024, 4))),
            ("le2023-12-31T23:59:59.5Z", (Self.date(2023, 12, 31, 23, 59, 59).addingTimeInterval(0.5),
                                          Self.date(2023, 12, 31, 23, 59, 59).addingTimeInterval(0.6))),
            ("sa2023-12-31", (Self.date(2023, 12, 31), Self.date(2024))),
            ("eb2024-04-05T14:10:00Z", (Self.date(2024, 4, 5, 14, 10), Self.date(2024, 4, 5, 14, 10, 1))),
            ("ap2024-03-12", (Self.date(2024, 3, 12), Self.date(2024, 3, 13))),
            ("ap2024-01-15T09:00:00Z", (Self.date(2024, 1, 15, 9), Self.date(2024, 1, 15, 9, 0, 1))),
            ("ge2024-04-05T14:10Z", (Self.date(2024, 4, 5, 14, 10), Self.date(2024, 4, 5, 14, 11))),
        ]
        for (value, search) in cases {
            let prefix = value.first!.isLetter ? String(value.prefix(2)) : "eq"
            check(["started=\(value)"], Self.started(prefix, search))
        }
        check(["started:missing=true"]) { $0["started"] == nil }
        check(["started=ge2024-01", "started=lt2024-04"]) {
            Self.started("ge", (Self.date(2024, 1), Self.date(2024, 2)))($0)
                && Self.started("lt", (Self.date(2024, 4), Self.date(2024, 5)))($0)
        }
    }

    func testSeveralParametersAndSortAndCount() {
        check(["modality=CT", "started=ge2024", "patient=PAT001"]) {
            Self.codes(Self.series($0).map { $0["modality"] }).contains { $0.code == "CT" }
                && Self.started("ge", (Self.date(2024), Self.date(2025)))($0)
                && Self.subjectIdentifier($0)?["value"] as? String == "PAT001"
        }
        let sorted = Self.resources.filter { $0["started"] != nil }.sorted { Self.started($0)!.lower > Self.started($1)!.lower }
        XCTAssertEqual(uids(["_sort=-started", "_count=4"], in: Self.studies), sorted.prefix(4).map(Self.uid))
    }
}
