#!/usr/bin/env python3
"""Writes a deterministic synthetic DICOM archive for the benchmark (Benchmarks/README.md).

    python3 Benchmarks/generate_corpus.py [--files 50000] [--seed 6] [--out Benchmarks/corpus]

Layout: OUT/archive/PATnnnnn/<date>_<modality>_<n>/SEnnn_<kind>/IMnnnnn[.dcm], plus
OUT/manifest.tsv (path, kind, transfer syntax, size; in walk order) outside the archive tree.

What is in it, per file (the shares are targets; each study has one primary kind):
  CT 35% (some series with 512x512x16-bit pixel data, files of 0.5 MB; the rest 64x64),
  MR 30%, CR 6%, DX 6%, US 10% (JPEG baseline, some multi-frame), enhanced multi-frame
  CT/MR 5% (per-frame functional groups), SR 8% (nested Content Sequence, no pixel data).
Transfer syntaxes: explicit VR LE, implicit VR LE, explicit VR BE, deflated explicit VR LE,
JPEG baseline (real, via Pillow). Headers of about 2 to 14 KB: sequences (referenced images,
procedure codes, request attributes, issuer of accession number), private blocks (a
GE-like group 0009/0019/0043 with text, a Siemens-like CSA header in group 0029 of 1 to 9 KB
as OB), Latin-1 names under ISO_IR 100, some UTF-8 (ISO_IR 192) studies.

The same --files and --seed always give the same bytes (UIDs are counters under a fixed
root, random choices come from seeded generators, pixel data is pseudo-random).
"""
import argparse
import io
import os
import random
import sys
from multiprocessing import Pool

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.sequence import Sequence
from pydicom.uid import (
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEGBaseline8Bit,
)

ROOT = "1.2.826.0.1.3680043.10.1066"

SOP_CLASS = {
    "CT": "1.2.840.10008.5.1.4.1.1.2",
    "MR": "1.2.840.10008.5.1.4.1.1.4",
    "CR": "1.2.840.10008.5.1.4.1.1.1",
    "DX": "1.2.840.10008.5.1.4.1.1.1.1",
    "US": "1.2.840.10008.5.1.4.1.1.6.1",
    "USMF": "1.2.840.10008.5.1.4.1.1.3.1",
    "ECT": "1.2.840.10008.5.1.4.1.1.2.1",
    "EMR": "1.2.840.10008.5.1.4.1.1.4.1",
    "SR": "1.2.840.10008.5.1.4.1.1.88.33",
}

# kind: (share of files, mean files per study)
KINDS = {
    "CT": (0.35, 500), "MR": (0.30, 250), "CR": (0.06, 60), "DX": (0.06, 60),
    "US": (0.10, 100), "MF": (0.05, 30), "SR": (0.08, 20),
}

FAMILY = ["Müller", "Nguyen", "Smith", "García", "Kowalski", "Yamada", "Olsen", "Rossi", "Dubois",
          "Jensen", "Schäfer", "Novák", "Silva", "Brown", "Öztürk", "Lindqvist"]
GIVEN = ["Hans", "Anna", "John", "María", "Piotr", "Tarou", "Ingrid", "Luca", "Élise", "Søren",
         "Jürgen", "Eva", "João", "Mary", "Aylin", "Karin"]
BODY = {"CT": ["CHEST", "ABDOMEN", "HEAD", "PELVIS"], "MR": ["BRAIN", "KNEE", "LSPINE", "SHOULDER"],
        "CR": ["CHEST", "HAND", "FOOT"], "DX": ["CHEST", "KNEE", "HIP"], "US": ["ABDOMEN", "THYROID", "HEART"],
        "MF": ["HEART", "BRAIN"], "SR": ["CHEST"]}
MAKERS = [("SIEMENS", "SOMATOM Force"), ("GE MEDICAL SYSTEMS", "Revolution CT"),
          ("Philips", "Ingenia"), ("TOSHIBA", "Aquilion ONE"), ("FUJIFILM Corporation", "FCR")]


def uid(*parts):
    return ROOT + "." + ".".join(str(p) for p in parts)


