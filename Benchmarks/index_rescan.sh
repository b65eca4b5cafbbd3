#!/usr/bin/env bash
# Re-index time of an unchanged archive as a ratio to the first full index (issue 5).
#
#   Benchmarks/index_rescan.sh [COPIES] [WORKDIR]
#
# Writes COPIES (default 250) copies of TestData/archive (20 files each) under WORKDIR/archive
# (default: a temporary directory), each copy with its own Study, Series and SOP Instance UIDs
# (the last five digits of every 2.25. UID replaced by the copy's number) and an old
# modification time; then, with the release build, on a warm page cache:
#   1. dicomidx scan of the archive (for reference),
#   2. dicomidx index into a new database (the first full index),
#   3. dicomidx index again, nothing changed (best of 3),
# and prints the times and the ratio 3/2. Not a test: the numbers depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-250}
work=${2:-$(mktemp -d)}
bin=.build/release/dicomidx
[ -x "$bin" ] || swift build -c release --static-swift-stdlib --product dicomidx >&2

python3 - "$copies" "$work/archive" <<'PY'
import os, re, sys
copies, target = int(sys.argv[1]), sys.argv[2]
source = "TestData/archive"
files = []
for directory, _, names in os.walk(source):
    for name in names:
        path = os.path.join(directory, name)
        with open(path, "rb") as f:
            files.append((os.path.relpath(path, source), f.read()))
uid = re.compile(rb"2\.25\.\d{20,}")
for copy in range(copies):
    tail = b"%05d" % copy
    for relative, data in files:
        out = os.path.join(target, "c%04d" % copy, relative)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "wb") as f:
            f.write(uid.sub(lambda m: m.group(0)[:-5] + tail, data))
        os.utime(out, (1704067200, 1704067200))
PY

# Wall-clock seconds of a command (bash's EPOCHREALTIME; awk for the arithmetic).
seconds() { local start=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || true; awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }'; }
files=$((copies * 20))
"$bin" scan "$work/archive" --format json -o /dev/null --quiet >/dev/null 2>&1 || true   # warms the cache
scan=$(seconds "$bin" scan "$work/archive" --format json -o /dev/null --quiet)
rm -f "$work/index.sqlite"*
first=$(seconds "$bin" index "$work/archive" --db "$work/index.sqlite" --quiet)
again=""
for _ in 1 2 3; do
    t=$(seconds "$bin" index "$work/archive" --db "$work/index.sqlite" --quiet)
    again=$(awk -v t="$t" -v best="${again:-1e9}" 'BEGIN { print (t < best) ? t : best }')
done
size=$(du -k "$work/index.sqlite" | cut -f1)
printf 'files %d\nscan %.3f s\nfirst index %.3f s\nunchanged re-index %.3f s (best of 3)\nratio %.3f\nindex size %d KiB\n' \
    "$files" "$scan" "$first" "$again" "$(awk -v a="$again" -v f="$first" 'BEGIN { print a / f }')" "$size"
