# The fuzz targets, in the order Fuzz/run.sh runs them (sourced by build.sh, run.sh and
# seed-corpus.sh). Each is declared in Package.swift under DICOMIDX_FUZZ.
FUZZ_TARGETS=(
    fuzz-reader-header fuzz-reader-full fuzz-deflate fuzz-charsets
    fuzz-pixel-rle fuzz-pixel-jpeg-lossless fuzz-pixel-jpeg12 fuzz-pixel-libjpeg fuzz-pixel-openjpeg fuzz-pixel-charls
)
