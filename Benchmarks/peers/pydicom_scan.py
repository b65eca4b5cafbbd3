#!/usr/bin/env python3
"""Peer: pydicom, one process, dcmread(stop_before_pixels=True, specific_tags=the 18 key tags)
of every file in LIST (one path a line), each value read. Prints files read and values found."""
import sys
import warnings

import pydicom
from pydicom.tag import Tag

from key_tags import KEY_TAGS

warnings.simplefilter("ignore")
tags = [Tag(t) for t in KEY_TAGS]
read = values = 0
for line in open(sys.argv[1]):
    path = line.rstrip("\n")
    try:
        ds = pydicom.dcmread(path, stop_before_pixels=True, specific_tags=tags)
    except Exception:
        continue
    read += 1
    for tag in tags:
        element = ds.get(tag)
        if element is not None and element.value not in (None, ""):
            values += 1
print("pydicom", pydicom.__version__, "files", read, "values", values)
