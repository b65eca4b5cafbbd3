#!/usr/bin/env bash
# Writes the seed corpora to .build-fuzz/seeds/<target>/: the TestData archive, pydicom's
# test files under 64 KiB (when pydicom is installed), the deflated data sets inside those
# files (for fuzz-deflate), character set samples (for fuzz-charsets), and for each pixel
# target the first frames (under 32 KiB) of the TestData, pydicom and pydicom-data files of
# its transfer syntaxes plus the streams of scripts/lossless_jpeg_streams.py and
# scripts/dct_jpeg_streams.py, each after the 5-byte image header of Fuzz/PixelSupport.
# Generated, never committed; TestData/regressions/<target>/ is added to its target's seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
source Fuzz/targets.sh
seeds=.build-fuzz/seeds
rm -rf "$seeds"
for target in "${FUZZ_TARGETS[@]}"; do mkdir -p "$seeds/$target"; done
python3 Fuzz/seed_corpus.py "$seeds"
python3 -W ignore Fuzz/pixel_seeds.py "$seeds"
for target in "${FUZZ_TARGETS[@]}"; do
    if [ -d "TestData/regressions/$target" ]; then cp TestData/regressions/"$target"/* "$seeds/$target/" 2>/dev/null || true; fi
done
for target in "$seeds"/*; do echo "$(basename "$target"): $(ls "$target" | wc -l) seeds"; done
