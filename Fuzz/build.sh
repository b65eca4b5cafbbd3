#!/usr/bin/env bash
# Builds the libFuzzer targets (debug, -sanitize=fuzzer,address) into .build-fuzz/debug/.
# DICOMIDX_FUZZ=1 makes Package.swift declare them; the separate scratch path keeps the
# ordinary .build untouched. Usage: Fuzz/build.sh [target...]   (default: all, Fuzz/targets.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source Fuzz/targets.sh
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${FUZZ_TARGETS[@]}")
for target in "${targets[@]}"; do
    DICOMIDX_FUZZ=1 swift build --scratch-path .build-fuzz -c debug --product "$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
        | grep -v -e "Cannot export local symbol" -e '^\[' || true
    test -x ".build-fuzz/debug/$target" || { echo "Fuzz/build.sh: $target did not build" >&2; exit 1; }
done
