#!/usr/bin/env bash
# Installs what dicomidx needs on a fresh Debian machine that has the Swift toolchain and Python:
# - apt: the C libraries (zlib, libjpeg, libopenjp2, CharLS for JPEG-LS, and SQLite, which
#   GRDB links for the index), pkg-config, and DCMTK (its dcm2json is a reference in the tests,
#   its JPEG and JPEG-LS codecs too); optionally chromium and a Japanese font (the HTML report
#   is rendered to a PNG in a test);
# - pip: pydicom (its bundled test files are the reference corpus), Django (the record tests load
#   our fixture with manage.py loaddata), and the FHIR checkers: jsonschema (for
#   ../shared/fhir/validate.py, R4), fhir.resources (R5 and STU3 models) and sekmet-fhir (a small
#   FHIR server the Bundles are loaded into); numpy and pylibjpeg with its libjpeg, openjpeg and
#   RLE plugins and pyjpegls (CharLS, for JPEG-LS) (scripts/pixel_reference.py decodes the
#   reference pixels with them); pydicom-data (pydicom's larger test files: mlut_18.dcm and
#   vlut_04.dcm for scripts/lut_reference.py, JPEG Lossless and JPEG-LS frames for the pixel
#   tests); Pillow writes the JPEG streams of scripts/dct_jpeg_streams.py.
# Does nothing when all are present.
set -euo pipefail

apt_packages=(zlib1g-dev libjpeg-dev libopenjp2-7-dev libcharls-dev libsqlite3-dev pkg-config dcmtk)
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

# Optional: Debian's chromium (headless, it renders the HTML report in ReportRenderTests, which
# skips without it) and a Japanese font for that rendering. Not installed when
# DICOMIDX_NO_CHROMIUM is set; a failure to install them is a warning, not an error.
optional_packages=(chromium fonts-ipafont-gothic)
if [ -z "${DICOMIDX_NO_CHROMIUM:-}" ]; then
    missing=()
    for package in "${optional_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "installing (optional): ${missing[*]}" >&2
        { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null; } || echo "warning: could not install ${missing[*]}; the report rendering test will be skipped" >&2
    fi
fi

# name==version of each Python package, and the module that shows it is there.
# Django 5.2 is the LTS line that still runs on Python 3.10 and 3.11.
python_packages=(
    "pydicom==3.0.2:pydicom"
    "django==5.2.19:django"
    "jsonschema==4.26.0:jsonschema"
    "fhir.resources==8.3.0:fhir.resources"
    "sekmet-fhir==0.1.1:sekmet"
    "numpy==2.4.6:numpy"
    "pylibjpeg==2.1.0:pylibjpeg"
    "pylibjpeg-libjpeg==2.5.0:libjpeg"
    "pylibjpeg-openjpeg==2.6.0:openjpeg"
    "pylibjpeg-rle==2.2.0:rle"
    "pydicom-data==1.0.0:data_store"
    "pyjpegls==1.5.1:jpeg_ls"
    "pillow==13.0.0:PIL"
)
for entry in "${python_packages[@]}"; do
    requirement=${entry%%:*}
    module=${entry##*:}
    version=${requirement##*==}
    if ! python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('${requirement%%==*}') != '$version')" 2>/dev/null \
        || ! python3 -c "import $module" 2>/dev/null; then
        echo "installing: $requirement" >&2
        PIP_ROOT_USER_ACTION=ignore python3 -m pip install -q --disable-pip-version-check "$requirement"
    fi
done
