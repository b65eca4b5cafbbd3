import DICOMStudies
import Foundation
import GRDB

/// Regroups some studies from their records, inside one write transaction.
///
/// What a study looks like can depend on files of other studies: a SOP Instance UID seen
/// first in another study makes this file a duplicate, and a series whose first file is in
/// another study holds this study's instances of it. So the pending studies are widened to
/// every study linked to them by a shared Series or SOP Instance UID (and those to theirs),
/// and the whole group goes through a `StudyCatalog` in `WalkOrder`: what it gives is what a
/// catalog of every record gives for these studies.
struct StudyGroupRebuilder {
    let db: Database
    let coding: StudyCoding
    /// Values per `IN (...)` list.
    private let listSize = 500

    /// A record with the file it came from.
    private struct Loaded {
        var path: ScanPath
        var missing: Bool
        var record: InstanceRecord
    }

    /// Rebuilds the group of `uids` and clears it from `pending_studies`.
    func rebuild(_ uids: [String], into result: inout StudyRebuild) throws {
        var group = Set(uids)
        var records: [Loaded] = []
        var seriesSeen = Set<String>(), sopsSeen = Set<String>()
        var frontier = uids
        while !frontier.isEmpty {
            let loaded = try load(studies: frontier)
            records += loaded
            let series = Set(loaded.compactMap(\.record.seriesInstanceUID)).subtracting(seriesSeen)
            let sops = Set(loaded.compactMap(\.record.sopInstanceUID)).subtracting(sopsSeen)
            seriesSeen.formUnion(series)
            sopsSeen.formUnion(sops)
            let linked = try studies(where: "series_instance_uid", in: series).union(studies(where: "sop_instance_uid", in: sops))
            frontier = linked.subtracting(group).sorted()
            group.formUnion(frontier)
        }

        records.sort { WalkOrder.precedes($0.path, $1.path) }
        var catalog = StudyCatalog()
        var missingFiles: [String: Int] = [:]
        for loaded in records {
            catalog.add(loaded.record)
            if loaded.missing, let uid = loaded.record.studyInstanceUID { missingFiles[uid, default: 0] += 1 }
        }
        result.conflicts += catalog.conflicts
        try write(catalog.studies, group: group, missingFiles: missingFiles, into: &result)
    }

