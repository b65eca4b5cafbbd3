/* CharLS 2.x (Debian: libcharls-dev): its C API reports every error as a return code, so no
 * C shim is needed; the Swift wrapper is Sources/DICOMPixels/Unsafe/JPEGLSCodec.swift. */
#include <charls/charls.h>
