"""Seeds for the pixel decoder fuzz targets (see Fuzz/seed-corpus.sh): first frames of the
TestData, pydicom and pydicom-data files of each target's transfer syntaxes, and generated
codestreams, each after the 5-byte header Fuzz/PixelSupport reads (rows - 1 and columns - 1
as 2 bytes big endian, then flags: Bits Stored 8/12/16/32 in bits 0-1, 3 samples bit 2,
signed bit 3, YBR_FULL bit 4). Skips what it cannot read; needs pydicom."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
out = sys.argv[1]
MAX_FRAME = 32768 - 5

TARGETS = {
    "fuzz-pixel-rle": {"1.2.840.10008.1.2.5"},
    "fuzz-pixel-jpeg-lossless": {"1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"},
    "fuzz-pixel-jpeg12": {"1.2.840.10008.1.2.4.51"},
    "fuzz-pixel-libjpeg": {"1.2.840.10008.1.2.4.50"},
    "fuzz-pixel-openjpeg": {"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"},
    "fuzz-pixel-charls": {"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"},
}


def header(rows, columns, bits_stored, samples, signed, ybr):
    bits = 0 if bits_stored <= 8 else 1 if bits_stored <= 12 else 2 if bits_stored <= 16 else 3
    flags = bits | (4 if samples == 3 else 0) | (8 if signed else 0) | (16 if ybr else 0)
    return bytes([(rows - 1) >> 8 & 0xFF, (rows - 1) & 0xFF, (columns - 1) >> 8 & 0xFF, (columns - 1) & 0xFF, flags])


def write(target, data):
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, target, name), "wb") as handle:
        handle.write(data)


def files():
    tops = [os.path.join(root, "TestData", "archive")]
    try:
        import pydicom
        tops.append(os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files"))
        import data_store
        tops.append(os.path.join(os.path.dirname(data_store.__file__), "data"))
    except ImportError:
        pass
    for top in tops:
        for base, _, names in os.walk(top):
            for name in sorted(names):
                yield os.path.join(base, name)


def dicom_seeds():
    try:
        import pydicom
        from pydicom.encaps import generate_frames
    except ImportError:
        return
    for path in files():
        try:
            ds = pydicom.dcmread(path)
            syntax = str(ds.file_meta.TransferSyntaxUID)
            targets = [t for t, syntaxes in TARGETS.items() if syntax in syntaxes]
            if not targets or "PixelData" not in ds:
                continue
            frame = next(generate_frames(ds.PixelData, number_of_frames=int(ds.get("NumberOfFrames", 1) or 1)))
        except Exception:
            continue
        if len(frame) > MAX_FRAME:
            continue
        prefix = header(ds.Rows, ds.Columns, ds.get("BitsStored", ds.BitsAllocated), ds.get("SamplesPerPixel", 1),
                        ds.get("PixelRepresentation", 0) == 1, str(ds.get("PhotometricInterpretation", "")).startswith("YBR"))
        for target in targets:
            write(target, prefix + bytes(frame))


def generated_seeds():
    for script, target in (("lossless_jpeg_streams.py", "fuzz-pixel-jpeg-lossless"), ("dct_jpeg_streams.py", "fuzz-pixel-libjpeg")):
        with tempfile.TemporaryDirectory() as directory:
            if subprocess.run([sys.executable, os.path.join(root, "scripts", script), directory],
                              capture_output=True).returncode != 0:
                continue
            for name in sorted(os.listdir(directory)):
                if not name.endswith(".jpg"):
                    continue
                with open(os.path.join(directory, name[:-4] + ".json")) as handle:
                    rows, columns, components = json.load(handle)["shape"]
                with open(os.path.join(directory, name), "rb") as handle:
                    stream = handle.read()
                precision = stream[stream.find(b"\xFF\xC3") + 4] if b"\xFF\xC3" in stream else 8
                if components in (1, 3):
                    write(target, header(rows, columns, precision, components, False, False) + stream)


dicom_seeds()
generated_seeds()
