#!/usr/bin/env python3
"""Sequential DCT JPEG codestreams (8-bit, written by Pillow's libjpeg-turbo) that exercise
restart intervals and chroma subsampling, with what pylibjpeg-libjpeg decodes from each
(without colour conversion; it interpolates subsampled chroma, we repeat it), for the tests of our sequential decoder (whose 12-bit path is
the same code).

Usage: dct_jpeg_streams.py OUTDIR

Writes OUTDIR/<name>.jpg, OUTDIR/<name>.bin (int64 little-endian, rows x columns x
components) and OUTDIR/<name>.json ({"shape": [...]}). Exit status 3 when numpy, Pillow or
libjpeg is missing.
"""
import io
import json
import os
import sys

try:
    import numpy as np
    from libjpeg import decode
    from PIL import Image
except ImportError as error:
    print(f"missing Python package: {error}", file=sys.stderr)
    sys.exit(3)


def phantom(rows, cols, channels):
    y, x = np.mgrid[0:rows, 0:cols]
    # Smooth planes (gradients, no wrap-around): subsampled chroma upsampled by repetition (ours)
    # and by interpolation (libjpeg) then differ by about one gradient step.
    planes = [(x * 3 + y * 2) % 256, 40 + x * 2 + y, 230 - y * 2 - x]
    image = np.stack(planes[:channels], axis=-1).astype("uint8")
    return image[:, :, 0] if channels == 1 else image


CASES = {
    # name: (rows, columns, channels, Pillow save options)
    "gray_restart_rows": (37, 53, 1, dict(quality=85, restart_marker_rows=1)),
    "gray_restart_5_blocks": (40, 41, 1, dict(quality=60, restart_marker_blocks=5)),
    "ycc_444_restart": (33, 30, 3, dict(quality=90, subsampling=0, restart_marker_blocks=3)),
    "ycc_422": (32, 48, 3, dict(quality=90, subsampling=1)),
    "ycc_420_odd": (35, 45, 3, dict(quality=80, subsampling=2, restart_marker_rows=2)),
}


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for name, (rows, cols, channels, options) in CASES.items():
        buffer = io.BytesIO()
        Image.fromarray(phantom(rows, cols, channels)).save(buffer, "JPEG", **options)
        stream = buffer.getvalue()
        base = os.path.join(out_dir, name)
        with open(base + ".jpg", "wb") as handle:
            handle.write(stream)
        decoded = decode(stream, colour_transform=0)
        if decoded.ndim == 2:
            decoded = decoded[:, :, None]
        decoded.astype("<i8").tofile(base + ".bin")
        with open(base + ".json", "w") as handle:
            json.dump({"shape": list(decoded.shape)}, handle)
        print(name, decoded.shape)


if __name__ == "__main__":
    main()