    /// The complete records (all three UIDs) of these studies.
    private func load(studies uids: [String]) throws -> [Loaded] {
        var loaded: [Loaded] = []
        for part in uids.chunked(listSize) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.path, f.missing, \(InstanceRows.selectList("i"))
                FROM instances i JOIN files f ON f.id = i.file_id
                WHERE i.study_instance_uid IN (\(placeholders(part.count)))
                AND i.series_instance_uid IS NOT NULL AND i.sop_instance_uid IS NOT NULL
                """, arguments: StatementArguments(Array(part)))
            while let row = try rows.next() {
                let path = ScanPath(blob: row[0])
                loaded.append(Loaded(path: path, missing: row[1],
                                     record: try InstanceRows.record(row, at: 2, path: path.description, coding)))
            }
        }
        return loaded
    }

    /// Studies with a complete record whose `column` is one of `values`.
    private func studies(where column: String, in values: Set<String>) throws -> Set<String> {
        var found = Set<String>()
        for part in values.sorted().chunked(listSize) {
            found.formUnion(try String.fetchAll(db, sql: """
                SELECT DISTINCT study_instance_uid FROM instances
                WHERE \(column) IN (\(placeholders(part.count)))
                AND study_instance_uid IS NOT NULL AND series_instance_uid IS NOT NULL AND sop_instance_uid IS NOT NULL
                """, arguments: StatementArguments(Array(part))))
        }
        return found
    }

    /// Writes the studies of the group, removes those of the group that are gone, and clears
    /// the group from pending. A study whose text changed, and a removal, take a new stamp.
    private func write(_ studies: [StudyEntry], group: Set<String>, missingFiles: [String: Int],
                       into result: inout StudyRebuild) throws {
        let members = group.sorted()
        var previous: [String: (entry: String, stamp: Int64)] = [:]
        for part in members.chunked(listSize) {
            for row in try Row.fetchAll(db, sql: """
                SELECT study_instance_uid, entry, stamp FROM studies WHERE study_instance_uid IN (\(placeholders(part.count)))
                """, arguments: StatementArguments(Array(part))) {
                previous[row[0]] = (row[1], row[2])
            }
            try db.execute(sql: "DELETE FROM series WHERE study_instance_uid IN (\(placeholders(part.count)))",
                           arguments: StatementArguments(Array(part)))
        }

        var newStamp: Int64?
        func stamp() throws -> Int64 {
            if let newStamp { return newStamp }
            let next = try SQLiteIndexStore.stamp(db) + 1
            try db.execute(sql: "UPDATE state SET value = ? WHERE key = 'stamp'", arguments: [next])
            newStamp = next
            return next
        }

        var written = Set<String>()
        for study in studies {
            let text = try coding.encode(study)
            var studyStamp: Int64
            if let old = previous[study.uid], old.entry == text {
                studyStamp = old.stamp
            } else {
                studyStamp = try stamp()
                result.studiesChanged += 1
            }
            try upsert(study, text: text, stamp: studyStamp, missingFiles: missingFiles[study.uid] ?? 0)
            written.insert(study.uid)
            result.studiesRebuilt += 1
        }
        for uid in members where !written.contains(uid) && previous[uid] != nil {
            let removedStamp = try stamp()
            try db.execute(sql: "DELETE FROM studies WHERE study_instance_uid = ?", arguments: [uid])
            try db.execute(sql: """
                INSERT INTO removed_studies (study_instance_uid, stamp) VALUES (?, ?)
                ON CONFLICT(study_instance_uid) DO UPDATE SET stamp = excluded.stamp
                """, arguments: [uid, removedStamp])
            result.studiesRemoved += 1
        }
        for part in members.chunked(listSize) {
            try db.execute(sql: "DELETE FROM pending_studies WHERE study_instance_uid IN (\(placeholders(part.count)))",
                           arguments: StatementArguments(Array(part)))
        }
    }

    private func upsert(_ study: StudyEntry, text: String, stamp: Int64, missingFiles: Int) throws {
        try db.cachedStatement(sql: """
            INSERT INTO studies (study_instance_uid, stamp, entry, patient_id, issuer_of_patient_id, patient_name,
                study_date, study_time, accession_number, study_id, study_description, referring_physician_name,
                number_of_series, number_of_instances, missing_files)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(study_instance_uid) DO UPDATE SET stamp = excluded.stamp, entry = excluded.entry,
                patient_id = excluded.patient_id, issuer_of_patient_id = excluded.issuer_of_patient_id,
                patient_name = excluded.patient_name, study_date = excluded.study_date, study_time = excluded.study_time,
                accession_number = excluded.accession_number, study_id = excluded.study_id,
                study_description = excluded.study_description,
                referring_physician_name = excluded.referring_physician_name,
                number_of_series = excluded.number_of_series, number_of_instances = excluded.number_of_instances,
                missing_files = excluded.missing_files
            """).execute(arguments: [
                study.uid, stamp, text, study.patient.id, study.patient.issuer, study.patient.name, study.date,
                study.time, study.accessionNumber, study.studyID, study.description, study.referringPhysicianName,
                study.series.count, study.numberOfInstances, missingFiles,
            ])
        try db.execute(sql: "DELETE FROM removed_studies WHERE study_instance_uid = ?", arguments: [study.uid])
        let insertSeries = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO series (series_instance_uid, study_instance_uid, position, series_number, modality,
                series_description, body_part_examined, laterality, number_of_instances)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, series) in study.series.enumerated() {
            try insertSeries.execute(arguments: [
                series.uid, study.uid, position, series.number, series.modality, series.description,
                series.bodyPartExamined, series.laterality, series.instances.count,
            ])
        }
    }
}