def plan(total, seed):
    """The studies and series, in archive order: a list of series tasks."""
    rng = random.Random(seed)
    weights = {k: share / size for k, (share, size) in KINDS.items()}
    kinds = list(weights)
    tasks = []
    written = 0
    study = 0
    while written < total:
        study += 1
        kind = rng.choices(kinds, [weights[k] for k in kinds])[0]
        mean = KINDS[kind][1]
        patient = (study + 1) // 2  # most patients have two studies
        n_series = {"CT": rng.randint(3, 5), "MR": rng.randint(5, 10), "CR": rng.randint(1, 3),
                    "DX": rng.randint(1, 3), "US": rng.randint(1, 3), "MF": rng.randint(2, 4),
                    "SR": 1}[kind]
        budget = max(1, int(rng.uniform(0.5, 1.5) * mean))
        per_series = max(1, budget // n_series)
        date = "2024%02d%02d" % (1 + study % 12, 1 + study % 28)
        utf8 = rng.random() < 0.05
        for s in range(1, n_series + 1):
            count = min(per_series, total - written)
            if count <= 0:
                break
            syntax = choose_syntax(kind, rng)
            big = kind == "CT" and rng.random() < 0.12
            series_kind = kind
            if kind == "MF":
                series_kind = rng.choice(["ECT", "EMR", "USMF"])
            tasks.append(dict(study=study, patient=patient, kind=kind, series_kind=series_kind, series=s,
                              count=count, syntax=syntax, big=big, date=date, utf8=utf8,
                              seed=rng.getrandbits(32), first=written))
            written += count
        if kind != "SR" and written < total and rng.random() < 0.3:
            # A dose report or key images note inside the study.
            tasks.append(dict(study=study, patient=patient, kind="SR", series_kind="SR", series=99,
                              count=1, syntax=ExplicitVRLittleEndian, big=False, date=date, utf8=utf8,
                              seed=rng.getrandbits(32), first=written))
            written += 1
    return tasks


def choose_syntax(kind, rng):
    r = rng.random()
    if kind in ("CR", "DX"):
        return JPEGBaseline8Bit if r < 0.5 else (ExplicitVRLittleEndian if r < 0.85 else ImplicitVRLittleEndian)
    if kind == "US":
        return JPEGBaseline8Bit if r < 0.7 else ExplicitVRLittleEndian
    if kind == "SR":
        return ExplicitVRLittleEndian if r < 0.8 else ImplicitVRLittleEndian
    if kind == "MF":
        return ExplicitVRLittleEndian
    # CT, MR
    if r < 0.60:
        return ExplicitVRLittleEndian
    if r < 0.88:
        return ImplicitVRLittleEndian
    if r < 0.94:
        return DeflatedExplicitVRLittleEndian
    return ExplicitVRBigEndian


def code_item(value, scheme, meaning):
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item


def series_template(t, rng):
    kind, sk = t["kind"], t["series_kind"]
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 192" if t["utf8"] else "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"] if kind in ("CT", "MR", "MF") else ["ORIGINAL", "PRIMARY"]
    ds.InstanceCreationDate = t["date"]
    ds.InstanceCreationTime = "101500"
    ds.SOPClassUID = SOP_CLASS.get(sk, SOP_CLASS["CT"])
    ds.StudyDate = t["date"]
    ds.SeriesDate = t["date"]
    ds.AcquisitionDate = t["date"]
    ds.ContentDate = t["date"]
    ds.StudyTime = "%02d%02d%02d.%06d" % (8 + t["study"] % 10, t["study"] % 60, 7, t["study"] * 37 % 1000000)
    ds.SeriesTime = "%02d%02d00" % (8 + t["study"] % 10, (t["study"] + t["series"]) % 60)
    ds.AccessionNumber = "ACC%07d" % t["study"]
    issuer = Dataset()
    issuer.LocalNamespaceEntityID = "RIS-NORTH"
    ds.IssuerOfAccessionNumberSequence = Sequence([issuer])
    ds.Modality = {"ECT": "CT", "EMR": "MR", "USMF": "US"}.get(sk, kind)
    maker, model = MAKERS[t["study"] % len(MAKERS)]
    ds.Manufacturer = maker
    ds.InstitutionName = "Hôpital Saint-Éloi" if t["study"] % 3 == 0 else "Northfield General Hospital"
    ds.InstitutionAddress = "12 Rue de la Paix, 75002 Paris" if t["study"] % 3 == 0 else "1 Hospital Road, Northfield"
    ds.ReferringPhysicianName = "%s^%s^^Dr." % (rng.choice(FAMILY), rng.choice(GIVEN))
    ds.StationName = "STATION%02d" % (t["study"] % 17)
    ds.StudyDescription = "%s %s" % (ds.Modality, rng.choice(BODY[kind]))
    ds.ProcedureCodeSequence = Sequence([code_item("P%04d" % (t["study"] % 50), "L", ds.StudyDescription)])
    ds.SeriesDescription = "%s series %d" % (rng.choice(["AX", "SAG", "COR", "3D", "LOC"]), t["series"])
    ds.NameOfPhysiciansReadingStudy = "%s^%s" % (rng.choice(FAMILY), rng.choice(GIVEN))
    ds.PerformingPhysicianName = ["%s^%s" % (rng.choice(FAMILY), rng.choice(GIVEN))]
    ds.OperatorsName = ["%s^%s" % (rng.choice(FAMILY), rng.choice(GIVEN)), "TECH^%d" % (t["study"] % 9)]
    ds.ManufacturerModelName = model
    family = FAMILY[t["patient"] % len(FAMILY)]
    given = GIVEN[(t["patient"] // 7) % len(GIVEN)]
    ds.PatientName = "%s^%s" % (family, given) + ("=山田^太郎" if t["utf8"] and t["patient"] % 2 else "")
    ds.PatientID = "PID%06d" % t["patient"]
    ds.IssuerOfPatientID = "NORTHFIELD"
    ds.PatientBirthDate = "19%02d%02d%02d" % (30 + t["patient"] % 60, 1 + t["patient"] % 12, 1 + t["patient"] % 28)
    ds.PatientSex = "MF"[t["patient"] % 2]
    ds.OtherPatientIDs = "OTH%06d" % t["patient"]
    ds.PatientAge = "%03dY" % (30 + t["patient"] % 50)
    ds.PatientSize = "1.%02d" % (55 + t["patient"] % 40)
    ds.PatientWeight = str(50 + t["patient"] % 50)
    ds.BodyPartExamined = rng.choice(BODY[kind])
    ds.DeviceSerialNumber = "%08d" % (t["study"] * 7919 % 10**8)
    ds.SoftwareVersions = ["VB20A", "1.2.%d" % (t["study"] % 9)]
    ds.ProtocolName = "%s_%s_%d" % (ds.Modality, ds.BodyPartExamined, t["series"])
    ds.PatientPosition = "HFS"
    ds.StudyInstanceUID = uid(1, t["study"])
    ds.SeriesInstanceUID = uid(2, t["study"], t["series"])
    ds.StudyID = str(t["study"])
    ds.SeriesNumber = t["series"]
    ds.FrameOfReferenceUID = uid(3, t["study"])
    ds.PositionReferenceIndicator = ""
    if kind in ("CR", "DX", "US") and rng.random() < 0.5:
        ds.Laterality = rng.choice("LR")
    if t["study"] % 4 == 0:
        ds.TimezoneOffsetFromUTC = "+0100"
    request = Dataset()
    request.RequestedProcedureID = "RP%06d" % t["study"]
    request.ScheduledProcedureStepID = "SPS%06d" % t["study"]
    request.ReasonForTheRequestedProcedure = "follow-up"
    ds.RequestAttributesSequence = Sequence([request])
    ds.RequestedProcedureDescription = ds.StudyDescription
    if sk != "SR":
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.PixelSpacing = ["0.7031250", "0.7031250"]
        if kind in ("CT", "MF"):
            ds.KVP = "120"
            ds.SliceThickness = "1.25"
            ds.ConvolutionKernel = "B30f"
            ds.RescaleIntercept = "-1024"
            ds.RescaleSlope = "1"
            ds.RescaleType = "HU"
            ds.WindowCenter = ["40", "400"]
            ds.WindowWidth = ["400", "1500"]
        if kind in ("MR", "MF"):
            ds.ScanningSequence = "SE"
            ds.SequenceVariant = "SK"
            ds.MagneticFieldStrength = "3"
            ds.RepetitionTime = "%d" % rng.randint(400, 6000)
            ds.EchoTime = "%d" % rng.randint(10, 120)
            ds.ImagingFrequency = "123.25"
        ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    return ds


def add_private(ds, t, rng, explicit):
    """Private blocks: GE-like text groups and a Siemens-like CSA blob in group 0029."""
    ds.add_new(0x00090010, "LO", "GEMS_IDEN_01")
    ds.add_new(0x00091001, "LO", "CT_LIGHTSPEED")
    ds.add_new(0x00091002, "SH", "CT01")
    ds.add_new(0x00190010, "LO", "GEMS_ACQU_01")
    for e in range(0x1002, 0x1002 + rng.randint(4, 20)):
        ds.add_new(0x00190000 | e, "DS", "%d.%d" % (rng.randint(0, 999), rng.randint(0, 99)))
    if t["kind"] in ("CT", "MR", "MF") and t["study"] % 2 == 0:
        ds.add_new(0x00290010, "LO", "SIEMENS CSA HEADER")
        ds.add_new(0x00290011, "LO", "SIEMENS MEDCOM HEADER2")
        blob = bytes(rng.getrandbits(8) for _ in range(rng.randint(1000, 9000) & ~1))
        ds.add_new(0x00291010, "OB", b"SV10\x04\x03\x02\x01" + blob)
        ds.add_new(0x00291020, "OB", blob[: len(blob) // 2])
        ds.add_new(0x00291160, "LO", "com")


def pixel_data(t, rng):
    """(rows, cols, frames, bits, samples, bytes or encapsulated frames) for the series."""
    sk = t["series_kind"]
    if t["syntax"] == JPEGBaseline8Bit:
        from PIL import Image
        size = 64 if sk in ("US", "USMF") else 128
        frames = rng.randint(8, 24) if sk == "USMF" else 1
        rgb = sk in ("US", "USMF")
        encoded = []
        for f in range(frames):
            raw = bytes((x * 7 + y * 3 + f * 11 + rng.getrandbits(3)) & 0xFF for y in range(size) for x in range(size))
            image = Image.frombytes("L", (size, size), raw)
            if rgb:
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85)
            encoded.append(out.getvalue())
        return size, size, frames, 8, 3 if rgb else 1, encoded
    if t["big"]:
        size, frames = 512, 1
    elif sk in ("ECT", "EMR"):
        size, frames = 32, rng.randint(20, 60)
    elif t["kind"] in ("CR", "DX"):
        size, frames = 128, 1
    else:
        size, frames = 64, 1
    n = size * size * frames
    return size, size, frames, 16, 1, rng.randbytes(2 * n)


def add_pixels(ds, t, px):
    rows, cols, frames, bits, samples, data = px
    ds.Rows = rows
    ds.Columns = cols
    ds.SamplesPerPixel = samples
    ds.PhotometricInterpretation = "YBR_FULL_422" if samples == 3 else "MONOCHROME2"
    if samples == 3:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated = bits
    ds.BitsStored = bits if bits == 8 else 12
    ds.HighBit = ds.BitsStored - 1
    ds.PixelRepresentation = 0
    if frames > 1:
        ds.NumberOfFrames = frames
    if isinstance(data, list):
        ds.PixelData = encapsulate(data)
        ds["PixelData"].VR = "OB"
        ds.LossyImageCompression = "01"
    else:
        ds.PixelData = data
        ds["PixelData"].VR = "OW"


def functional_groups(ds, frames, t):
    shared = Dataset()
    measures = Dataset()
    measures.PixelSpacing = ["0.5", "0.5"]
    measures.SliceThickness = "1.0"
    shared.PixelMeasuresSequence = Sequence([measures])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    per_frame = []
    for f in range(frames):
        item = Dataset()
        pos = Dataset()
        pos.ImagePositionPatient = ["-125.0", "-125.0", "%.1f" % (f * 1.0)]
        item.PlanePositionSequence = Sequence([pos])
        content = Dataset()
        content.FrameAcquisitionNumber = f + 1
        content.DimensionIndexValues = [1, f + 1]
        item.FrameContentSequence = Sequence([content])
        per_frame.append(item)
    ds.PerFrameFunctionalGroupsSequence = Sequence(per_frame)


def sr_content(ds, rng):
    ds.ValueType = "CONTAINER"
    ds.ConceptNameCodeSequence = Sequence([code_item("113701", "DCM", "X-Ray Radiation Dose Report")])
    ds.ContinuityOfContent = "SEPARATE"
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "UNVERIFIED"
    items = []
    for i in range(rng.randint(4, 12)):
        item = Dataset()
        item.RelationshipType = "CONTAINS"
        item.ValueType = "TEXT"
        item.ConceptNameCodeSequence = Sequence([code_item("121106", "DCM", "Comment")])
        item.TextValue = "Finding %d: no significant change compared to prior examination." % (i + 1)
        items.append(item)
    ds.ContentSequence = Sequence(items)


def write_series(t):
    rng = random.Random(t["seed"])
    ds = series_template(t, rng)
    explicit = t["syntax"] != ImplicitVRLittleEndian
    add_private(ds, t, rng, explicit)
    sk = t["series_kind"]
    px = None
    if sk == "SR":
        ds.SOPClassUID = SOP_CLASS["SR"]
        ds.Modality = "SR"
        ds.SeriesDescription = "Dose Report" if t["kind"] != "SR" else "Structured report"
        sr_content(ds, rng)
        ds.ContentLabel = "DOSE"
    else:
        px = pixel_data(t, rng)
        if sk in ("ECT", "EMR"):
            functional_groups(ds, px[2], t)
        add_pixels(ds, t, px)
    directory = os.path.join("PAT%05d" % t["patient"], "%s_%s_%d" % (t["date"], t["kind"], t["study"]),
                             "SE%03d_%s" % (t["series"], sk))
    rows = []
    os.makedirs(os.path.join(OUT_ARCHIVE, directory), exist_ok=True)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.TransferSyntaxUID = t["syntax"]
    meta.ImplementationClassUID = ROOT + ".0.1"
    meta.ImplementationVersionName = "DICOMIDX_BENCH"
    extension = ".dcm" if t["study"] % 2 else ""
    for i in range(1, t["count"] + 1):
        ds.SOPInstanceUID = uid(4, t["study"], t["series"], i)
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.file_meta = meta
        ds.InstanceNumber = i
        ds.AcquisitionNumber = 1
        ds.AcquisitionTime = "%02d%02d%02d" % (9, i // 60 % 60, i % 60)
        ds.ContentTime = ds.AcquisitionTime
        if sk not in ("SR", "ECT", "EMR"):
            ds.ImagePositionPatient = ["-125.0", "-125.0", "%.2f" % (i * 1.25)]
            ds.SliceLocation = "%.2f" % (i * 1.25)
            refs = []
            for r in range(1 + i % 3):
                ref = Dataset()
                ref.ReferencedSOPClassUID = ds.SOPClassUID
                ref.ReferencedSOPInstanceUID = uid(4, t["study"], 1, r + 1)
                refs.append(ref)
            ds.ReferencedImageSequence = Sequence(refs)
        path = os.path.join(directory, "IM%05d%s" % (i, extension))
        ds.save_as(os.path.join(OUT_ARCHIVE, path), enforce_file_format=True)
        size = os.path.getsize(os.path.join(OUT_ARCHIVE, path))
        rows.append("%s\t%s\t%s\t%d\t%d" % (path, sk, t["syntax"], size, 1 if t["big"] else 0))
    return rows


OUT_ARCHIVE = ""


def init(archive):
    global OUT_ARCHIVE
    OUT_ARCHIVE = archive


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=50000, help="number of files (default 50000)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    archive = os.path.join(args.out, "archive")
    manifest = os.path.join(args.out, "manifest.tsv")
    stamp = "files=%d seed=%d" % (args.files, args.seed)
    stamp_path = os.path.join(args.out, "stamp")
    if os.path.exists(stamp_path) and open(stamp_path).read().strip() == stamp and os.path.exists(manifest):
        print("%s: already generated (%s)" % (args.out, stamp))
        return
    if os.path.exists(archive):
        import shutil
        shutil.rmtree(archive)
    os.makedirs(archive)
    tasks = plan(args.files, args.seed)
    with Pool(args.jobs, initializer=init, initargs=(archive,)) as pool:
        results = pool.map(write_series, tasks, chunksize=4)
    rows = sorted(row for series in results for row in series)  # bytewise walk order (ASCII names)
    with open(manifest, "w") as out:
        out.write("path\tkind\ttransfer_syntax\tsize\tbig\n")
        out.write("\n".join(rows) + "\n")
    with open(stamp_path, "w") as out:
        out.write(stamp + "\n")
    studies = len({t["study"] for t in tasks})
    total = sum(int(r.split("\t")[3]) for r in rows)
    print("%s: %d files, %d studies, %d series, %.1f MB" % (archive, len(rows), studies, len(tasks), total / 1e6))


if __name__ == "__main__":
    main()
