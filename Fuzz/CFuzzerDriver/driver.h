#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, -sanitize=fuzzer): runs the fuzzing loop with the
/// command-line arguments, calling `callback` for each input. SwiftPM renames an executable's
/// main to <module>_main, so each target's entry point calls this instead of linking
/// libFuzzer's own main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
