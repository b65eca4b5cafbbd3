#!/usr/bin/env python3
"""Write the synthetic DICOM archive in TestData/archive/ (see README.md for the table).

Every valid file is written by pydicom (3.0.2), not by dicomidx, so the parser is tested
against an independent writer. The broken files are valid pydicom output patched here.
The output is deterministic (UUID-derived 2.25 UIDs from fixed names, fixed dates, seeded
noise): re-running reproduces byte-identical files given the same pydicom, zlib and Pillow
(libjpeg) versions. Prints the README table with sizes.

Usage: python3 TestData/generate.py
"""

import io
import shutil
import struct
from pathlib import Path

from PIL import Image
from pydicom import __version__ as pydicom_version
from pydicom import dcmwrite
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixels.utils import compress
from pydicom.uid import (
    PYDICOM_IMPLEMENTATION_UID, UID, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian,
    ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEGBaseline8Bit, RLELossless)

from synthetic import (
    STUDIES, ct, dx, mr, secondary_capture, structured_report, ultrasound, ultrasound_cine,
    us_frame)

ARCHIVE = Path(__file__).resolve().parent / "archive"
PATIENT_DIRS = {"mueller": "PAT001_MUELLER", "yamada": "PAT002_YAMADA", "doe": "PAT003_DOE"}


def series_path(study: str, number: int, label: str) -> Path:
    s = STUDIES[study]
    return Path(PATIENT_DIRS[s["patient"]], s["dir"], f"SE{number:03d}_{label}")


# ---------------------------------------------------------------------------- encoding

def encode(ds: Dataset, syntax: UID | None, group_length: bool = True) -> bytes:
    """`ds` as pydicom writes it: Part 10 with `syntax`, or a bare implicit VR LE data set
    (no preamble, no file meta) when `syntax` is None."""
    out = io.BytesIO()
    if syntax is None:
        dcmwrite(out, ds, implicit_vr=True, little_endian=True)
        return out.getvalue()
    if syntax == RLELossless:
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        compress(ds, RLELossless, encoding_plugin="pydicom", generate_instance_uid=False)
    ds.file_meta = FileMetaDataset()   # a fresh meta: pydicom fills in the rest
    ds.file_meta.MediaStorageSOPClassUID = ds.SOPClassUID
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = syntax
    if group_length:
        dcmwrite(out, ds, enforce_file_format=True)
    else:
        # Same meta elements pydicom would write, minus (0002,0000).
        meta = FileMetaDataset()
        meta.FileMetaInformationVersion = b"\x00\x01"
        meta.update(ds.file_meta)
        meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
        meta.ImplementationVersionName = f"PYDICOM {pydicom_version}"
        ds.file_meta, ds.preamble = meta, b"\x00" * 128
        dcmwrite(out, ds, enforce_file_format=False)
    return out.getvalue()


def undefined_lengths(ds: Dataset) -> Dataset:
    """Mark every sequence and item in `ds` for undefined length with delimiters (pydicom
    writes explicit lengths by default)."""
    for elem in ds.iterall():
        if elem.VR == "SQ":
            elem.is_undefined_length = True
            for item in elem.value:
                item.is_undefined_length_sequence_item = True
    return ds


def oversize_length(data: bytes) -> tuple:
    """Patch the implicit VR (0008,0020) Study Date length to 0xFFFFFFFA (4294967290).
    Returns the patched bytes and the offset of the element's tag."""
    meta_end = 132 + 12 + struct.unpack_from("<I", data, 140)[0]
    at = data.index(b"\x08\x00\x20\x00\x08\x00\x00\x00", meta_end)
    return data[:at + 4] + struct.pack("<I", 0xFFFFFFFA) + data[at + 8:], at


def truncate_in_patient_name(data: bytes) -> tuple:
    """Cut an explicit VR big endian file three bytes into the (0010,0010) value.
    Returns the cut bytes and the offset of the element's tag."""
    at = data.index(b"\x00\x10\x00\x10PN")
    return data[:at + 8 + 3], at


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.fromarray(us_frame(4200, 1), "L").save(out, "PNG", optimize=False)
    return out.getvalue()


NOTES = """PACS export 2024-06-01
Exported by: synthetic test generator (dicomidx TestData/generate.py)
This text file is not DICOM although its name ends in .dcm.
"""


