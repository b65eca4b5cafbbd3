import DICOMCore
import DICOMDictionary

/// The VR of an element read in implicit VR: group lengths are UL, Private Creators LO, and the
/// rest come from the data dictionary (UN when unknown). Where PS3.5 A.1 fixes a choice for
/// implicit VR (Pixel Data and other "OB or OW" elements are OW), that choice is taken; "US or
/// SS" elements are SS when the data set's Pixel Representation (0028,0103) is 1 (signed), as
/// DCMTK decides.
@inline(__always)
func implicitVR(for tag: Tag, in dataSet: DataSet? = nil) -> VR {
    if tag.element == 0 { return .UL }
    if tag.isPrivateCreator { return .LO }
    if tag.isPrivate { return .UN }
    let (vr, alternate) = DataDictionary.vrs(for: tag)
    guard let alternate else { return vr }
    if vr == .OB, alternate == .OW { return .OW }
    if vr == .US, alternate == .SS, let dataSet, dataSet.int(pixelRepresentationTag) == 1 { return .SS }
    return vr
}

/// (0028,0103) Pixel Representation: 1 when "US or SS" values are signed.
let pixelRepresentationTag = Tag(0x0028_0103)
