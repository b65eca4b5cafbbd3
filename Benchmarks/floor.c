/* The benchmark's I/O floor: open + read the first 16 KiB + close of every file in a list, on
 * T threads, and nothing else. No DICOM reader can be faster than this on the same files.
 *
 *   cc -O2 -pthread -o floor Benchmarks/floor.c
 *   floor [--threads T] [--bytes N] [--whole] LIST      (LIST: one path a line)
 *
 * Prints "files SECONDS FILES_PER_SECOND". --whole reads every file to its end (how
 * Benchmarks/bench.py warms the page cache before each tool); --bytes changes the 16 KiB.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char **paths;
static size_t count;
static size_t chunk = 16384;
static int whole;
static atomic_size_t next_index;
static atomic_size_t failures;

static void *worker(void *unused) {
    (void)unused;
    char *buffer = malloc(whole ? 1 << 20 : chunk);
    for (;;) {
        size_t i = atomic_fetch_add(&next_index, 1);
        if (i >= count) break;
        int fd = open(paths[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) { atomic_fetch_add(&failures, 1); continue; }
        if (whole) {
            while (read(fd, buffer, 1 << 20) > 0) {}
        } else if (read(fd, buffer, chunk) < 0) {
            atomic_fetch_add(&failures, 1);
        }
        close(fd);
    }
    free(buffer);
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 1;
    const char *list = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--threads") && i + 1 < argc) threads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--bytes") && i + 1 < argc) chunk = (size_t)atol(argv[++i]);
        else if (!strcmp(argv[i], "--whole")) whole = 1;
        else list = argv[i];
    }
    if (!list || threads < 1) {
        fprintf(stderr, "usage: floor [--threads T] [--bytes N] [--whole] LIST\n");
        return 2;
    }
    FILE *in = fopen(list, "r");
    if (!in) { perror(list); return 2; }
    size_t capacity = 1024;
    paths = malloc(capacity * sizeof *paths);
    char *line = NULL;
    size_t length = 0;
    ssize_t n;
    while ((n = getline(&line, &length, in)) > 0) {
        if (line[n - 1] == '\n') line[--n] = 0;
        if (n == 0) continue;
        if (count == capacity) paths = realloc(paths, (capacity *= 2) * sizeof *paths);
        paths[count++] = strdup(line);
    }
    fclose(in);

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_t ids[256];
    if (threads > 256) threads = 256;
    for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, worker, NULL);
    for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("%zu %.6f %.0f\n", count, seconds, (double)count / seconds);
    if (failures) fprintf(stderr, "floor: %zu files could not be read\n", (size_t)failures);
    return 0;
}
