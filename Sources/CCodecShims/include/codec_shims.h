#ifndef DICOMIDX_CODEC_SHIMS_H
#define DICOMIDX_CODEC_SHIMS_H
/* C shims for libjpeg and libopenjp2. Both need C: libjpeg reports errors by calling a
 * function that must not return (its default calls exit()), which only setjmp/longjmp in C
 * can honour; openjp2 wants stream callbacks. Every function returns 0 on success and
 * otherwise writes a message into `message` (NUL-terminated, at most message_size bytes).
 * Buffers returned through `out` are malloc'ed; the caller frees them with dicomidx_free. */
#include <stddef.h>
#include <stdint.h>

/* Decodes one JPEG (baseline/extended 8-bit) image to interleaved 8-bit samples.
 * components: 1 (grayscale) or 3 (RGB after libjpeg's colour conversion, when it converts).
 * converted_to_rgb is set when libjpeg turned YCbCr into RGB. */
/* assume_rgb: the data set says RGB, so three components without a JFIF marker or an Adobe
 * marker asking for a transform are taken as RGB, not converted from YCbCr. */
/* max_samples: the largest width * height * components accepted, checked after the header
 * is read and before anything is allocated for the image. At most 1000 scans are read. */
int dicomidx_jpeg_decode(const uint8_t *data, size_t size, int assume_rgb, size_t max_samples, uint8_t **out,
                         int *width, int *height, int *components, int *converted_to_rgb, char *message,
                         size_t message_size);

/* Encodes interleaved 8-bit samples (components 1 or 3) as a baseline JPEG. */
int dicomidx_jpeg_encode(const uint8_t *pixels, int width, int height, int components, int quality,
                         uint8_t **out, size_t *out_size, char *message, size_t message_size);

/* Decodes a JPEG 2000 codestream (J2K) or JP2 file from memory. Components are returned planar,
 * each width*height int32 values (subsampled components are upsampled by repetition).
 * precision and is_signed describe component 0. max_samples as for dicomidx_jpeg_decode. */
int dicomidx_j2k_decode(const uint8_t *data, size_t size, size_t max_samples, int32_t **out, int *width, int *height,
                        int *components, int *precision, int *is_signed, char *message, size_t message_size);

/* Frees a buffer returned by the functions above. */
void dicomidx_free(void *pointer);
#endif
