"""Writes the fuzz seed corpora (see Fuzz/seed-corpus.sh) into the directory given."""
import hashlib
import os
import struct
import sys
import zlib

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
out = sys.argv[1]


def write(target, data):
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)


def dicom_files():
    dirs = [os.path.join(root, "TestData", "archive")]
    try:
        import pydicom.data
        dirs.append(os.path.join(os.path.dirname(pydicom.data.__file__), "test_files"))
    except ImportError:
        pass
    for top in dirs:
        for base, _, names in os.walk(top):
            for name in sorted(names):
                path = os.path.join(base, name)
                if os.path.getsize(path) < 65536:
                    with open(path, "rb") as f:
                        yield f.read()


def data_set_after_meta(data):
    """The bytes after the file meta group of a Part 10 file (explicit VR little endian)."""
    if data[128:132] != b"DICM":
        return None
    offset = 132
    while offset + 8 <= len(data):
        group, _ = struct.unpack_from("<HH", data, offset)
        if group != 2:
            return data[offset:]
        vr = data[offset + 4:offset + 6]
        if vr in (b"OB", b"OW", b"OF", b"SQ", b"UT", b"UN"):
            length = struct.unpack_from("<I", data, offset + 8)[0]
            offset += 12 + length
        else:
            length = struct.unpack_from("<H", data, offset + 6)[0]
            offset += 8 + length
    return None


for data in dicom_files():
    write("fuzz-reader-header", data)
    write("fuzz-reader-full", data)
    body = data_set_after_meta(data)
    if body is None:
        continue
    if b"1.2.840.10008.1.2.1.99" in data[:1024]:
        write("fuzz-deflate", body)  # already deflated
    else:
        raw = zlib.compressobj(9, zlib.DEFLATED, -15)
        write("fuzz-deflate", raw.compress(body[:16384]) + raw.flush())

samples = [
    b"ISO_IR 100\x00M\xfcller^J\xfcrgen",
    b"ISO_IR 192\x00Yamada^Tarou=\xe5\xb1\xb1\xe7\x94\xb0^\xe5\xa4\xaa\xe9\x83\x8e",
    b"\\ISO 2022 IR 87\x00Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B",
    b"\\ISO 2022 IR 149\x00Hong^Gildong=\x1b$)C\xfb\xf3^\x1b$)C\xd1\xce\xd4\xd7",
    b"GB18030\x00Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab\x81\x30\x81\x30",
    b"ISO 2022 IR 13\\ISO 2022 IR 87\x00\xd4\xcf\xc0\xde^\xc0\xdb\xb3=\x1b$B;3ED\x1b(J^\x1b$BB@O:\x1b(J",
    b"\\ISO 2022 IR 58\x00\x1b$)A\xd6\xd0\xce\xc4",
    b"ISO_IR 144\x00\xbb\xee\xdace\xdc",
    b"\x00A\x1b$",
]
for sample in samples:
    write("fuzz-charsets", sample)
