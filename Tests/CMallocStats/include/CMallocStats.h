#ifndef CMALLOCSTATS_H
#define CMALLOCSTATS_H
#include <stddef.h>

/// Bytes currently allocated through malloc in the whole process (all arenas): glibc's
/// mallinfo2() uordblks (in-use chunks) plus hblkhd (large blocks served by mmap).
/// 0 where mallinfo2 does not exist.
size_t dicomidx_allocated_bytes(void);

#endif
