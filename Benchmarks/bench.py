#!/usr/bin/env python3
"""The scan benchmark against the I/O floor and the peers, on one synthetic archive, in one run.

    Benchmarks/run.sh [--files 50000] [--repeat 3] [--cold] [--skip pydicom,...]

Steps (each timed tool runs right after every file was read once, since this machine's page
cache drops idle files within a minute):
  1. the archive (Benchmarks/generate_corpus.py; kept when already there),
  2. the I/O floor: open + read 16 KiB + close of every file (Benchmarks/floor.c), 1 and 2 threads,
  3. dicomidx scan ARCHIVE --format ndjson --quiet > /dev/null, --jobs 1 and the default,
  4. the peers extracting the 18 key tags: gdcmscanner, dcmdump, pydicom, dicomsdl,
  5. 0.5 MB CT files against small ones, start-up time, peak memory against the number of files,
  6. with --cold (root): the floor and dicomidx scan after dropping the page cache, per --jobs.
Files/s is the best of --repeat runs (one run for a tool slower than 10 s); peak RSS is the
largest of the runs (from wait4). The table is printed and written to CORPUS/results.md.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(HERE, "peers"))
from key_tags import KEY_TAGS, STOP_BEFORE  # noqa: E402

DICOMIDX = os.path.join(REPO, ".build", "release", "dicomidx")
FLOOR = os.path.join(REPO, ".build", "bench", "floor")


def tag_text(tag):
    return "%04x,%04x" % (tag >> 16, tag & 0xFFFF)


def run(command, stdout=subprocess.DEVNULL, shell=False):
    """Runs `command`; returns (seconds, peak RSS in MB, exit status, output if captured).

    Peak RSS comes from GNU time (/usr/bin/time -f %M): Linux keeps ru_maxrss across exec, so
    wait4 on a child forked from this Python process would report at least Python's own RSS."""
    rss_file = "/tmp/dicomidx-bench-rss.txt"
    wrapped = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + list(command) if os.path.exists("/usr/bin/time") else command
    start = time.monotonic()
    process = subprocess.Popen(wrapped, stdout=stdout, stderr=subprocess.PIPE, shell=shell)
    out = process.stdout.read() if stdout == subprocess.PIPE else b""
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024.0
    if wrapped is not command:
        try:
            rss = int(open(rss_file).read().split()[-1]) / 1024.0
        except (OSError, ValueError, IndexError):
            pass
    return seconds, rss, process.returncode, out, err


def warm(list_path):
    """Reads every file in the list to its end, on 2 threads."""
    subprocess.run([FLOOR, "--whole", "--threads", "2", list_path], check=True, stdout=subprocess.DEVNULL)


def drop_caches():
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3\n")


def floor(list_path, threads, repeat, cold=False):
    best = None
    for _ in range(repeat):
        drop_caches() if cold else warm(list_path)
        out = subprocess.run([FLOOR, "--threads", str(threads), list_path], check=True,
                             capture_output=True, text=True).stdout.split()
        seconds = float(out[1])
        best = seconds if best is None else min(best, seconds)
    return best


def timed(command, list_path, repeat, cold=False, shell=False):
    """Best seconds and largest peak RSS over the runs; one run when a run takes over 10 s."""
    best, peak = None, 0.0
    for _ in range(repeat):
        drop_caches() if cold else warm(list_path)
        seconds, rss, status, _, err = run(command, shell=shell)
        if status not in (0, 1):
            raise RuntimeError("%s exited %d: %s" % (command, status, err.decode(errors="replace")[-500:]))
        best = seconds if best is None else min(best, seconds)
        peak = max(peak, rss)
        if seconds > 10:
            break
    return best, peak


def build(args):
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "dicomidx"], cwd=REPO, check=True)
    os.makedirs(os.path.dirname(FLOOR), exist_ok=True)
    subprocess.run(["cc", "-O2", "-pthread", "-o", FLOOR, os.path.join(HERE, "floor.c")], check=True)