def archive() -> list:
    """(relative path, bytes, what it is, what it tests) for every file, in write order."""
    explicit, implicit, big = ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian
    thorax, lung = series_path("ct", 1, "THORAX_5MM"), series_path("ct", 2, "LUNGE_1MM")
    dose, report = series_path("ct", 3, "DOSISPROTOKOLL"), series_path("ct", 4, "BEFUND")
    pa, lat = series_path("dx", 1, "THORAX_PA"), series_path("dx", 2, "THORAX_LAT")
    sag, cor = series_path("mr", 1, "PD_TSE_FS_SAG"), series_path("mr", 2, "T1_SE_COR")
    liver, cine = series_path("us", 1, "LEBER"), series_path("us", 2, "LEBER_CINE")
    oversized, oversized_at = oversize_length(encode(ct(1, 4, -25.0, False), implicit))
    truncated, truncated_at = truncate_in_patient_name(
        encode(dx(2, 2, True, big_endian=True), big))
    return [
        (thorax / "IM0001", encode(ct(1, 1, -40.0, False), explicit),
         "CT, Explicit VR LE, ISO_IR 100",
         "baseline instance; Latin-1 PN and LO; defined-length sequences: "
         "ReferencedStudySequence, ProcedureCodeSequence, RequestAttributesSequence > "
         "ScheduledProtocolCodeSequence; private block (0029,0010) with LO, US and SQ"),
        (thorax / "IM0002", encode(undefined_lengths(ct(1, 2, -35.0, False)), implicit),
         "CT, Implicit VR LE",
         "implicit VR (4-byte lengths, VR from the dictionary); every sequence and item of "
         "undefined length, including the private SQ, which has no VR to say it is one"),
        (thorax / "IM0003", encode(ct(1, 3, -30.0, False, big_endian=True), big),
         "CT, Explicit VR Big Endian (retired)",
         "big endian tags, lengths, US values and OW pixel data; same series as LE files"),
        (thorax / "IM0004", oversized, "BROKEN: CT, Implicit VR LE, length overflow",
         f"(0008,0020) at offset {oversized_at} has length 4294967290 (0xFFFFFFFA) in a file "
         f"of {len(oversized)} bytes: must fail with offset and tag, without allocating it"),
        (lung / "IM0001.dcm", encode(undefined_lengths(ct(2, 1, -40.0, True)),
                                     DeflatedExplicitVRLittleEndian),
         "CT, Deflated Explicit VR LE",
         "raw deflate (RFC 1951, no zlib header) after the file meta; undefined-length "
         "sequences inside the deflated stream"),
        (lung / "IM0002.dcm", encode(ct(2, 2, -39.0, True), RLELossless),
         "CT, RLE Lossless",
         "encapsulated Pixel Data of undefined length: empty-offset BOT, one fragment"),
        (lung / "IM0003.dcm", b"", "EMPTY: 0 bytes", "an empty file is reported, not indexed"),
        (dose / "IM0001.dcm", encode(secondary_capture(), JPEGBaseline8Bit),
         "Secondary Capture (Modality OT), JPEG Baseline, YBR_FULL_422",
         "lossy encapsulated RGB (Pillow/libjpeg); a non-CT series in the CT study"),
        (report / "IM0001.dcm", encode(undefined_lengths(structured_report()), explicit),
         "Basic Text SR, Explicit VR LE",
         "no Pixel Data, Rows or Columns; sequences nested 3 deep, all of undefined length; "
         "(0008,1115) items hold other SeriesInstanceUIDs and (0008,1200) holds the DX "
         "StudyInstanceUID, both encoded before the top-level (0020,000D)/(0020,000E)"),
        (Path(PATIENT_DIRS["mueller"], "notes.dcm"), NOTES.encode("ascii"),
         "NOT DICOM: text file named .dcm", "rejected by content, not by name"),
        (pa / "IM0001.dcm", encode(dx(1, 1, False), explicit),
         "DX For Presentation, Explicit VR LE",
         "second study of PAT001 (grouping by StudyInstanceUID); StudyTime HHMM only"),
        (lat / "IM0001.dcm", encode(dx(2, 1, True, big_endian=True), big),
         "DX For Presentation, Explicit VR Big Endian, MONOCHROME1", "big endian in a 2nd study"),
        (lat / "IM0002.dcm", truncated, "BROKEN: DX, Explicit VR BE, truncated",
         f"file ends 3 bytes into the value of (0010,0010) at offset {truncated_at} "
         f"(declared length {struct.unpack_from('>H', truncated, truncated_at + 6)[0]}): "
         "unexpected end of file"),
        (sag / "IM0001", encode(mr(1, 1), explicit), "MR, Explicit VR LE, ISO_IR 192",
         "UTF-8 PN with three component groups (alphabetic=ideographic=phonetic), UTF-8 LO"),
        (sag / "IM0002", encode(mr(1, 2), explicit, group_length=False),
         "MR, Explicit VR LE, file meta without (0002,0000)",
         "the meta group ends at the first tag outside group 0002"),
        (cor / "IM0001", encode(mr(2, 1), implicit), "MR, Implicit VR LE, ISO_IR 192",
         "UTF-8 text in implicit VR"),
        (cor / "IM0002", encode(mr(2, 2), None),
         "MR, bare data set: no preamble, no DICM, no file meta, Implicit VR LE",
         "starts with (0008,0005) at offset 0; the transfer syntax must be guessed"),
        (liver / "IM0001.dcm", encode(ultrasound(), explicit),
         "US Image, Explicit VR LE, RGB, no Specific Character Set",
         "SequenceOfUltrasoundRegions (US, UL, SL, FD values in an item); empty Type 2 "
         "PatientBirthDate, AccessionNumber and ReferringPhysicianName"),
        (liver / "IM0002", png_bytes(), "NOT DICOM: PNG image without extension",
         "a binary non-DICOM file named like an instance"),
        (cine / "IM0001.dcm", encode(ultrasound_cine(), RLELossless),
         "US Multi-frame (4 frames), RLE Lossless",
         "NumberOfFrames > 1; BOT with 4 offsets, one fragment per frame; "
         "FrameIncrementPointer (AT)"),
    ]


def main() -> None:
    files = archive()
    if ARCHIVE.exists():
        shutil.rmtree(ARCHIVE)
    for rel, data, _, _ in files:
        path = ARCHIVE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print("| Path | Size | What it is | What it tests |")
    print("|---|---:|---|---|")
    for rel, data, what, tests in files:
        print(f"| `archive/{rel.as_posix()}` | {len(data)} | {what} | {tests} |")
    print(f"\n{len(files)} files, {sum(len(f[1]) for f in files)} bytes")


if __name__ == "__main__":
    main()
