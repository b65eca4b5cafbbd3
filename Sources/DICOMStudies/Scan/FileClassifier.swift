import DICOMCore
import DICOMParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a walk entry into a scan item: reads a regular file up to the tags a record needs
/// and classifies it; passes the walk's own verdicts through.
///
/// A file is opened by its bytes (so names that are not UTF-8 open), with `O_NONBLOCK`, and
/// only a regular file is read. An empty file is classified from its size without a read; a
/// file that is not DICOM is told from its first bytes (`ParseOptions.initialReadSize`).
struct FileClassifier: Sendable {
    /// How far and how to read each file.
    let options: ParseOptions

    /// The item for `entry`. `cache` (one per thread) shares the strings that records repeat.
    func item(for entry: WalkEntry, cache: ValueStringCache? = nil) -> ScanItem {
        let outcome: ScanItem.Outcome
        switch entry.kind {
        case .file: outcome = read(entry.path, cache: cache)
        case .excluded: outcome = .excluded
        case .skipped(let reason, let detail): outcome = .skipped(reason, detail: detail)
        case .failed(let reason, let message):
            outcome = .failed(reason, ScanProblem(path: entry.path.description, offset: nil, message: message))
        }
        return ScanItem(path: entry.path, outcome: outcome)
    }

    /// Reads the regular file at `path` and says what it is.
    func read(_ path: ScanPath, cache: ValueStringCache? = nil) -> ScanItem.Outcome {
        let shown = path.description
        let file: RawFile
        do {
            file = try RawFile(pathBytes: path.bytes)
        } catch {
            return Self.outcome(opening: error, shown)
        }
        if file.size == 0 { return .skipped(.empty, detail: "0 bytes") }
        do {
            return classify(try DICOMReader.read(file: file, path: shown, options: options), shown, cache)
        } catch let error as ReadError {
            switch error.kind {
            case .notDICOM(let why):
                return .skipped(.notDICOM, detail: why)
            case .io(.readFailed(let code, let offset)):
                return .failed(FailureReason(errno: code),
                               ScanProblem(path: shown, offset: offset, message: "read failed: " + RawFile.describe(errno: code)))
            case .io(let other):
                return .failed(.ioError, ScanProblem(path: shown, offset: error.offset, message: other.reason))
            default:
                return .failed(.damaged, Self.problem(error, shown))
            }
        } catch {
            return .failed(.ioError, ScanProblem(path: shown, offset: nil, message: "\(error)"))
        }
    }

    /// What a file read as `dicom` is.
    private func classify(_ dicom: DICOMFile, _ shown: String, _ cache: ValueStringCache?) -> ScanItem.Outcome {
        if dicom.isDICOMDIR {
            // Nothing is taken from a DICOMDIR, but its records are read: damage there is not
            // a warning about a record we keep, it makes the file unreadable.
            if let damage = dicom.damage { return .failed(.damaged, Self.problem(damage, shown)) }
            return .dicomdir
        }
        // Made where it is kept: the record is not copied (each copy retains its strings).
        guard let damage = dicom.damage else { return .instance(InstanceRecord(file: dicom, cache: cache), warning: nil) }
        let record = InstanceRecord(file: dicom, cache: cache)
        let problem = Self.problem(damage, shown)
        guard record.studyInstanceUID != nil, record.seriesInstanceUID != nil, record.sopInstanceUID != nil else {
            return .failed(.damaged, problem)
        }
        return .instance(record, warning: problem)
    }

    /// The verdict when `RawFile` cannot open a file the walk listed.
    private static func outcome(opening error: Error, _ shown: String) -> ScanItem.Outcome {
        switch error as? RawFileError {
        case .openFailed(let code)?:
            let text = RawFile.describe(errno: code)
            let message = code == ENOENT ? "vanished before it could be read: \(text)" : "cannot open: \(text)"
            let reason: FailureReason = code == EINVAL ? .invalidPath : FailureReason(errno: code)
            return .failed(reason, ScanProblem(path: shown, offset: nil, message: message))
        case .notRegularFile?:
            return .skipped(.specialFile, detail: "no longer a regular file when it was opened")
        case .readFailed(let code, let offset)?:
            return .failed(FailureReason(errno: code),
                           ScanProblem(path: shown, offset: offset, message: "read failed: " + RawFile.describe(errno: code)))
        case nil:
            return .failed(.ioError, ScanProblem(path: shown, offset: nil, message: "\(error)"))
        }
    }

    /// "(0008,0020) DA: length 4294967290 exceeds the 3532 bytes left", at the error's offset.
    static func problem(_ error: ReadError, _ shown: String) -> ScanProblem {
        var message = error.tag.map { "\($0)" + (error.vr.map { " \($0)" } ?? "") + ": " } ?? ""
        message += error.kind.reason
        if error.inInflatedData { message += " (offset in the inflated data set)" }
        return ScanProblem(path: shown, offset: error.offset, message: message)
    }
}
