#!/bin/sh
# Compares `dicomidx scan` of two builds byte for byte, in every --format and FHIR version,
# with --jobs 1 and the default, and `--duplicates list`:
#   Benchmarks/compare_outputs.sh OLD_BINARY NEW_BINARY PATH...
# Prints one line per comparison and exits 1 when any output differs.
set -u
old=$1 new=$2
shift 2
work=$(mktemp -d "${TMPDIR:-/tmp}/dicomidx-compare-XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
run() {  # run NAME ARGS...: both binaries, standard output and error compared
    name=$1
    shift
    "$old" scan "$@" --timezone UTC > "$work/old.out" 2> "$work/old.err"
    echo "exit $?" >> "$work/old.out"
    "$new" scan "$@" --timezone UTC > "$work/new.out" 2> "$work/new.err"
    echo "exit $?" >> "$work/new.out"
    # The summary's time and rate differ from run to run.
    for f in old new; do grep -v -e '^Time' -e 'files/s' -e ' s,' "$work/$f.err" > "$work/$f.err2"; done
    if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err2" "$work/new.err2"; then
        echo "same       $name ($(wc -c < "$work/new.out") bytes)"
    else
        echo "DIFFERENT  $name"
        status=1
    fi
}
for format in bundle json ndjson records fixture; do
    for jobs in 1 8; do
        run "--format $format --jobs $jobs" "$@" --format "$format" --jobs "$jobs"
    done
done
for version in r5 stu3; do
    run "--format bundle --fhir-version $version" "$@" --fhir-version "$version"
done
run "--format ndjson --wado-rs-base" "$@" --format ndjson --wado-rs-base https://pacs.example/wado
run "--duplicates list" "$@" --format ndjson --duplicates list
mkdir -p "$work/old-csv" "$work/new-csv"
"$old" scan "$@" --format csv --output-dir "$work/old-csv" --quiet --timezone UTC 2> /dev/null
"$new" scan "$@" --format csv --output-dir "$work/new-csv" --quiet --timezone UTC 2> /dev/null
if diff -r "$work/old-csv" "$work/new-csv" > /dev/null; then echo "same       --format csv"; else echo "DIFFERENT  --format csv"; status=1; fi
exit $status
