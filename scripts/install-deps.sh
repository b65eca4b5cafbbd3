#!/usr/bin/env bash
# Installs what dicomidx needs on a fresh Debian machine that has the Swift toolchain and Python:
# the C libraries (zlib, libjpeg, libopenjp2), DCMTK (its dcm2json is a reference in tests) and
# pydicom (its bundled test files are the reference corpus) and Django (the record tests load the
# fixture with manage.py loaddata). Does nothing when all are present.
set -euo pipefail

apt_packages=(zlib1g-dev libjpeg-dev libopenjp2-7-dev pkg-config dcmtk)
missing=()
for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! python3 -c 'import pydicom, sys; sys.exit(pydicom.__version__ != "3.0.2")' 2>/dev/null; then
    echo "installing: pydicom==3.0.2" >&2
    python3 -m pip install -q --disable-pip-version-check pydicom==3.0.2
fi

# Django 5.2 is the LTS line that still runs on Python 3.10 and 3.11.
if ! python3 -c 'import django, sys; sys.exit(django.__version__ != "5.2.19")' 2>/dev/null; then
    echo "installing: django==5.2.19" >&2
    python3 -m pip install -q --disable-pip-version-check django==5.2.19
fi
