/// Files where our reader and pydicom disagree on purpose, keyed by a path suffix, with the reason.
enum KnownDifferences {
    /// pydicom's bundled test files.
    static let pydicomFiles: [String: String] = [:]
    /// TestData/archive.
    static let testData: [String: String] = [
        "SE002_THORAX_LAT/IM0002.dcm":
            "cut 3 bytes into PatientName: pydicom returns the 3 bytes as the name without a word; "
            + "we report damage at offset 966 and keep the elements before it",
        "SE001_THORAX_5MM/IM0004":
            "StudyDate claims 0xFFFFFFFA bytes: pydicom takes the rest of the file as the date; "
            + "we report damage at offset 462 and keep the elements before it",
    ]
}
