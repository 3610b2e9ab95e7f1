#include "CKernels.h"
#include "Vectorized.h"

const char *ck_vector_unit(void) {
#if defined(__x86_64__)
    // The clones' resolver chooses the first target of VECTORIZED that the CPU supports.
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return "AVX-512";
    if (__builtin_cpu_supports("avx2")) return "AVX2";
    return "SSE2";
#else
    return "baseline";
#endif
}
