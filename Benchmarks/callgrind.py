#!/usr/bin/env python3
"""Instructions per file under valgrind --tool=callgrind: stable on a shared machine, unlike
seconds, so this is the number to compare one's own changes with.

    python3 Benchmarks/callgrind.py [--corpus Benchmarks/corpus] [--files 600] [--annotate]

Difference method: it picks 3 x --files files in 20 runs of consecutive files spread over the
archive (so that files per series are as in the archive), runs each command under callgrind on
every third file of each run and on all of them, and divides the difference in instructions by the number of extra files. Start-up, the
argument parsing and everything else paid once drop out. Commands (release build):
  scan:   dicomidx scan --files-from LIST --jobs 1 --format ndjson --quiet  (end to end:
          read up to (0070,0080), InstanceRecord, grouping, FHIR NDJSON output)
  reader: dicomidx-reader-bench --repeat 1 --stop-before 0070,0081 PATH...  (the header path
          alone: DICOMReader.read and the 18 key tags)
--annotate also prints the functions with the most instructions (self) in the larger scan run.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BIN = os.path.join(REPO, ".build", "release")


def stripped_copy(binary, work):
    """A copy of `binary` without debug information (symbols kept): valgrind 3.19 gives up on
    the DWARF 5 that Swift 6 writes ("Possibly corrupted debuginfo file")."""
    copy = os.path.join(work, os.path.basename(binary))
    subprocess.run(["strip", "--strip-debug", "-o", copy, binary], check=True)
    return copy


def instructions(command, out_file):
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file] + command,
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total = 0
    with open(out_file) as f:
        for line in f:
            m = re.match(r"(?:summary|totals):\s+(\d+)", line)
            if m:
                total = int(m.group(1))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    parser.add_argument("--files", type=int, default=600, help="files in the smaller run (default 600)")
    parser.add_argument("--annotate", action="store_true")
    parser.add_argument("--only", choices=["scan", "reader"])
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        for product in ("dicomidx", "dicomidx-reader-bench"):
            subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product], cwd=REPO, check=True,
                           stdout=subprocess.DEVNULL)
    archive = os.path.join(args.corpus, "archive")
    rows = [line.split("\t")[0] for line in open(os.path.join(args.corpus, "manifest.tsv"))][1:]
    # 20 runs of consecutive files spread over the archive, so that files per series and per
    # study are as in the archive; the smaller run takes every third file of each (not the
    # first third: the kinds of file, deflated ones say, would not be spread alike).
    runs = 20
    length = max(3, 3 * args.files // runs)
    stride = max(length, len(rows) // runs)
    chosen, small = [], []
    for start in range(0, min(len(rows), runs * stride), stride):
        block = [os.path.join(archive, p) for p in rows[start:start + length]]
        chosen += block
        small += block[::3]
    extra = len(chosen) - len(small)
    work = tempfile.mkdtemp(prefix="dicomidx-callgrind-")
    lists = {}
    for name, paths in (("small", small), ("large", chosen)):
        lists[name] = os.path.join(work, name + ".txt")
        with open(lists[name], "w") as f:
            f.write("".join(p + "\n" for p in paths))

    dicomidx = stripped_copy(os.path.join(BIN, "dicomidx"), work)

    def scan(name):
        return [dicomidx, "scan", "--files-from", lists[name], "--jobs", "1",
                "--format", "ndjson", "--quiet", "-o", os.path.join(work, name + ".ndjson")]

    def reader(name):
        paths = small if name == "small" else chosen
        return [stripped_copy(os.path.join(BIN, "dicomidx-reader-bench"), work), "--repeat", "1", "--stop-before", "0070,0081"] + paths

    print("%d and %d files from %s (%d runs of consecutive files)" % (len(small), len(chosen), archive, runs))
    for label, command in (("scan", scan), ("reader", reader)):
        if args.only and args.only != label:
            continue
        a = instructions(command("small"), os.path.join(work, label + "-small.out"))
        b = instructions(command("large"), os.path.join(work, label + "-large.out"))
        print("%-6s: %s instructions per file (%s for %d files, %s for %d)" % (
            label, "{:,.0f}".format((b - a) / extra), "{:,}".format(a), len(small), "{:,}".format(b), len(chosen)))
        if args.annotate:
            out = subprocess.run(["callgrind_annotate", os.path.join(work, label + "-large.out")],
                                 capture_output=True, text=True).stdout
            print("\n".join(out.splitlines()[:60]))
    print("callgrind files in", work)


if __name__ == "__main__":
    main()
