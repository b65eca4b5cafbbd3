import DICOMCore

/// One attribute of the PS3.6 data dictionary, as the dictionary describes a given tag.
public struct DictionaryEntry: Hashable, Sendable {
    /// The tag looked up. For a repeating-group entry such as (60xx,3000) this is the concrete
    /// tag, e.g. (6002,3000); for the rule-based entries it is the group length or private
    /// creator tag itself.
    public let tag: Tag
    /// The keyword, e.g. `PatientName`; empty for a few retired elements the standard leaves
    /// without one.
    public let keyword: String
    /// The attribute name, e.g. `Patient's Name`.
    public let name: String
    /// The value representation; the first one when the standard lists several ("OB or OW"
    /// gives OB). Items and delimiters (FFFE,E000/E00D/E0DD), which have no VR, give UN.
    public let vr: VR
    /// The second VR when the standard lists more than one ("US or SS" gives SS, "OB or OW"
    /// gives OW, "US or OW" gives OW); nil otherwise. A third one ("US or SS or OW" of
    /// (0028,1200) Gray Lookup Table Data) is not kept.
    public let alternateVR: VR?
    /// The value multiplicity as the standard writes it: "1", "1-n", "2-2n", ...
    public let vm: String
    /// True when the standard lists the attribute as retired.
    public let isRetired: Bool

    /// Creates an entry; the dictionary creates its own, this is for callers that add private
    /// or test entries of the same shape.
    public init(tag: Tag, keyword: String, name: String, vr: VR, alternateVR: VR?, vm: String,
                isRetired: Bool) {
        self.tag = tag
        self.keyword = keyword
        self.name = name
        self.vr = vr
        self.alternateVR = alternateVR
        self.vm = vm
        self.isRetired = isRetired
    }
}
