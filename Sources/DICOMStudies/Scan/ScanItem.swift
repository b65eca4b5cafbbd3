/// What a scan made of one path the walk reached.
public struct ScanItem: Equatable, Sendable {
    /// The verdict on the path.
    public enum Outcome: Equatable, Sendable {
        /// A DICOM instance. `warning` is set when the file is damaged after its Study, Series and
        /// SOP Instance UIDs: the record holds what came before the damage. Boxed (`indirect`):
        /// an item is copied on its way from a worker to the consumer, and a record holds some
        /// forty strings, each of which a copy would retain.
        indirect case instance(InstanceRecord, warning: ScanProblem?)
        /// A DICOMDIR (Media Storage Directory) read without damage: counted, not grouped.
        case dicomdir
        /// Not read as DICOM, and nothing is wrong (not DICOM, empty, a FIFO, a link not followed...).
        case skipped(SkipReason, detail: String)
        /// Could not be read: where and why.
        case failed(FailureReason, ScanProblem)
        /// Matched an exclude pattern.
        case excluded
    }

    /// The path, as the walk spelled it.
    public var path: ScanPath
    /// What it is.
    public var outcome: Outcome

    /// Creates an item.
    public init(path: ScanPath, outcome: Outcome) {
        self.path = path
        self.outcome = outcome
    }

    /// The instance record, for an instance.
    public var record: InstanceRecord? {
        if case .instance(let record, _) = outcome { return record }
        return nil
    }
}
