import Foundation
import XCTest

/// A throwaway Django project in a temporary directory: one app holding the seed's
/// `ImagingStudy`, `DICOMStudy` and `DICOMSeries` models verbatim, and the least `Patient` and
/// `Provider` that ImagingStudy's foreign keys need, on SQLite.
struct DjangoProject {
    let directory: URL
    let app: String

    /// The models of `shared/seeds/002_c0d89b3221c4425c.txt`, copied verbatim; checked
    /// against the seed file by `DjangoLoaddataTests` when it is there.
    static let seedModels = [#"""
        class ImagingStudy(models.Model):
            """Model for tracking imaging studies."""
            patient = models.ForeignKey('Patient', on_delete=models.CASCADE)
            ordered_by = models.ForeignKey(
                'Provider',
                related_name='ordered_studies',
                on_delete=models.PROTECT
            )
            performed_by = models.ForeignKey(
                'Provider',
                related_name='performed_studies',
                on_delete=models.PROTECT,
                null=True
            )
            
            # Study details
            study_type = models.CharField(
                max_length=50,
                choices=[
                    ('XRAY', 'X-Ray'),
                    ('CT', 'CT Scan'),
                    ('MRI', 'MRI'),
                    ('US', 'Ultrasound'),
                    ('NM', 'Nuclear Medicine')
                ]
            )
            body_site = models.CharField(max_length=100)
            reason = models.TextField()
            urgency = models.CharField(
                max_length=20,
                choices=[
                    ('STAT', 'Immediate'),
                    ('URGENT', 'Within 24 hours'),
                    ('ROUTINE', 'Routine')
                ],
                default='ROUTINE'
            )
            
            # Scheduling
            ordered_date = models.DateTimeField(auto_now_add=True)
            scheduled_date = models.DateTimeField(null=True)
            performed_date = models.DateTimeField(null=True)
            
            # Status tracking
            status = models.CharField(
                max_length=20,
                choices=[
                    ('ORDERED', 'Ordered'),
                    ('SCHEDULED', 'Scheduled'),
                    ('IN_PROGRESS', 'In Progress'),
                    ('COMPLETED', 'Completed'),
                    ('CANCELLED', 'Cancelled')
                ],
                default='ORDERED'
            )
            
            class Meta:
                indexes = [
                    models.Index(fields=['patient', 'ordered_date']),
                    models.Index(fields=['status', 'scheduled_date']),
                ]
        """#, #"""
        class DICOMStudy(models.Model):
            """Model for DICOM study metadata."""
            imaging_study = models.OneToOneField(
                'ImagingStudy',
                on_delete=models.CASCADE
            )
            study_instance_uid = models.CharField(max_length=64, unique=True)
            accession_number = models.CharField(max_length=16, unique=True)
            study_date = models.DateField()
            study_time = models.TimeField()
            study_description = models.CharField(max_length=64)
            
            # DICOM metadata
            modality = models.CharField(max_length=16)
            manufacturer = models.CharField(max_length=64, null=True)
            institution_name = models.CharField(max_length=64, null=True)
            
            class Meta:
                indexes = [
                    models.Index(fields=['study_instance_uid']),
                    models.Index(fields=['accession_number']),
                ]
        """#, #"""
        class DICOMSeries(models.Model):
            """Model for DICOM series metadata."""
            study = models.ForeignKey('DICOMStudy', on_delete=models.CASCADE)
            series_instance_uid = models.CharField(max_length=64, unique=True)
            series_number = models.IntegerField()
            series_description = models.CharField(max_length=64)
            modality = models.CharField(max_length=16)
            body_part_examined = models.CharField(max_length=16)
            
            class Meta:
                indexes = [
                    models.Index(fields=['series_instance_uid']),
                    models.Index(fields=['study', 'series_number']),
                ]
        """#]

    /// Python that makes ImagingStudy rows with pks 1...N (N from argv) for one Patient and Provider.
    static let makeImagingStudies = """
        import sys
        from APP.models import ImagingStudy, Patient, Provider
        patient = Patient.objects.create(name="patient")
        provider = Provider.objects.create(name="provider")
        for pk in range(1, int(sys.argv[1]) + 1):
            ImagingStudy.objects.create(pk=pk, patient=patient, ordered_by=provider, study_type="CT",
                                        body_site="", reason="")
        """

    /// Python that prints every DICOMStudy and DICOMSeries row as JSON, by pk.
    static let dumpRows = """
        import json
        from APP.models import DICOMSeries, DICOMStudy
        def text(value):
            return None if value is None else value.isoformat()
        print("ROWS " + json.dumps({
            "studies": [[s.pk, s.imaging_study_id, s.study_instance_uid, s.accession_number, text(s.study_date),
                         text(s.study_time), s.study_description, s.modality, s.manufacturer, s.institution_name]
                        for s in DICOMStudy.objects.order_by("pk")],
            "series": [[s.pk, s.study_id, s.series_instance_uid, s.series_number, s.series_description, s.modality,
                        s.body_part_examined] for s in DICOMSeries.objects.order_by("pk")],
        }, ensure_ascii=False))
        """

    /// Creates the project files.
    init(app: String) throws {
        self.app = app
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("records-django-\(UUID().uuidString)")
        let appDirectory = directory.appendingPathComponent(app)
        try FileManager.default.createDirectory(at: appDirectory, withIntermediateDirectories: true)
        let models = ["from django.db import models", "",
                      "class Patient(models.Model):", "    name = models.CharField(max_length=100)", "",
                      "class Provider(models.Model):", "    name = models.CharField(max_length=100)", ""]
            + Self.seedModels.flatMap { [$0, ""] }
        try write(models.joined(separator: "\n"), to: "\(app)/models.py")
        try write("", to: "\(app)/__init__.py")
        try write("""
            import os
            SECRET_KEY = "throwaway"
            INSTALLED_APPS = ["\(app)"]
            DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["RECORDS_DB"]}}
            DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
            USE_TZ = False

            """, to: "settings.py")
        try write("""
            import os, sys
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
            from django.core.management import execute_from_command_line
            execute_from_command_line(sys.argv)

            """, to: "manage.py")
        for (name, body) in [("make_imaging_studies.py", Self.makeImagingStudies), ("dump_rows.py", Self.dumpRows)] {
            try write("import os, django\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"settings\")\ndjango.setup()\n"
                      + body.replacingOccurrences(of: "APP", with: app) + "\n", to: name)
        }
    }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `python3 ARGS` in the project with the database file `database`; returns the exit
    /// status and the output (stdout and stderr together).
    @discardableResult
    func python(_ arguments: [String], database: String = "db.sqlite3") throws -> (status: Int32, output: String) {
        try Self.run(["python3"] + arguments, in: directory,
                     environment: ["RECORDS_DB": directory.appendingPathComponent(database).path])
    }

    /// Runs `python3 manage.py ARGS`, failing the test when it exits non-zero.
    func manage(_ arguments: [String], database: String = "db.sqlite3", file: StaticString = #filePath,
                line: UInt = #line) throws -> String {
        let (status, output) = try python(["manage.py"] + arguments, database: database)
        XCTAssertEqual(status, 0, "manage.py \(arguments.joined(separator: " ")):\n\(output)", file: file, line: line)
        return output
    }

    /// The rows `dump_rows.py` prints.
    func rows(database: String = "db.sqlite3") throws -> (studies: [[Any]], series: [[Any]]) {
        let (status, output) = try python(["dump_rows.py"], database: database)
        XCTAssertEqual(status, 0, output)
        let line = try XCTUnwrap(output.split(separator: "\n").last { $0.hasPrefix("ROWS ") })
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.dropFirst(5).utf8)) as? [String: [[Any]]])
        return (object["studies"] ?? [], object["series"] ?? [])
    }

    static func run(_ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(
            environment.merging(["PYTHONDONTWRITEBYTECODE": "1"]) { $1 }) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
