#!/usr/bin/env python3
"""Peer: dicomsdl, one process, open_file(load_until=the tag dicomidx stops before) of every file
in LIST (one path a line), the 18 key tags read. Prints files read and values found."""
import sys

import dicomsdl

from key_tags import KEY_TAGS, STOP_BEFORE

read = values = 0
for line in open(sys.argv[1]):
    path = line.rstrip("\n")
    try:
        ds = dicomsdl.open_file(path, load_until=STOP_BEFORE)
    except Exception:
        continue
    read += 1
    for tag in KEY_TAGS:
        value = ds.getDataElement(tag).value()
        if value is not None and value != "" and value != b"":
            values += 1
print("dicomsdl", dicomsdl.DICOMSDL_VERSION, "files", read, "values", values)
