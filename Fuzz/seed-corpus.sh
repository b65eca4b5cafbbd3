#!/usr/bin/env bash
# Writes the seed corpora to .build-fuzz/seeds/<target>/: the TestData archive, pydicom's
# test files under 64 KiB (when pydicom is installed), the deflated data sets inside those
# files (for fuzz-deflate), and character set samples (for fuzz-charsets). Generated, never
# committed; TestData/regressions/ is added to every target's seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=.build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz-reader-header,fuzz-reader-full,fuzz-deflate,fuzz-charsets}
python3 Fuzz/seed_corpus.py "$seeds"
for target in fuzz-reader-header fuzz-reader-full fuzz-deflate fuzz-charsets; do
    if [ -d "TestData/regressions/$target" ]; then cp TestData/regressions/"$target"/* "$seeds/$target/" 2>/dev/null || true; fi
done
for target in "$seeds"/*; do echo "$(basename "$target"): $(ls "$target" | wc -l) seeds"; done
