#!/usr/bin/env python3
"""Print what pydicom reads from DICOM files, one JSON object per line per file.

The output is the reference that dicomidx's parser is compared with. Each file is read with
`dcmread(path, stop_before_pixels=True)`; when that raises InvalidDicomError (no 'DICM'
prefix at offset 128) it is read again with force=True and "preamble" is false. Any other
exception, on reading or on converting a value, makes "readable" false with the message in
"error"; the run goes on with the next file.

Fields: path, readable, error, preamble, transfer_syntax (from the file meta; null when
there is none), the attributes in ATTRIBUTES (null when absent; "" when present but empty;
numbers as int, first value if multi-valued; strings as decoded by pydicom, multiple values
joined with a backslash), SpecificCharacterSet as a list, plus three extras:
"element_count" (top-level data elements read, file meta and Pixel Data onwards excluded),
"encoding" ({"implicit_vr", "little_endian"} as pydicom decided, useful when there is no
file meta) and "warnings" (messages pydicom emitted while reading this file).

Note that force=True makes pydicom read almost any bytes without an exception (an empty
file gives 0 elements, a text file one garbage element), so "readable" means "pydicom
raised nothing", not "this is DICOM"; look at preamble, element_count and the UIDs too.

Usage: pydicom_reference.py [--summary] PATH... (directories are walked recursively in
sorted order; the summary goes to stderr).
"""

import json
import os
import sys
import warnings

import pydicom
from pydicom.errors import InvalidDicomError
from pydicom.multival import MultiValue

STRING_ATTRIBUTES = (
    "SOPClassUID", "SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID", "PatientID",
    "PatientName", "StudyDate", "SeriesDate", "ContentDate", "StudyTime", "Modality",
)
INT_ATTRIBUTES = ("SeriesNumber", "InstanceNumber", "Rows", "Columns", "NumberOfFrames")


def string_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (MultiValue, list, tuple)):
        return "\\".join(str(v) for v in value)
    return str(value)


def int_value(value, keyword: str, notes: list):
    if isinstance(value, (MultiValue, list, tuple)):
        value = value[0] if len(value) else None
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        notes.append(f"{keyword}: not an integer: {value!r}")
        return None


def read(path: str) -> tuple:
    """(dataset, preamble) as pydicom reads `path`; raises what dcmread raises."""
    try:
        ds = pydicom.dcmread(path, stop_before_pixels=True)
    except InvalidDicomError:
        ds = pydicom.dcmread(path, stop_before_pixels=True, force=True)
    return ds, getattr(ds, "preamble", None) is not None


def describe(path: str) -> dict:
    result = {"path": path, "readable": False, "error": None, "preamble": False,
              "transfer_syntax": None}
    result.update({k: None for k in STRING_ATTRIBUTES + INT_ATTRIBUTES})
    result.update({"SpecificCharacterSet": None, "element_count": None, "encoding": None,
                   "warnings": []})
    notes = result["warnings"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        keyword = None
        try:
            ds, result["preamble"] = read(path)
            result["element_count"] = len(ds)
            meta = getattr(ds, "file_meta", None)
            if meta is not None and "TransferSyntaxUID" in meta:
                result["transfer_syntax"] = str(meta.TransferSyntaxUID)
            encoding = getattr(ds, "original_encoding", None)
            if encoding and None not in encoding:
                result["encoding"] = {"implicit_vr": encoding[0], "little_endian": encoding[1]}
            for keyword in STRING_ATTRIBUTES:
                if keyword in ds:
                    result[keyword] = string_value(ds[keyword].value)
            for keyword in INT_ATTRIBUTES:
                if keyword in ds:
                    result[keyword] = int_value(ds[keyword].value, keyword, notes)
            keyword = "SpecificCharacterSet"
            if keyword in ds:
                value = ds[keyword].value
                if isinstance(value, (MultiValue, list, tuple)):
                    result[keyword] = [str(v) for v in value]
                else:
                    result[keyword] = [] if value in (None, "") else [str(value)]
            result["readable"] = True
        except Exception as exc:  # noqa: BLE001 - the reference records every failure
            where = f"while reading {keyword}: " if keyword else ""
            result["error"] = f"{where}{type(exc).__name__}: {exc}"
        notes.extend(str(w.message) for w in caught)
    return result


def walk(paths: list):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    yield os.path.join(root, name)
        else:
            yield path


def main(argv: list) -> int:
    summary = "--summary" in argv
    paths = [a for a in argv if a != "--summary"]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    total = readable = forced = 0
    for path in walk(paths):
        result = describe(path)
        print(json.dumps(result, ensure_ascii=False), flush=True)
        total += 1
        readable += result["readable"]
        forced += result["readable"] and not result["preamble"]
    if summary:
        print(f"pydicom {pydicom.__version__}: {total} files, {readable} readable "
              f"({forced} without preamble, read with force=True), {total - readable} not readable",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
