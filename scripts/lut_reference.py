#!/usr/bin/env python3
"""Reference Modality LUT and VOI LUT output for Tests/DICOMPixelsTests/LUTReferenceTests,
computed by pydicom 3.0.2's apply_modality_lut and apply_voi_lut.

Usage: lut_reference.py OUTDIR

Cases: pydicom-data's mlut_18.dcm (Modality LUT Sequence, signed first value mapped) and
vlut_04.dcm (VOI LUT Sequence), and files made here from pydicom's MR_small.dcm and
CT_small.dcm with LUT sequences added: a VOI LUT (OW) with a signed first value mapped and a
window beside it, in Explicit VR Big Endian; a 65536-entry Modality LUT (descriptor 0) in
Implicit VR Little Endian; a VOI LUT (US) after Rescale Slope/Intercept, Explicit VR Little
Endian.

For each case NAME writes OUTDIR/NAME.dcm (the file, copied or made), OUTDIR/NAME.modality.bin
(apply_modality_lut of frame 1, float64 little-endian), OUTDIR/NAME.voi.bin (apply_voi_lut of
that, float64; absent when the file has no VOI LUT Sequence), and OUTDIR/cases.json listing
the cases. Exit status 3 when numpy is missing.
"""
import json
import os
import shutil
import sys

try:
    import numpy as np
    import pydicom
    from pydicom.data import get_testdata_file
    from pydicom.dataelem import DataElement
    from pydicom.dataset import Dataset
    from pydicom.pixels import apply_modality_lut, apply_voi_lut
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian
except ImportError as error:  # the test skips or fails on this status
    print(f"missing Python package: {error}", file=sys.stderr)
    sys.exit(3)


def lut_item(descriptor, data, data_vr, order="<"):
    """An item with LUT Descriptor (SS when a value is negative) and LUT Data (US values, or OW
    bytes in `order`)."""
    item = Dataset()
    item.add(DataElement(0x00283002, "SS" if min(descriptor) < 0 else "US", descriptor))
    item.add(DataElement(0x00283006, data_vr, data if data_vr == "US" else np.asarray(data, order + "u2").tobytes()))
    return item


def save(ds, path, syntax):
    """Writes `ds` in `syntax`; the source file must already have that byte order."""
    ds.file_meta.TransferSyntaxUID = syntax
    ds.save_as(path, implicit_vr=syntax == ImplicitVRLittleEndian, little_endian=syntax != ExplicitVRBigEndian,
               enforce_file_format=True)


def made_cases(out_dir):
    cases = []
    # VOI LUT with a signed first value mapped (-100), OW data, a window beside it; big endian.
    ds = pydicom.dcmread(get_testdata_file("MR_small_bigendian.dcm"))
    data = [(i * 37) % 65536 for i in range(2048)]
    ds.VOILUTSequence = Sequence([lut_item([2048, -100, 16], data, "OW", ">")])
    path = os.path.join(out_dir, "mr_voi_signed_be.dcm")
    save(ds, path, ExplicitVRBigEndian)
    cases.append(path)
    # Modality LUT of 65536 entries (descriptor 0), first value mapped -30000; implicit VR.
    # (Not -32768: pydicom subtracts it in the pixels' int16 type, which would overflow.)
    ds = pydicom.dcmread(get_testdata_file("MR_small.dcm"))
    for keyword in ("RescaleSlope", "RescaleIntercept", "WindowCenter", "WindowWidth"):
        if keyword in ds:
            delattr(ds, keyword)
    data = [(i * 7) % 65536 for i in range(65536)]
    ds.ModalityLUTSequence = Sequence([lut_item([0, -30000, 16], data, "OW")])
    ds.ModalityLUTSequence[0].ModalityLUTType = "US"
    path = os.path.join(out_dir, "mr_mlut_65536_implicit.dcm")
    save(ds, path, ImplicitVRLittleEndian)
    cases.append(path)
    # VOI LUT (US data) after Rescale Slope/Intercept (HU), first value mapped -1000.
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    data = [min(65535, max(0, 30000 + 40 * (i - 1024))) for i in range(2048)]
    ds.VOILUTSequence = Sequence([lut_item([2048, -1000, 16], data, "US")])
    path = os.path.join(out_dir, "ct_rescale_voi_us.dcm")
    save(ds, path, ExplicitVRLittleEndian)
    cases.append(path)
    return cases


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    missing = []
    for name in ("mlut_18.dcm", "vlut_04.dcm"):
        found = get_testdata_file(name, download=False)
        if found:
            target = os.path.join(out_dir, name)
            shutil.copyfile(found, target)
            paths.append(target)
        else:
            missing.append(name)
    paths += made_cases(out_dir)
    cases = []
    for path in paths:
        ds = pydicom.dcmread(path)
        array = ds.pixel_array
        if array.ndim == 3:
            array = array[0]
        modality = apply_modality_lut(array, ds)
        base = os.path.splitext(path)[0]
        np.asarray(modality, "<f8").tofile(base + ".modality.bin")
        has_voi = "VOILUTSequence" in ds
        if has_voi:
            np.asarray(apply_voi_lut(modality, ds), "<f8").tofile(base + ".voi.bin")
        cases.append({"file": os.path.basename(path), "voi": has_voi, "shape": list(array.shape)})
    with open(os.path.join(out_dir, "cases.json"), "w") as handle:
        json.dump({"cases": cases, "missing": missing}, handle)


if __name__ == "__main__":
    main()
