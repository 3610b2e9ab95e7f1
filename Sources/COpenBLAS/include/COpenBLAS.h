// COpenBLAS: opens OpenBLAS at run time with the core type the CPU's features call for, and
// refuses a forced core type the CPU cannot run.
#ifndef COPENBLAS_H
#define COPENBLAS_H

#include <stdbool.h>

/// OpenBLAS, loaded at run time with a kernel chosen from the CPU's features.
///
/// Debian's OpenBLAS picks its kernels from the CPU *model*, and a model newer than the library
/// gets its generic ones (3-4x slower). The kernel can only be chosen before the library
/// initialises, which a linked library does before `main`; so we do not link it, but open it
/// on first use, after choosing its core type (`OPENBLAS_CORETYPE`) from the CPU's features.
/// A user's own `OPENBLAS_CORETYPE` wins, unless the CPU cannot run that kernel.

/// What the CPU says of itself (x86-64 CPUID; zeros and empty strings elsewhere).
typedef struct {
    char vendor[16];
    char brand[64];
    int family, model, stepping;
    bool sse3, ssse3, sse4_1, sse4_2, avx, fma, avx2;
    bool avx512f, avx512dq, avx512bw, avx512vl, avx512_bf16;
    /// Whether the operating system saves the AVX (YMM) and AVX-512 (ZMM, opmask) registers.
    bool os_saves_avx, os_saves_avx512;
} openblas_cpu;

/// Reads this CPU's identity and features.
void openblas_cpu_read(openblas_cpu *cpu);

/// The OpenBLAS core type that runs fastest on `cpu` among those it can run, or NULL off x86-64
/// (where OpenBLAS's own detection is used).
const char *openblas_core_for(const openblas_cpu *cpu);

/// Whether `cpu` can run OpenBLAS core type `name` (case-insensitive); unknown names are
/// reported runnable, since OpenBLAS then falls back to its own detection.
bool openblas_core_runs_on(const char *name, const openblas_cpu *cpu);

/// Opens OpenBLAS with the chosen core type and one thread, once per process. Returns whether
/// it is loaded; when not, `openblas_load_error()` says why. Safe to call from any thread.
bool openblas_load(void);
const char *openblas_load_error(void);

/// Filled in by a successful `openblas_load`.
typedef struct {
    /// The file that was opened.
    char path[512];
    /// `openblas_get_config()`: version and build options.
    char config[256];
    /// `openblas_get_corename()`: the kernel that runs.
    char core[64];
    /// The core type requested (ours or the user's), empty if none was.
    char requested[64];
    /// Whether `requested` came from the user's `OPENBLAS_CORETYPE`.
    bool requested_by_user;
} openblas_library;

const openblas_library *openblas_loaded_library(void);

/// Row-major `C = alpha op(A) op(B) + beta C`, as `cblas_sgemm`; needs `openblas_load()` first.
void openblas_sgemm(bool transpose_a, bool transpose_b, int m, int n, int k,
                    float alpha, const float *a, int lda, const float *b, int ldb,
                    float beta, float *c, int ldc);

/// `y += alpha x`, as `cblas_saxpy`; needs `openblas_load()` first.
void openblas_saxpy(int n, float alpha, const float *x, int incx, float *y, int incy);

#endif
