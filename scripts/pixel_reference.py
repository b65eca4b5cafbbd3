#!/usr/bin/env python3
"""Reference pixels for Tests/DICOMPixelsTests, decoded by pydicom with its plugins
(pylibjpeg, pylibjpeg-libjpeg, pylibjpeg-openjpeg, pylibjpeg-rle, pyjpegls for JPEG-LS).

Usage: pixel_reference.py OUTDIR FILE:FRAME...   (FRAME is 0-based)

For each FILE:FRAME writes OUTDIR/<basename>.<FRAME>.bin (the frame's samples as int64
little-endian, rows x columns x samples, interleaved) and OUTDIR/<basename>.<FRAME>.json
({"shape": [rows, columns, samples], "syntax": UID, "photometric": ...}), or .json with
{"error": message} when pydicom cannot decode it. JPEG frames are taken as pydicom returns
them by default (YCbCr converted to RGB, as libjpeg does for us); the others raw, in the
file's colour space (YBR_FULL_422 native is upsampled by pydicom either way).
Exit status 3 when numpy or the plugins are missing.
"""
import json
import os
import sys

try:
    import numpy as np
    import pydicom
    from pydicom.pixels import pixel_array
    import pylibjpeg  # noqa: F401  (registers the plugins)
except ImportError as error:  # the test skips or fails on this status
    print(f"missing Python package: {error}", file=sys.stderr)
    sys.exit(3)

JPEG_SYNTAXES = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"}


def write(out_dir, path, frame):
    base = os.path.join(out_dir, f"{os.path.basename(path)}.{frame}")
    ds = pydicom.dcmread(path)
    syntax = str(ds.file_meta.TransferSyntaxUID)
    info = {"syntax": syntax, "photometric": str(ds.get("PhotometricInterpretation", ""))}
    try:
        array = pixel_array(ds, index=frame, raw=syntax not in JPEG_SYNTAXES)
    except Exception as error:  # reported, not fatal: the Swift test shows it in its table
        info["error"] = f"{type(error).__name__}: {error}"
        with open(base + ".json", "w") as handle:
            json.dump(info, handle)
        return
    if array.ndim == 2:
        array = array[:, :, None]
    info["shape"] = list(array.shape)
    array.astype("<i8").tofile(base + ".bin")
    with open(base + ".json", "w") as handle:
        json.dump(info, handle)


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for spec in sys.argv[2:]:
        path, _, frame = spec.rpartition(":")
        write(out_dir, path, int(frame))


if __name__ == "__main__":
    main()
