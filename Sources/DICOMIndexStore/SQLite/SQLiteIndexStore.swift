import DICOMStudies
import Foundation
import GRDB

/// The embedded index: one SQLite database in WAL mode, through GRDB.
///
/// WAL lets readers (`query`, `export`) read a consistent snapshot while a run writes, and
/// makes each transaction atomic across a crash: a batch of `apply(_:)` or a group of
/// `rebuildPendingStudies()` is there whole after `kill -9`, or not at all. `synchronous =
/// NORMAL`: a power cut may lose the last transactions, never consistency, and a run redoes
/// what is lost, because the files table decides what is read. Every statement binds its
/// values; none is built from data.
///
/// One writer at a time: take `IndexLock` for a run. See `Schema` for the tables.
public final class SQLiteIndexStore: IndexStore {
    /// How the database is opened.
    public enum Mode: Sendable {
        /// Created when absent, migrated to the current schema.
        case readWrite
        /// Must exist with the current schema; never written.
        case readOnly
    }

    /// Why a store cannot be opened.
    public enum OpenError: Error, CustomStringConvertible {
        case notAnIndex(path: String, reason: String)
        case needsMigration(path: String)

        public var description: String {
            switch self {
            case .notAnIndex(let path, let reason): return "\(path): not a dicomidx index: \(reason)"
            case .needsMigration(let path): return "\(path): made by another version of dicomidx; run `dicomidx index` on it first"
            }
        }
    }

    /// The database file.
    public let path: String
    /// The connections. Readers may run SQL of their own on it (bound parameters only).
    public let pool: DatabasePool
    /// Pending studies regrouped per transaction (each widened to its linked studies). Their
    /// records are in memory together: 16 studies of a few hundred files each take a few MB,
    /// where 200 took tens (the first run of an index regroups every study).
    public let rebuildChunk: Int

