// Opens OpenBLAS once, with the core type chosen from the CPU, and calls it.
#define _GNU_SOURCE // for dladdr
#include "COpenBLAS.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// cblas.h's enumerations, as the ints they are.
enum { ROW_MAJOR = 101, NO_TRANSPOSE = 111, TRANSPOSE = 112 };

typedef void (*sgemm_function)(int, int, int, int, int, int, float, const float *, int, const float *, int, float, float *, int);
typedef void (*saxpy_function)(int, float, const float *, int, float *, int);
typedef char *(*text_function)(void);
typedef void (*set_threads_function)(int);

static sgemm_function sgemm;
static saxpy_function saxpy;
static openblas_library library;
static char error[768];
static bool loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void copy(char *to, size_t size, const char *from) {
    snprintf(to, size, "%s", from ? from : "");
}

// Sets `name` to `value` for the library's start, unless the user has set it; returns
// whether it was set here, so it can be taken away again and children see the user's own.
static bool set_unless_present(const char *name, const char *value) {
    const char *present = getenv(name);
    if (present && *present) return false;
    return setenv(name, value, 1) == 0;
}

static void load(void) {
    openblas_cpu cpu;
    openblas_cpu_read(&cpu);
    const char *user_core = getenv("OPENBLAS_CORETYPE");
    if (user_core && *user_core) {
        if (!openblas_core_runs_on(user_core, &cpu)) {
            snprintf(error, sizeof error,
                     "OPENBLAS_CORETYPE=%s names a kernel this CPU cannot run (it lacks the vector instructions it needs)",
                     user_core);
            return;
        }
        copy(library.requested, sizeof library.requested, user_core);
        library.requested_by_user = true;
    }
    const char *chosen = openblas_core_for(&cpu);
    bool set_core = !library.requested_by_user && chosen && set_unless_present("OPENBLAS_CORETYPE", chosen);
    if (set_core) copy(library.requested, sizeof library.requested, chosen);
    // All parallelism is ours (Tensors' Parallel), so OpenBLAS starts no threads of its own.
    bool set_threads = set_unless_present("OPENBLAS_NUM_THREADS", "1");

    static const char *const names[] = {"libopenblas.so.0", "libopenblas.so"};
    void *handle = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !handle; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    const char *open_error = handle ? 0 : dlerror();

    if (set_core) unsetenv("OPENBLAS_CORETYPE");
    if (set_threads) unsetenv("OPENBLAS_NUM_THREADS");
    if (!handle) {
        snprintf(error, sizeof error, "cannot open OpenBLAS (libopenblas.so.0): %s", open_error ? open_error : "not found");
        return;
    }
    sgemm = (sgemm_function)dlsym(handle, "cblas_sgemm");
    saxpy = (saxpy_function)dlsym(handle, "cblas_saxpy");
    text_function config = (text_function)dlsym(handle, "openblas_get_config");
    text_function corename = (text_function)dlsym(handle, "openblas_get_corename");
    set_threads_function set_threads_count = (set_threads_function)dlsym(handle, "openblas_set_num_threads");
    if (!sgemm || !saxpy || !config || !corename || !set_threads_count) {
        snprintf(error, sizeof error, "the library opened as libopenblas.so.0 is not OpenBLAS: it lacks cblas_sgemm or openblas_get_corename");
        return;
    }
    set_threads_count(1);
    Dl_info info;
    copy(library.path, sizeof library.path, dladdr((void *)sgemm, &info) && info.dli_fname ? info.dli_fname : names[0]);
    copy(library.config, sizeof library.config, config());
    copy(library.core, sizeof library.core, corename());
    loaded = true;
}

bool openblas_load(void) {
    pthread_once(&once, load);
    return loaded;
}

const char *openblas_load_error(void) { return loaded ? 0 : error; }

const openblas_library *openblas_loaded_library(void) { return loaded ? &library : 0; }

void openblas_sgemm(bool transpose_a, bool transpose_b, int m, int n, int k,
                    float alpha, const float *a, int lda, const float *b, int ldb,
                    float beta, float *c, int ldc) {
    sgemm(ROW_MAJOR, transpose_a ? TRANSPOSE : NO_TRANSPOSE, transpose_b ? TRANSPOSE : NO_TRANSPOSE,
          m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void openblas_saxpy(int n, float alpha, const float *x, int incx, float *y, int incy) {
    saxpy(n, alpha, x, incx, y, incy);
}
