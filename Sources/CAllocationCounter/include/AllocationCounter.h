// CAllocationCounter: counts heap allocations, so the benchmark can show a training step makes none.
#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H
#include <stdint.h>

/// The number of heap allocations (malloc, calloc, realloc, aligned forms) made by any thread
/// of this process since it started. Linking this target interposes the allocator.
uint64_t allocation_count(void);

#endif
