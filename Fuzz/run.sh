#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) on its seeds, one after the other, keeping
# the grown corpus in .build-fuzz/corpus/<target>/ (so later runs start where this one
# stopped) and any crashing input in .build-fuzz/artifacts/<target>/. Prints one line per
# target; exits 1 when a target found something (its log is printed in full then).
#   Fuzz/run.sh 30            # what CI runs
#   Fuzz/run.sh 14400         # four hours per target
# Extra arguments go to libFuzzer, e.g. Fuzz/run.sh 3600 -jobs=2 -workers=2.
# FUZZ_ONLY="fuzz-pixel-rle fuzz-pixel-charls" Fuzz/run.sh 600 runs only those targets.
set -uo pipefail
cd "$(dirname "$0")/.."
source Fuzz/targets.sh
[ -z "${FUZZ_ONLY:-}" ] || read -r -a FUZZ_TARGETS <<<"$FUZZ_ONLY"
seconds=${1:-60}
shift || true
Fuzz/build.sh "${FUZZ_TARGETS[@]}" || exit 1
for target in "${FUZZ_TARGETS[@]}"; do
    [ -d ".build-fuzz/seeds/$target" ] || { Fuzz/seed-corpus.sh >/dev/null; break; }
done
# Leak checking is off: the Swift runtime's metadata caches are never freed and read as leaks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
status=0
for target in "${FUZZ_TARGETS[@]}"; do
    corpus=.build-fuzz/corpus/$target
    artifacts=.build-fuzz/artifacts/$target
    log=.build-fuzz/logs/$target.log
    mkdir -p "$corpus" "$artifacts" .build-fuzz/logs
    ".build-fuzz/debug/$target" "$corpus" ".build-fuzz/seeds/$target" \
        -max_total_time="$seconds" -max_len=32768 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" >"$log" 2>&1
    code=$?
    runs=$(grep -a -o -E 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -o -E '[0-9]+$' || echo "?")
    cov=$(grep -a -o -E 'cov: [0-9]+' "$log" | tail -n 1 || echo "cov: ?")
    if [ $code -eq 0 ]; then
        echo "fuzz $target: ${seconds} s, $runs inputs, $cov, no finding"
    else
        echo "fuzz $target: FINDING (exit $code), inputs in $artifacts/"
        cat "$log"
        status=1
    fi
done
exit $status
