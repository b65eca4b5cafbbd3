import DICOMCore

/// Placeholder until the generated dictionary lands (see scripts/generate_dictionary.py).
public struct DictionaryEntry: Sendable { public let alternateVR: VR?; public let keyword: String }
public enum DataDictionary {
    public static func vr(for tag: Tag) -> VR { .UN }
    public static func entry(for tag: Tag) -> DictionaryEntry? { nil }
    public static func keyword(for tag: Tag) -> String? { nil }
}
public enum UIDDictionary {
    public static func name(for uid: String) -> String? { nil }
}
