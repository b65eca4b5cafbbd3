#include "codec_shims.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

/* libjpeg's error manager extended with the jump target: error_exit longjmps back to the
 * shim function instead of calling exit(). */
struct shim_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

static void shim_error_exit(j_common_ptr info) {
    struct shim_error *error = (struct shim_error *)info->err;
    (*info->err->format_message)(info, error->message);
    longjmp(error->jump, 1);
}

static void shim_output_message(j_common_ptr info) { (void)info; /* warnings are not printed */ }

/* Most scans a decoded image may have: libjpeg reads any number, and a progressive stream of
 * thousands of tiny scans costs minutes (libjpeg-turbo's djpeg has -maxscan for this). */
#define SHIM_MAX_SCANS 1000

struct shim_progress {
    struct jpeg_progress_mgr base;
    struct shim_error *error;
};

static void shim_progress_monitor(j_common_ptr info) {
    struct shim_progress *progress = (struct shim_progress *)info->progress;
    if (info->is_decompressor && ((j_decompress_ptr)info)->input_scan_number > SHIM_MAX_SCANS) {
        snprintf(progress->error->message, sizeof progress->error->message,
                 "more than %d scans", SHIM_MAX_SCANS);
        longjmp(progress->error->jump, 1);
    }
}

static void copy_message(char *message, size_t size, const char *text) {
    if (message && size > 0) { snprintf(message, size, "%s", text); }
}

int dicomidx_jpeg_decode(const uint8_t *data, size_t size, int assume_rgb, size_t max_samples, uint8_t **out,
                         int *width, int *height, int *components, int *converted_to_rgb, char *message,
                         size_t message_size) {
    struct jpeg_decompress_struct info;
    struct shim_error error;
    struct shim_progress progress;
    /* volatile: changed between setjmp and longjmp. */
    uint8_t *volatile buffer = NULL;
    *out = NULL;
    info.err = jpeg_std_error(&error.base);
    error.base.error_exit = shim_error_exit;
    error.base.output_message = shim_output_message;
    error.message[0] = 0;
    if (setjmp(error.jump)) {
        copy_message(message, message_size, error.message);
        jpeg_destroy_decompress(&info);
        free(buffer);
        return 1;
    }
    jpeg_create_decompress(&info);
    progress.base.progress_monitor = shim_progress_monitor;
    progress.error = &error;
    info.progress = &progress.base;
    if (size == 0 || size > (size_t)0x7fffffff) {
        copy_message(message, message_size, "empty or oversized JPEG data");
        jpeg_destroy_decompress(&info);
        return 1;
    }
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    if (info.data_precision != 8) {
        char text[96];
        snprintf(text, sizeof text, "JPEG with %d-bit precision (this libjpeg decodes 8-bit only)", info.data_precision);
        copy_message(message, message_size, text);
        jpeg_destroy_decompress(&info);
        return 2;
    }
    if ((size_t)info.image_width * info.image_height * (size_t)info.num_components > max_samples) {
        char text[128];
        snprintf(text, sizeof text, "JPEG image %ux%u with %d components is larger than the data set says (%zu samples)",
                 info.image_width, info.image_height, info.num_components, max_samples);
        copy_message(message, message_size, text);
        jpeg_destroy_decompress(&info);
        return 1;
    }
    int converted = 0;
    if (info.num_components == 3) {
        if (assume_rgb && !info.saw_JFIF_marker && !(info.saw_Adobe_marker && info.Adobe_transform != 0)) {
            info.jpeg_color_space = JCS_RGB;
        }
        converted = info.jpeg_color_space == JCS_YCbCr;
        info.out_color_space = JCS_RGB;
    } else if (info.num_components == 1) {
        info.out_color_space = JCS_GRAYSCALE;
    }
    jpeg_start_decompress(&info);
    size_t stride = (size_t)info.output_width * (size_t)info.output_components;
    buffer = malloc(stride * info.output_height + 1);
    if (!buffer) {
        copy_message(message, message_size, "out of memory");
        jpeg_destroy_decompress(&info);
        return 1;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = buffer + stride * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    *width = (int)info.output_width;
    *height = (int)info.output_height;
    *components = info.output_components;
    *converted_to_rgb = converted;
    *out = buffer;
    jpeg_destroy_decompress(&info);
    return 0;
}

int dicomidx_jpeg_encode(const uint8_t *pixels, int width, int height, int components, int quality,
                         uint8_t **out, size_t *out_size, char *message, size_t message_size) {
    struct jpeg_compress_struct info;
    struct shim_error error;
    unsigned char *volatile buffer = NULL;
    unsigned long length = 0;
    *out = NULL;
    info.err = jpeg_std_error(&error.base);
    error.base.error_exit = shim_error_exit;
    error.base.output_message = shim_output_message;
    if (setjmp(error.jump)) {
        copy_message(message, message_size, error.message);
        jpeg_destroy_compress(&info);
        free(buffer);
        return 1;
    }
    jpeg_create_compress(&info);
    unsigned char *target = NULL;
    jpeg_mem_dest(&info, &target, &length);
    info.image_width = (JDIMENSION)width;
    info.image_height = (JDIMENSION)height;
    info.input_components = components;
    info.in_color_space = components == 3 ? JCS_RGB : JCS_GRAYSCALE;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    size_t stride = (size_t)width * (size_t)components;
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + stride * info.next_scanline);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    buffer = target;
    *out = target;
    *out_size = length;
    jpeg_destroy_compress(&info);
    return 0;
}

void dicomidx_free(void *pointer) { free(pointer); }
