#!/usr/bin/env python3
"""Lossless JPEG codestreams (ITU T.81 process 14) that exercise what DICOM files rarely show,
with the pixels pylibjpeg-libjpeg decodes from each, for Tests/DICOMPixelsTests.

Usage: lossless_jpeg_streams.py OUTDIR

Writes for each case OUTDIR/<name>.jpg (the codestream, from the small encoder below),
OUTDIR/<name>.bin (the expected samples: int64 little-endian, rows x columns x components,
interleaved) and OUTDIR/<name>.json ({"shape": [...], "reference": ..., "source_equal": bool}).
The expected samples are what libjpeg decodes, except with a point transform: pylibjpeg-libjpeg
2.5.0 returns all ones there (on DCMTK-made files too, which DCMTK's dcmdjpeg decodes right),
so those expect the encoder's input shifted right and back left by Pt, as T.81 H.2 says. Cases: every predictor at 16
bits with differences of 32768 (the SSSS=16 special case), 2 to 16 bits of precision, point
transforms, 3 and 4 components interleaved and not, restart intervals (whole rows and not),
a DNL segment, fill bytes and a COM segment before the scan. Exit status 3 when numpy or
libjpeg is missing.
"""
import heapq
import json
import os
import random
import sys

try:
    import numpy as np
    from libjpeg import decode
except ImportError as error:
    print(f"missing Python package: {error}", file=sys.stderr)
    sys.exit(3)


def predict(predictor, a, b, c):
    return [None, a, b, c, a + b - c, a + ((b - c) >> 1), b + ((a - c) >> 1), (a + b) >> 1][predictor]


def differences(plane, precision, pt, predictor, restart_mcus, mcu_index):
    """The differences of one component plane (values already shifted right by pt)."""
    rows, cols = plane.shape
    out = np.zeros_like(plane)
    initial = 1 << (precision - pt - 1)
    restart_row = 0
    first = True
    for y in range(rows):
        for x in range(cols):
            index = mcu_index(y, x)
            if restart_mcus and index > 0 and index % restart_mcus == 0:
                restart_row, first = y, True
            if first:
                p = initial
            elif y == restart_row:
                p = int(plane[y, x - 1])
            elif x == 0:
                p = int(plane[y - 1, x])
            else:
                p = predict(predictor, int(plane[y, x - 1]), int(plane[y - 1, x]), int(plane[y - 1, x - 1]))
            first = False
            out[y, x] = (int(plane[y, x]) - p) % 65536
    return out


def category(diff):
    """SSSS and the extra bits of a difference (mod 65536)."""
    d = diff if diff < 32768 else diff - 65536
    if diff == 32768:
        return 16, 0, 0
    if d == 0:
        return 0, 0, 0
    s = abs(d).bit_length()
    bits = d if d > 0 else d + (1 << s) - 1
    return s, bits, s


def huffman_lengths(freq):
    """Code lengths (<= 16) for the 17 categories, all with a code."""
    heap = [(f + 1, [i]) for i, f in enumerate(freq)]
    lengths = [0] * len(freq)
    heapq.heapify(heap)
    while len(heap) > 1:
        f1, a = heapq.heappop(heap)
        f2, b = heapq.heappop(heap)
        for i in a + b:
            lengths[i] += 1
        heapq.heappush(heap, (f1 + f2, a + b))
    assert max(lengths) <= 15
    return lengths


def dht(table_id, lengths):
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    counts = [0] * 16
    for i in order:
        counts[lengths[i] - 1] += 1
    codes, code, prev = {}, 0, 0
    for i in order:
        code <<= lengths[i] - prev
        prev = lengths[i]
        codes[i] = (code, lengths[i])
        code += 1
    body = bytes([table_id]) + bytes(counts) + bytes(order)
    return segment(0xC4, body), codes


def segment(marker, body):
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body


class Bits:
    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0

    def put(self, value, count):
        for i in range(count - 1, -1, -1):
            self.acc = self.acc << 1 | (value >> i) & 1
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)
                self.acc, self.n = 0, 0

    def flush(self):
        if self.n:
            self.put((1 << (8 - self.n)) - 1, 8 - self.n)
        return bytes(self.out)


