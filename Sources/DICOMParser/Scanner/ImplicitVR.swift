import DICOMCore
import DICOMDictionary

/// The VR of an element read in implicit VR: group lengths are UL, Private Creators LO, and the
/// rest come from the data dictionary (UN when unknown). Where PS3.5 A.1 fixes a choice for
/// implicit VR (Pixel Data and other "OB or OW" elements are OW), that choice is taken.
@inline(__always)
func implicitVR(for tag: Tag) -> VR {
    if tag.element == 0 { return .UL }
    if tag.isPrivateCreator { return .LO }
    if tag.isPrivate { return .UN }
    let vr = DataDictionary.vr(for: tag)
    if vr == .OB, DataDictionary.entry(for: tag)?.alternateVR == .OW { return .OW }
    return vr
}
