#include "codec_shims.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openjpeg.h>

/* A read-only memory stream for openjp2. */
struct memory_stream {
    const uint8_t *data;
    size_t size;
    size_t position;
};

static OPJ_SIZE_T stream_read(void *buffer, OPJ_SIZE_T count, void *user) {
    struct memory_stream *stream = user;
    size_t left = stream->size - stream->position;
    if (left == 0) { return (OPJ_SIZE_T)-1; }
    if (count > left) { count = left; }
    memcpy(buffer, stream->data + stream->position, count);
    stream->position += count;
    return count;
}

static OPJ_OFF_T stream_skip(OPJ_OFF_T count, void *user) {
    struct memory_stream *stream = user;
    if (count < 0) {
        if ((size_t)(-count) > stream->position) { count = -(OPJ_OFF_T)stream->position; }
    } else if ((size_t)count > stream->size - stream->position) {
        count = (OPJ_OFF_T)(stream->size - stream->position);
    }
    stream->position += count;
    return count;
}

static OPJ_BOOL stream_seek(OPJ_OFF_T position, void *user) {
    struct memory_stream *stream = user;
    if (position < 0 || (size_t)position > stream->size) { return OPJ_FALSE; }
    stream->position = (size_t)position;
    return OPJ_TRUE;
}

struct message_buffer { char *text; size_t size; };

static void on_error(const char *text, void *user) {
    struct message_buffer *buffer = user;
    if (buffer->text && buffer->size > 0 && buffer->text[0] == 0) {
        snprintf(buffer->text, buffer->size, "%s", text);
        size_t length = strlen(buffer->text);
        if (length > 0 && buffer->text[length - 1] == '\n') { buffer->text[length - 1] = 0; }
    }
}

static void on_quiet(const char *text, void *user) { (void)text; (void)user; }

int dicomidx_j2k_decode(const uint8_t *data, size_t size, size_t max_samples, int32_t **out, int *width, int *height,
                        int *components, int *precision, int *is_signed, char *message, size_t message_size) {
    *out = NULL;
    if (message && message_size > 0) { message[0] = 0; }
    if (size < 12) {
        snprintf(message, message_size, "JPEG 2000 data too short (%zu bytes)", size);
        return 1;
    }
    static const uint8_t jp2_signature[12] = {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A};
    OPJ_CODEC_FORMAT format = memcmp(data, jp2_signature, 12) == 0 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K;
    struct memory_stream source = {data, size, 0};
    struct message_buffer messages = {message, message_size};
    opj_stream_t *stream = opj_stream_create(1 << 16, OPJ_TRUE);
    opj_codec_t *codec = opj_create_decompress(format);
    opj_image_t *image = NULL;
    int status = 1;
    if (!stream || !codec) { snprintf(message, message_size, "openjp2: cannot create decoder"); goto done; }
    opj_stream_set_user_data(stream, &source, NULL);
    opj_stream_set_user_data_length(stream, size);
    opj_stream_set_read_function(stream, stream_read);
    opj_stream_set_skip_function(stream, stream_skip);
    opj_stream_set_seek_function(stream, stream_seek);
    opj_set_error_handler(codec, on_error, &messages);
    opj_set_warning_handler(codec, on_quiet, NULL);
    opj_set_info_handler(codec, on_quiet, NULL);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec, &parameters)) goto fail;
    if (!opj_read_header(stream, codec, &image) || !image) goto fail;
    if ((size_t)(image->x1 - image->x0) * (size_t)(image->y1 - image->y0) * (size_t)image->numcomps > max_samples
        || image->x1 < image->x0 || image->y1 < image->y0) {
        snprintf(message, message_size, "JPEG 2000 image %ux%u with %u components is larger than the data set says (%zu samples)",
                 image->x1 - image->x0, image->y1 - image->y0, image->numcomps, max_samples);
        goto done;
    }
    if (!opj_decode(codec, stream, image) || !opj_end_decompress(codec, stream)) goto fail;
    if (image->numcomps == 0 || image->numcomps > 4) {
        snprintf(message, message_size, "JPEG 2000 image with %u components", image->numcomps);
        goto done;
    }
    OPJ_UINT32 w = image->x1 - image->x0, h = image->y1 - image->y0;
    for (OPJ_UINT32 c = 0; c < image->numcomps; c++) {
        if (!image->comps[c].data || image->comps[c].dx == 0 || image->comps[c].dy == 0) {
            snprintf(message, message_size, "JPEG 2000 component %u has no data", c);
            goto done;
        }
    }
    size_t plane = (size_t)w * h;
    int32_t *buffer = malloc(plane * image->numcomps * sizeof(int32_t) + 1);
    if (!buffer) { snprintf(message, message_size, "out of memory"); goto done; }
    for (OPJ_UINT32 c = 0; c < image->numcomps; c++) {
        opj_image_comp_t *comp = &image->comps[c];
        for (OPJ_UINT32 y = 0; y < h; y++) {
            OPJ_UINT32 cy = y / comp->dy;
            if (cy >= comp->h) cy = comp->h - 1;
            for (OPJ_UINT32 x = 0; x < w; x++) {
                OPJ_UINT32 cx = x / comp->dx;
                if (cx >= comp->w) cx = comp->w - 1;
                buffer[c * plane + (size_t)y * w + x] = comp->data[(size_t)cy * comp->w + cx];
            }
        }
    }
    *out = buffer;
    *width = (int)w;
    *height = (int)h;
    *components = (int)image->numcomps;
    *precision = (int)image->comps[0].prec;
    *is_signed = (int)image->comps[0].sgnd;
    status = 0;
    goto done;
fail:
    if (message && message_size > 0 && message[0] == 0) { snprintf(message, message_size, "openjp2 could not decode the codestream"); }
done:
    if (image) opj_image_destroy(image);
    if (codec) opj_destroy_codec(codec);
    if (stream) opj_stream_destroy(stream);
    return status;
}
