/// Laterality (0020,0060) / Image Laterality (0020,0062) as SNOMED CT, the codes of the FHIR
/// "Laterality" value set that `ImagingStudy.series.laterality` is bound to.
///
/// `U` (unpaired: the body part has no side) has no code there and is left out, as is any
/// other value.
public enum LateralityCode {
    /// The SNOMED CT code and display for a DICOM laterality value, or nil.
    public static func lookup(_ laterality: String) -> (code: String, display: String)? {
        switch laterality.trimmingSpaces().uppercased() {
        case "R": return ("419465000", "Unilateral right")
        case "L": return ("419161000", "Unilateral left")
        case "B": return ("51440002", "Bilateral")
        default: return nil
        }
    }
}
