#!/bin/sh
# The benchmark: dicomidx scan against the I/O floor and the peers (Benchmarks/README.md).
#   Benchmarks/run.sh [--files N] [--repeat N] [--cold] [--skip gdcmscanner,dcmdump,pydicom,dicomsdl,extras]
#   Benchmarks/run.sh --peers-install   # apt: libgdcm-tools dcmtk hyperfine valgrind; pip: pydicom dicomsdl
set -e
cd "$(dirname "$0")/.."
if [ "$1" = "--peers-install" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgdcm-tools dcmtk hyperfine valgrind
    python3 -m pip install -q pydicom==3.0.2 dicomsdl==0.109.4 pillow
    exit 0
fi
exec python3 Benchmarks/bench.py "$@"