    /// Opens (and with `.readWrite` creates or migrates) the index at `path`. `busyTimeout`:
    /// seconds a statement waits for another connection's write lock.
    public init(path: String, mode: Mode = .readWrite, busyTimeout: Double = 30, rebuildChunk: Int = 16) throws {
        self.path = path
        self.rebuildChunk = max(1, rebuildChunk)
        var configuration = Configuration()
        configuration.readonly = mode == .readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Schema.migrator
            switch mode {
            case .readWrite:
                try migrator.migrate(pool)
            case .readOnly:
                guard try pool.read({ try migrator.hasCompletedMigrations($0) }) else {
                    throw OpenError.needsMigration(path: path)
                }
            }
        } catch let error as DatabaseError {
            throw OpenError.notAnIndex(path: path, reason: error.message ?? "\(error)")
        }
    }

    // MARK: Indexer

    public func knownFiles(_ paths: [ScanPath]) throws -> [KnownFile?] {
        guard !paths.isEmpty else { return [] }
        // One read transaction, one query per (cached) statement of up to 500 paths.
        let found = try pool.read { db -> [ScanPath: KnownFile] in
            var found: [ScanPath: KnownFile] = [:]
            found.reserveCapacity(paths.count)
            for part in paths.chunked(500) {
                let statement = try db.cachedStatement(sql: """
                    SELECT \(Self.knownFileColumns) FROM files WHERE path IN (\(placeholders(part.count)))
                    """)
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments(part.map(\.blob)))
                while let row = try rows.next() {
                    let file = Self.knownFile(row)
                    found[file.path] = file
                }
            }
            return found
        }
        return paths.map { found[$0] }
    }

    public func indexedFiles(after id: Int64, limit: Int) throws -> [IndexedFile] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, path, missing FROM files WHERE id > ? ORDER BY id LIMIT ?",
                             arguments: [id, limit]).map { IndexedFile(id: $0[0], path: ScanPath(blob: $0[1]), missing: $0[2]) }
        }
    }

    public func lastFileID() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM files") ?? 0 }
    }

    private static let knownFileColumns = "id, path, size, mtime_ns, device, inode, racy, missing, status, reason, message, problem_offset"

    /// The file of a row of `knownFileColumns`.
    private static func knownFile(_ row: Row) -> KnownFile {
        let path = ScanPath(blob: row[1])
        var status: FileStatus?
        if let size: Int64 = row[2], let time: Int64 = row[3], let device: Int64 = row[4], let inode: Int64 = row[5] {
            status = FileStatus(size: size, modificationTime: time, device: UInt64(bitPattern: device),
                                inode: UInt64(bitPattern: inode))
        }
        let message: String? = row[10]
        let offset: Int? = row[11]
        let problem = { ScanProblem(path: path.description, offset: offset, message: message ?? "") }
        let outcome: KnownOutcome
        switch row[8] as String {
        case "instance": outcome = .instance(warning: message == nil ? nil : problem())
        case "dicomdir": outcome = .dicomdir
        case "skipped": outcome = .skipped(SkipReason(rawValue: row[9] ?? "") ?? .notDICOM)
        default: outcome = .failed(FailureReason(rawValue: row[9] ?? "") ?? .ioError, problem())
        }
        return KnownFile(id: row[0], path: path, status: status, racy: row[6], missing: row[7], outcome: outcome)
    }

    public func apply(_ batch: IndexBatch) throws {
        let coding = StudyCoding()
        try pool.write { db in
            var pending = Set<String>()
            for update in batch.updates {
                try write(update, db, coding, &pending)
            }
            for path in batch.removed {
                guard let id = try fileID(path, db) else { continue }
                try collectStudies(ofFile: id, db, into: &pending, related: true)
                try db.execute(sql: "DELETE FROM files WHERE id = ?", arguments: [id])
            }
            for (paths, missing) in [(batch.missing, true), (batch.reappeared, false)] {
                for path in paths {
                    guard let id = try fileID(path, db) else { continue }
                    try db.execute(sql: "UPDATE files SET missing = ? WHERE id = ?", arguments: [missing, id])
                    try collectStudies(ofFile: id, db, into: &pending, related: false)
                }
            }
            let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO pending_studies (study_instance_uid) VALUES (?)")
            for uid in pending.sorted() { try statement.execute(arguments: [uid]) }
        }
    }

    /// Inserts or replaces the file of `update` and its instance; adds the studies it touches
    /// (before and after) to `pending`.
    private func write(_ update: FileUpdate, _ db: Database, _ coding: StudyCoding, _ pending: inout Set<String>) throws {
        let (status, reason, message, offset) = Self.columns(update.outcome)
        let stat = update.status
        let values: [(any DatabaseValueConvertible)?] = [
            stat?.size, stat?.modificationTime, stat.map { Int64(bitPattern: $0.device) },
            stat.map { Int64(bitPattern: $0.inode) }, status, reason, message, offset, update.racy,
        ]
        let id: Int64
        if let existing = try fileID(update.path, db) {
            try collectStudies(ofFile: existing, db, into: &pending, related: true)
            try db.execute(sql: "DELETE FROM instances WHERE file_id = ?", arguments: [existing])
            try db.cachedStatement(sql: """
                UPDATE files SET size = ?, mtime_ns = ?, device = ?, inode = ?, status = ?, reason = ?, message = ?,
                problem_offset = ?, racy = ?, missing = 0 WHERE id = ?
                """).execute(arguments: StatementArguments(values + [existing]))
            id = existing
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO files (size, mtime_ns, device, inode, status, reason, message, problem_offset, racy, path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: StatementArguments(values + [update.path.blob]))
            id = db.lastInsertedRowID
        }
        guard case .instance(let record, _) = update.outcome else { return }
        try db.cachedStatement(sql: InstanceRows.insertSQL)
            .execute(arguments: StatementArguments([id] + (try InstanceRows.values(record, coding))))
        // Its relations to other studies (a shared series, a duplicated SOP Instance UID) are
        // followed when the study is regrouped.
        if let uid = record.studyInstanceUID { pending.insert(uid) }
    }

    /// status, reason, message and problem offset of an outcome.
    private static func columns(_ outcome: ScanItem.Outcome) -> (String, String?, String?, Int?) {
        switch outcome {
        case .instance(_, let warning): return ("instance", nil, warning?.message, warning?.offset)
        case .dicomdir: return ("dicomdir", nil, nil, nil)
        case .skipped(let reason, let detail): return ("skipped", reason.rawValue, detail, nil)
        case .failed(let reason, let problem): return ("failed", reason.rawValue, problem.message, problem.offset)
        case .excluded: return ("skipped", nil, "excluded", nil)
        }
    }

    private func fileID(_ path: ScanPath, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM files WHERE path = ?"), arguments: [path.blob])
    }

    /// Adds the study of the instance in file `id`, if any, to `pending`; with `related`, also
    /// every study holding an instance with the same Series or SOP Instance UID. Called before
    /// the instance is replaced or removed: those studies may change when it goes (a duplicate
    /// becomes the first of its SOP Instance UID; a series shared with another study loses it).
    private func collectStudies(ofFile id: Int64, _ db: Database, into pending: inout Set<String>, related: Bool) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT study_instance_uid, series_instance_uid, sop_instance_uid FROM instances WHERE file_id = ?
            """), arguments: [id]) else { return }
        guard let study: String = row[0] else { return }
        pending.insert(study)
        guard related, let series: String = row[1], let sop: String = row[2] else { return }
        let others = try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT study_instance_uid FROM instances
            WHERE (series_instance_uid = ? OR sop_instance_uid = ?) AND study_instance_uid IS NOT NULL
            """), arguments: [series, sop])
        pending.formUnion(others)
    }

    public func rebuildPendingStudies() throws -> StudyRebuild {
        var result = StudyRebuild()
        let coding = StudyCoding()
        while true {
            let done = try pool.write { db -> Bool in
                let chunk = try String.fetchAll(db, sql: "SELECT study_instance_uid FROM pending_studies LIMIT ?",
                                                arguments: [rebuildChunk])
                guard !chunk.isEmpty else { return true }
                try StudyGroupRebuilder(db: db, coding: coding).rebuild(chunk, into: &result)
                return false
            }
            if done { return result }
        }
    }

    public func counts() throws -> IndexCounts {
        try pool.read { db in
            var counts = IndexCounts()
            counts.files = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files") ?? 0
            counts.missing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files WHERE missing") ?? 0
            counts.studies = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM studies") ?? 0
            counts.series = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM series") ?? 0
            let complete = "study_instance_uid IS NOT NULL AND series_instance_uid IS NOT NULL AND sop_instance_uid IS NOT NULL"
            if let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COUNT(DISTINCT sop_instance_uid) FROM instances WHERE \(complete)
                """) {
                counts.instances = row[1]
                counts.duplicates = (row[0] as Int) - counts.instances
            }
            counts.ungroupable = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM instances WHERE NOT (\(complete))") ?? 0
            return counts
        }
    }

    public func beginRun(startedAt: Int64) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO runs (started_at) VALUES (?)", arguments: [startedAt])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ id: Int64, finishedAt: Int64, summaryJSON: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                           arguments: [finishedAt, summaryJSON, id])
        }
    }

    // MARK: Readers

    public func studies() throws -> [StudyEntry] {
        let coding = StudyCoding()
        let texts = try pool.read { db in try String.fetchAll(db, sql: "SELECT entry FROM studies") }
        return Self.ordered(try texts.map(coding.decode))
    }

    public func studies(uids: [String]) throws -> [StudyEntry] {
        let coding = StudyCoding()
        let texts = try pool.read { db in
            try Set(uids).sorted().chunked(500).flatMap { part in
                try String.fetchAll(db, sql: "SELECT entry FROM studies WHERE study_instance_uid IN (\(placeholders(part.count)))",
                                    arguments: StatementArguments(part))
            }
        }
        return Self.ordered(try texts.map(coding.decode))
    }

    public func latestStamp() throws -> Int64 {
        try pool.read { db in try Self.stamp(db) }
    }

    public func changes(since: Int64) throws -> StudyChanges {
        let coding = StudyCoding()
        let (rows, removed, latest) = try pool.read { db in
            (try Row.fetchAll(db, sql: "SELECT entry, stamp FROM studies WHERE stamp > ?", arguments: [since]),
             try Row.fetchAll(db, sql: "SELECT study_instance_uid, stamp FROM removed_studies WHERE stamp > ? ORDER BY stamp, study_instance_uid",
                              arguments: [since]).map { RemovedStudy(uid: $0[0], stamp: $0[1]) },
             try Self.stamp(db))
        }
        var stamps: [String: Int64] = [:]
        var studies: [StudyEntry] = []
        for row in rows {
            let study = try coding.decode(row[0])
            stamps[study.uid] = row[1]
            studies.append(study)
        }
        let changed = Self.ordered(studies).map { StampedStudy(study: $0, stamp: stamps[$0.uid] ?? 0) }
        return StudyChanges(changed: changed, removed: removed, latest: latest)
    }

    public func mark(_ name: String) throws -> Int64? {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT stamp FROM export_marks WHERE name = ?", arguments: [name]) }
    }

    public func setMark(_ name: String, to stamp: Int64) throws {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO export_marks (name, stamp) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET stamp = excluded.stamp
                """, arguments: [name, stamp])
        }
    }

    /// The content of the index as text, to compare two indexes (tests, checks): the files
    /// (by path), instance records, studies, series, pending studies and export marks, rows in a
    /// fixed order; without row ids, stamps, removed studies and runs, which record when things
    /// happened rather than what the archive holds.
    public func canonicalDump() throws -> String {
        try pool.read { db in
            var text = ""
            func dump(_ title: String, _ sql: String) throws {
                text += "# \(title)\n"
                for row in try Row.fetchAll(db, sql: sql) {
                    text += row.databaseValues.map(\.description).joined(separator: "|") + "\n"
                }
            }
            try dump("files", """
                SELECT hex(path), size, mtime_ns, device, inode, status, reason, message, problem_offset, racy, missing
                FROM files ORDER BY path
                """)
            try dump("instances", """
                SELECT hex(f.path), \(InstanceRows.selectList("i")) FROM instances i JOIN files f ON f.id = i.file_id
                ORDER BY f.path
                """)
            try dump("studies", """
                SELECT study_instance_uid, entry, patient_id, issuer_of_patient_id, patient_name, study_date, study_time,
                accession_number, study_id, study_description, referring_physician_name, number_of_series,
                number_of_instances, missing_files FROM studies ORDER BY study_instance_uid
                """)
            try dump("series", "SELECT * FROM series ORDER BY series_instance_uid")
            try dump("pending_studies", "SELECT * FROM pending_studies ORDER BY study_instance_uid")
            try dump("export_marks", "SELECT * FROM export_marks ORDER BY name")
            return text
        }
    }

    /// Studies in `StudyCatalog` order: date, then UID.
    static func ordered(_ studies: [StudyEntry]) -> [StudyEntry] {
        studies.sorted { ($0.date ?? "", $0.uid) < ($1.date ?? "", $1.uid) }
    }

    static func stamp(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM state WHERE key = 'stamp'") ?? 0
    }
}

/// "?, ?, ?" for `count` values.
func placeholders(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ", ")
}

extension Array {
    /// The elements in consecutive slices of at most `size`.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