def write_lists(corpus):
    archive = os.path.join(corpus, "archive")
    rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(corpus, "manifest.tsv"))][1:]
    lists = {}

    def save(name, paths):
        path = os.path.join(corpus, name)
        with open(path, "w") as f:
            f.write("".join(os.path.join(archive, p) + "\n" for p in paths))
        lists[name] = (path, len(paths))

    save("files.txt", [r[0] for r in rows])
    big = [r[0] for r in rows if r[4] == "1"]
    small_ct = [r[0] for r in rows if r[1] == "CT" and r[4] == "0"]
    n = min(len(big), len(small_ct))
    # Each path three times, so that a run lasts long enough to dwarf start-up (the repeats
    # are read again and counted as duplicates, alike for both lists).
    save("big-ct.txt", big[:n] * 3)
    save("small-ct.txt", small_ct[:n] * 3)
    for count in (1000, 5000, 10000, 25000):
        if count < len(rows):
            save("first-%d.txt" % count, [r[0] for r in rows[:count]])
    return archive, lists, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=50000, help="archive size (default 50000)")
    parser.add_argument("--corpus", default=os.path.join(HERE, "corpus"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip", default="", help="comma-separated: gdcmscanner,dcmdump,pydicom,dicomsdl,extras")
    parser.add_argument("--cold", action="store_true", help="also the cold-cache runs (root: drops the page cache)")
    parser.add_argument("--cold-jobs", default="1,2,4,8,16,32")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--files", str(args.files),
                    "--out", args.corpus], check=True)
    build(args)
    archive, lists, rows = write_lists(args.corpus)
    files_list, total = lists["files.txt"]
    size_mb = sum(int(r[3]) for r in rows) / 1e6
    default_jobs = 8
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    say("archive: %s, %d files, %.0f MB; %d cores; best of %d, warm cache" % (
        archive, total, size_mb, os.cpu_count(), args.repeat))
    results = []  # (name, files/s, peak RSS MB or None, note)

    for threads in (1, 2):
        seconds = floor(files_list, threads, args.repeat)
        results.append(("I/O floor: open + read 16 KiB + close, C, %d thread%s" % (threads, "s" if threads > 1 else ""),
                        total / seconds, None, ""))
        print(results[-1][0], "%.0f files/s" % results[-1][1], flush=True)

    scan = [DICOMIDX, "scan", archive, "--format", "ndjson", "--quiet"]
    for jobs in (1, default_jobs):
        seconds, rss = timed(scan + ["--jobs", str(jobs)], files_list, args.repeat)
        results.append(("dicomidx scan --jobs %d%s" % (jobs, " (default)" if jobs == default_jobs else ""),
                        total / seconds, rss, "end to end: walk, read, group, FHIR NDJSON"))
        print(results[-1][0], "%.0f files/s, %.1f MB" % (results[-1][1], rss), flush=True)
    dicomidx_rate = results[3][1]  # the default --jobs

    tags = [tag_text(t) for t in KEY_TAGS]
    peers = []
    if shutil.which("gdcmscanner"):
        peers.append(("gdcmscanner (GDCM %s), 1 process, -p > /dev/null" % gdcm_version(), "gdcmscanner",
                      ["gdcmscanner", "-d", archive, "-r", "-p"] + sum((["-t", t] for t in tags), [])))
    else:
        say("gdcmscanner: not installed (apt-get install libgdcm-tools), skipped")
    if shutil.which("dcmdump"):
        peers.append(("dcmdump (DCMTK %s), 1 process (+sd +r), +sb %s" % (dcmtk_version(), tag_text(STOP_BEFORE)),
                      "dcmdump", ["dcmdump", "-q", "+sd", "+r", "+sb", tag_text(STOP_BEFORE)]
                      + sum((["+P", t] for t in tags), []) + [archive]))
    else:
        say("dcmdump: not installed (apt-get install dcmtk), skipped")
    for name, module in (("pydicom", "pydicom"), ("dicomsdl", "dicomsdl")):
        probe = subprocess.run([sys.executable, "-c", "import %s" % module], capture_output=True)
        if probe.returncode != 0:
            say("%s: not importable (pip install %s), skipped" % (name, module))
            continue
        detail = ("pydicom %s, 1 process, stop_before_pixels + specific_tags" % module_version("pydicom")
                  if name == "pydicom" else
                  "dicomsdl %s (C++ core, Python loop), 1 process, load_until %s" % (
                      module_version("dicomsdl"), tag_text(STOP_BEFORE)))
        peers.append((detail, name, [sys.executable, os.path.join(HERE, "peers", "%s_scan.py" % name), files_list]))
    for detail, key, command in peers:
        if key in skip:
            say("%s: skipped (--skip)" % key)
            continue
        seconds, rss = timed(command, files_list, args.repeat)
        results.append((detail, total / seconds, rss, ""))
        print(detail, "%.0f files/s, %.1f MB" % (total / seconds, rss), flush=True)

    floor1 = results[0][1]
    say()
    say("| tool | files/s | ÷ I/O floor (1 thread) | dicomidx (default jobs) is ×faster | peak RSS |")
    say("|---|---:|---:|---:|---:|")
    for name, rate, rss, _ in results:
        say("| %s | %s | %.2f | %s | %s |" % (
            name, "{:,.0f}".format(rate), rate / floor1,
            "%.1f" % (dicomidx_rate / rate) if "dicomidx" not in name else "",
            "%.0f MB" % rss if rss is not None else ""))

    if "extras" not in skip:
        extras(args, archive, lists, scan, say)
    if args.cold:
        cold(args, archive, files_list, total, scan, say)

    with open(os.path.join(args.corpus, "results.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


def extras(args, archive, lists, scan, say):
    base = [DICOMIDX, "scan", "--format", "ndjson", "--quiet", "--jobs", "1", "--files-from"]
    big, n = lists["big-ct.txt"]
    small, _ = lists["small-ct.txt"]
    if n:
        say()
        rates = []
        for label, path in (("0.5 MB CT files", big), ("small CT files (same count)", small)):
            seconds, rss = timed(base + [path], path, max(5, args.repeat))
            rates.append(n / seconds)
            say("%s: %d files (each listed 3 times), %s files/s (--jobs 1, best of %d), peak RSS %.0f MB" % (
                label, n // 3, "{:,.0f}".format(n / seconds), max(5, args.repeat), rss))
        say("per-file rate, 0.5 MB CT ÷ small CT: %.2f" % (rates[0] / rates[1]))

    say()
    one = open(lists["files.txt"][0]).readline().strip()
    for label, command in (("dicomidx --version", [DICOMIDX, "--version"]),
                           ("dicomidx scan of one file", [DICOMIDX, "scan", one, "--format", "ndjson", "--quiet"])):
        times = []
        for _ in range(30):
            seconds, *_ = run(command)
            times.append(seconds)
        times.sort()
        say("start-up, %s: median %.1f ms, min %.1f ms (30 runs)" % (label, 1000 * times[15], 1000 * times[0]))
    if shutil.which("hyperfine"):
        out = subprocess.run(["hyperfine", "-N", "--warmup", "5", "--runs", "50", "--style", "none", "--export-json",
                              "/dev/stdout", "%s --version" % DICOMIDX], capture_output=True, text=True).stdout
        import json
        try:
            mean = json.loads(out[out.index("{"):])["results"][0]["mean"]
            say("start-up, hyperfine -N 'dicomidx --version': mean %.1f ms" % (1000 * mean))
        except (ValueError, KeyError, IndexError):
            pass

    say()
    say("| files scanned (--jobs 8) | peak RSS |")
    say("|---:|---:|")
    for name in ("first-1000.txt", "first-5000.txt", "first-10000.txt", "first-25000.txt", "files.txt"):
        if name not in lists:
            continue
        path, count = lists[name]
        _, rss = timed([DICOMIDX, "scan", "--format", "ndjson", "--quiet", "--files-from", path], path, 1)
        say("| %s | %.1f MB |" % ("{:,}".format(count), rss))


def cold(args, archive, files_list, total, scan, say):
    say()
    say("cold cache (page cache, dentries and inodes dropped before each run; best of %d):" % args.repeat)
    say("| run | files/s |")
    say("|---|---:|")
    for threads in (1, 2, 8, 32):
        seconds = floor(files_list, threads, args.repeat, cold=True)
        say("| I/O floor, %d threads | %s |" % (threads, "{:,.0f}".format(total / seconds)))
    for jobs in [int(j) for j in args.cold_jobs.split(",")]:
        seconds, _ = timed(scan + ["--jobs", str(jobs)], files_list, args.repeat, cold=True)
        say("| dicomidx scan --jobs %d | %s |" % (jobs, "{:,.0f}".format(total / seconds)))


def gdcm_version():
    out = subprocess.run(["gdcmscanner", "--version"], capture_output=True, text=True)
    text = (out.stdout + out.stderr).split()
    return text[2] if len(text) > 2 else "?"


def dcmtk_version():
    out = subprocess.run(["dcmdump", "--version"], capture_output=True, text=True).stdout.split()
    return out[2].lstrip("v") if len(out) > 2 else "?"


def module_version(name):
    code = ("import dicomsdl; print(dicomsdl.DICOMSDL_VERSION)" if name == "dicomsdl"
            else "import %s; print(%s.__version__)" % (name, name))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    main()
