#!/usr/bin/env python3
"""Load dicomidx transaction Bundles into a real FHIR server twice; the second load must change nothing.

  python3 scripts/fhir_load_check.py bundles.ndjson

Starts the small FHIR R4 server of the PyPI package sekmet-fhir on 127.0.0.1 (a free port, a
temporary data directory), POSTs every Bundle line to the base URL, reads back every Patient,
ImagingStudy and Endpoint, POSTs the same Bundles again and reads them back again. Passes when
every transaction succeeded both times and the two read-backs are the same resources with the
same content (meta, which records the write, aside). Prints what it found; exit status 0 on
success, 1 on a difference or a failed transaction, 2 when sekmet is missing or does not start.

Needs: python3 -m pip install "sekmet-fhir==0.1.1"
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

TYPES = ("Patient", "ImagingStudy", "Endpoint")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url: str, body: bytes | None = None) -> dict:
    headers = {"Content-Type": "application/fhir+json", "Accept": "application/fhir+json"}
    req = urllib.request.Request(url, data=body, headers=headers, method="POST" if body else "GET")
    with urllib.request.urlopen(req, timeout=60) as response:
        return json.loads(response.read())


def snapshot(base: str) -> dict:
    """{type: {id: resource without meta}} for every resource of TYPES."""
    out = {}
    for rtype in TYPES:
        found = {}
        url = f"{base}/{rtype}?_count=1000"
        bundle = request(url)
        for entry in bundle.get("entry", []):
            resource = dict(entry["resource"])
            resource.pop("meta", None)
            found[resource["id"]] = resource
        out[rtype] = found
    return out


def load(base: str, bundles: list[bytes]) -> list[str]:
    problems = []
    for number, body in enumerate(bundles, 1):
        response = request(base, body)
        for entry in response.get("entry", []):
            status = entry.get("response", {}).get("status", "")
            if not status.startswith(("200", "201")):
                problems.append(f"bundle {number}: entry status {status!r}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    sekmet = shutil.which("sekmet")
    if sekmet is None:
        print("fhir_load_check.py needs: python3 -m pip install sekmet-fhir==0.1.1", file=sys.stderr)
        return 2
    with open(argv[0], "rb") as fh:
        bundles = [line for line in fh.read().splitlines() if line.strip()]
    workdir = tempfile.mkdtemp(prefix="sekmet-")
    port = free_port()
    base = f"http://127.0.0.1:{port}/fhir"
    server = subprocess.Popen([sekmet, "serve", "--host", "127.0.0.1", "--port", str(port)], cwd=workdir,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                request(f"{base}/metadata")
                break
            except OSError:
                time.sleep(0.25)
        else:
            print("sekmet did not start", file=sys.stderr)
            return 2
        problems = load(base, bundles)
        first = snapshot(base)
        problems += load(base, bundles)
        second = snapshot(base)
        counts = ", ".join(f"{len(first[t])} {t}" for t in TYPES)
        print(f"loaded {len(bundles)} Bundle(s) twice: {counts}")
        for rtype in TYPES:
            if first[rtype] != second[rtype]:
                problems.append(f"{rtype}: the second load changed the resources "
                                f"({len(first[rtype])} before, {len(second[rtype])} after)")
        for line in problems:
            print(line)
        print("same resources after the second load" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
