import DICOMStudies
import JSONWriting

/// Writes one `ImagingStudy.series.instance` element straight into bytes from an
/// `InstanceList`, the same bytes as `ImagingStudyMapper`'s `JSONValue` of it: the instances
/// are most of an ImagingStudy, and a `JSONValue` for each would cost a dozen allocations.
///
/// R4 and R5: `{"uid":...,"sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:..."},"number":...,"title":...}`;
/// STU3: `{"uid":"urn:oid:...","number":...,"sopClass":"urn:oid:...","title":...}`. Empty and
/// absent values and negative numbers are left out, as `JSONObject` leaves them out.
struct InstanceJSON {
    let version: FHIRVersion

    /// Appends the element of `instance` of `list`, which has a SOP Class UID.
    func write(_ instance: InstanceList.Instance, of list: InstanceList, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var members = 0
        func key(_ name: StaticString) {
            if members > 0 { out.append(UInt8(ascii: ",")) }
            members += 1
            JSONBytes.append(name, to: &out)
        }
        func text(_ range: Range<Int>) {
            JSONBytes.appendStringContents(utf8: list[range], to: &out)
            out.append(UInt8(ascii: "\""))
        }
        let stu3 = version == .stu3
        if stu3 {
            key(#""uid":"urn:oid:"#)
            text(instance.sopInstanceUID)
        } else if !instance.sopInstanceUID.isEmpty {
            key(#""uid":""#)
            text(instance.sopInstanceUID)
        }
        let number = instance.number.flatMap { $0 >= 0 ? $0 : nil }
        if stu3, let number {
            key(#""number":"#)
            JSONBytes.appendInteger(number, to: &out)
        }
        if let sopClass = instance.sopClassUID {
            key(stu3 ? #""sopClass":"urn:oid:"# : #""sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:"#)
            text(sopClass)
            if !stu3 { out.append(UInt8(ascii: "}")) }
        }
        if !stu3, let number {
            key(#""number":"#)
            JSONBytes.appendInteger(number, to: &out)
        }
        if let title = instance.title, !title.isEmpty {
            key(#""title":""#)
            text(title)
        }
        out.append(UInt8(ascii: "}"))
    }
}