def encode(image, precision, predictor=1, pt=0, interleaved=True, restart=0, dnl=False, extras=b""):
    """image: rows x cols x components, values < 2**precision."""
    rows, cols, ncomp = image.shape
    shifted = image >> pt
    if interleaved:
        scans = [list(range(ncomp))]
    else:
        scans = [[c] for c in range(ncomp)]
    frame = bytes([precision]) + (0 if dnl else rows).to_bytes(2, "big") + cols.to_bytes(2, "big") + bytes([ncomp])
    for c in range(ncomp):
        frame += bytes([c + 1, 0x11, 0])
    out = b"\xFF\xD8" + segment(0xFE, b"dicomidx test stream") + segment(0xC3, frame)
    if restart:
        out += segment(0xDD, restart.to_bytes(2, "big"))
    for scan in scans:
        diffs = [differences(shifted[:, :, c], precision, pt, predictor, restart, lambda y, x: y * cols + x) for c in scan]
        tables = []
        for k, c in enumerate(scan):
            freq = [0] * 17
            for d in diffs[k].flat:
                freq[category(int(d))[0]] += 1
            table_segment, codes = dht(k, huffman_lengths(freq))
            out += table_segment
            tables.append(codes)
        sos = bytes([len(scan)]) + b"".join(bytes([c + 1, k << 4]) for k, c in enumerate(scan)) + bytes([predictor, 0, pt])
        out += extras + segment(0xDA, sos)
        bits = Bits()
        marker = 0
        for y in range(rows):
            for x in range(cols):
                index = y * cols + x
                if restart and index > 0 and index % restart == 0:
                    out += bits.flush() + bytes([0xFF, 0xD0 + marker % 8])
                    bits = Bits()
                    marker += 1
                for k in range(len(scan)):
                    s, extra, n = category(int(diffs[k][y, x]))
                    code, length = tables[k][s]
                    bits.put(code, length)
                    bits.put(extra, n)
        out += bits.flush()
        if dnl and scan is scans[0]:
            out += segment(0xDC, rows.to_bytes(2, "big"))
    return out + b"\xFF\xD9"


def phantom(rows, cols, ncomp, precision, seed):
    rng = random.Random(seed)
    top = (1 << precision) - 1
    image = np.zeros((rows, cols, ncomp), dtype=np.int64)
    for c in range(ncomp):
        for y in range(rows):
            for x in range(cols):
                smooth = (x * 7 + y * 3 + c * 11) * top // (7 * cols + 3 * rows + 33)
                image[y, x, c] = min(top, max(0, smooth + rng.randint(-3, 3)))
    return image


def cases():
    yield "p16_extremes_sv1", (np.array([[0, 32768, 0, 65535], [32768, 0, 65535, 1], [65535, 32768, 0, 12345]],
                                        dtype=np.int64)[:, :, None], 16, dict(predictor=1))
    for predictor in range(1, 8):
        yield f"p16_sv{predictor}", (phantom(9, 13, 1, 16, predictor), 16, dict(predictor=predictor))
        yield f"p12_sv{predictor}_pt3", (phantom(8, 11, 1, 12, predictor), 12, dict(predictor=predictor, pt=3))
    for precision in (2, 5, 8, 10, 15):
        yield f"p{precision}_sv4", (phantom(7, 10, 1, precision, precision), precision, dict(predictor=4))
    yield "rgb8_interleaved_sv7", (phantom(10, 9, 3, 8, 1), 8, dict(predictor=7))
    yield "rgb8_noninterleaved_sv5", (phantom(10, 9, 3, 8, 2), 8, dict(predictor=5, interleaved=False))
    yield "cmyk8_interleaved_sv6", (phantom(6, 7, 4, 8, 3), 8, dict(predictor=6))
    yield "rgb16_noninterleaved_sv1", (phantom(5, 6, 3, 16, 4), 16, dict(predictor=1, interleaved=False))
    yield "gray8_restart_rows_sv4", (phantom(12, 8, 1, 8, 5), 8, dict(predictor=4, restart=16))
    yield "rgb8_restart_rows_sv2", (phantom(12, 8, 3, 8, 6), 8, dict(predictor=2, restart=8))
    yield "gray12_dnl_sv1", (phantom(9, 10, 1, 12, 7), 12, dict(predictor=1, dnl=True))
    yield "gray8_fill_and_com_sv3", (phantom(6, 6, 1, 8, 8), 8, dict(predictor=3, extras=b"\xFF\xFF\xFF" + segment(0xFE, b"x")))


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for name, (image, precision, options) in cases():
        stream = encode(image, precision, **options)
        base = os.path.join(out_dir, name)
        with open(base + ".jpg", "wb") as handle:
            handle.write(stream)
        decoded = decode(stream, reshape=True)
        if decoded.ndim == 2:
            decoded = decoded[:, :, None]
        pt = options.get("pt", 0)
        expected = (image >> pt) << pt
        source_equal = bool(np.array_equal(decoded.astype(np.int64), expected))
        reference = "libjpeg" if pt == 0 else "input shifted by Pt"
        info = {"shape": list(decoded.shape), "reference": reference, "source_equal": source_equal}
        (decoded if pt == 0 else expected).astype("<i8").tofile(base + ".bin")
        with open(base + ".json", "w") as handle:
            json.dump(info, handle)
        print(name, info)


if __name__ == "__main__":
    main()
