import DICOMStudies
import JSONWriting

/// Writes one `ImagingStudy.series.instance` element straight into bytes, the same bytes as
/// `ImagingStudyMapper`'s `JSONValue` of it: the instances are most of an ImagingStudy, and a
/// `JSONValue` for each would cost a dozen allocations.
///
/// R4 and R5: `{"uid":...,"sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:..."},"number":...,"title":...}`;
/// STU3: `{"uid":"urn:oid:...","number":...,"sopClass":"urn:oid:...","title":...}`. Empty and
/// absent values and negative numbers are left out, as `JSONObject` leaves them out.
struct InstanceJSON {
    let version: FHIRVersion

    /// Appends the element of `instance`, which has a SOP Class UID.
    func write(_ instance: InstanceEntry, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var members = 0
        func key(_ name: StaticString) {
            if members > 0 { out.append(UInt8(ascii: ",")) }
            members += 1
            JSONBytes.append(name, to: &out)
        }
        let stu3 = version == .stu3
        if stu3 {
            key(#""uid":"urn:oid:"#)
            JSONBytes.appendStringContents(instance.sopInstanceUID, to: &out)
            out.append(UInt8(ascii: "\""))
        } else if !instance.sopInstanceUID.isEmpty {
            key(#""uid":"#)
            JSONBytes.appendString(instance.sopInstanceUID, to: &out)
        }
        let number = instance.number.flatMap { $0 >= 0 ? $0 : nil }
        if stu3, let number {
            key(#""number":"#)
            JSONBytes.appendInteger(number, to: &out)
        }
        if let sopClass = instance.sopClassUID {
            if stu3 {
                key(#""sopClass":"urn:oid:"#)
            } else {
                key(#""sopClass":{"system":"urn:ietf:rfc:3986","code":"urn:oid:"#)
            }
            JSONBytes.appendStringContents(sopClass, to: &out)
            out.append(UInt8(ascii: "\""))
            if !stu3 { out.append(UInt8(ascii: "}")) }
        }
        if !stu3, let number {
            key(#""number":"#)
            JSONBytes.appendInteger(number, to: &out)
        }
        if let title = instance.title, !title.isEmpty {
            key(#""title":"#)
            JSONBytes.appendString(title, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

}
