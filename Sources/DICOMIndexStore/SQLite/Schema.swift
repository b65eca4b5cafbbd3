import GRDB

/// The versioned schema of `SQLiteIndexStore`. A migration is never edited once released: a
/// change of schema is a new migration appended here.
///
/// Tables (v1):
/// - `files`: one row per regular file the walks reached: `path` (BLOB: the path's bytes, which
///   need not be UTF-8), `size`, `mtime_ns`, `device`, `inode` (nil when `stat` failed),
///   `status` (instance, dicomdir, skipped, failed), `reason` (a `SkipReason` or `FailureReason`
///   raw value), `message` and `problem_offset` (the skip detail, the error, or an instance's
///   damage warning), `racy` (read again next run), `missing` (gone, kept by `--keep-missing`).
/// - `instances`: the `InstanceRecord` of each instance file (`file_id`), one column per field;
///   lists as JSON arrays. The source every study is grouped from.
/// - `studies`: each study as `StudyCatalog` groups the records (`entry`: the `StudyEntry` as
///   canonical JSON), its `stamp`, search columns and counts (`missing_files`: instance files of
///   the study marked missing).
/// - `series`: each series of those studies (`position` in its study), for searching.
/// - `pending_studies`: studies whose records changed since they were last grouped.
/// - `removed_studies`: studies that lost their last instance, with the stamp of that change.
/// - `export_marks`: stamps saved by name (`export --changed`).
/// - `state`: `stamp`, the last modification stamp given.
/// - `runs`: each run's start, end (nil: interrupted) and summary.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE files (
                    id INTEGER PRIMARY KEY,
                    path BLOB NOT NULL UNIQUE,
                    size INTEGER,
                    mtime_ns INTEGER,
                    device INTEGER,
                    inode INTEGER,
                    status TEXT NOT NULL CHECK (status IN ('instance', 'dicomdir', 'skipped', 'failed')),
                    reason TEXT,
                    message TEXT,
                    problem_offset INTEGER,
                    racy INTEGER NOT NULL DEFAULT 0,
                    missing INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE instances (
                    file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
                    transfer_syntax_uid TEXT,
                    sop_instance_uid TEXT,
                    sop_class_uid TEXT,
                    instance_number INTEGER,
                    number_of_frames INTEGER,
                    title TEXT,
                    patient_id TEXT,
                    issuer_of_patient_id TEXT,
                    patient_name TEXT,
                    patient_birth_date TEXT,
                    patient_sex TEXT,
                    study_instance_uid TEXT,
                    study_date TEXT,
                    study_time TEXT,
                    timezone_offset TEXT,
                    accession_number TEXT,
                    issuer_of_accession_number TEXT,
                    study_id TEXT,
                    study_description TEXT,
                    referring_physician_name TEXT,
                    physicians_reading_study TEXT,
                    procedure_codes TEXT,
                    requested_procedure_id TEXT,
                    reason_for_requested_procedure TEXT,
                    reason_for_requested_procedure_codes TEXT,
                    institution_name TEXT,
                    manufacturer TEXT,
                    series_instance_uid TEXT,
                    series_number INTEGER,
                    modality TEXT,
                    series_description TEXT,
                    series_date TEXT,
                    series_time TEXT,
                    body_part_examined TEXT,
                    laterality TEXT,
                    performing_physician_name TEXT,
                    operators_name TEXT
                );
                CREATE INDEX instances_study ON instances(study_instance_uid);
                CREATE INDEX instances_series ON instances(series_instance_uid);
                CREATE INDEX instances_sop ON instances(sop_instance_uid);
                CREATE TABLE studies (
                    study_instance_uid TEXT PRIMARY KEY,
                    stamp INTEGER NOT NULL,
                    entry TEXT NOT NULL,
                    patient_id TEXT,
                    issuer_of_patient_id TEXT,
                    patient_name TEXT,
                    study_date TEXT,
                    study_time TEXT,
                    accession_number TEXT,
                    study_id TEXT,
                    study_description TEXT,
                    referring_physician_name TEXT,
                    number_of_series INTEGER NOT NULL,
                    number_of_instances INTEGER NOT NULL,
                    missing_files INTEGER NOT NULL
                );
                CREATE INDEX studies_stamp ON studies(stamp);
                CREATE TABLE series (
                    series_instance_uid TEXT PRIMARY KEY,
                    study_instance_uid TEXT NOT NULL REFERENCES studies(study_instance_uid) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    series_number INTEGER,
                    modality TEXT,
                    series_description TEXT,
                    body_part_examined TEXT,
                    laterality TEXT,
                    number_of_instances INTEGER NOT NULL
                );
                CREATE INDEX series_study ON series(study_instance_uid);
                CREATE TABLE pending_studies (study_instance_uid TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE TABLE removed_studies (study_instance_uid TEXT PRIMARY KEY, stamp INTEGER NOT NULL);
                CREATE TABLE export_marks (name TEXT PRIMARY KEY, stamp INTEGER NOT NULL);
                CREATE TABLE state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT INTO state (key, value) VALUES ('stamp', 0);
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER,
                    summary TEXT
                );
                """)
        }
        return migrator
    }
}
