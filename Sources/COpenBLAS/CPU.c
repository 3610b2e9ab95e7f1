// Reads the CPU's identity and features, and matches them to OpenBLAS's core types.
#include "COpenBLAS.h"

#include <string.h>
#include <strings.h>

#if defined(__x86_64__)
#include <cpuid.h>

static unsigned long long read_xcr0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

void openblas_cpu_read(openblas_cpu *cpu) {
    memset(cpu, 0, sizeof *cpu);
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(0, &eax, &ebx, &ecx, &edx)) return;
    unsigned int highest = eax;
    memcpy(cpu->vendor, &ebx, 4);
    memcpy(cpu->vendor + 4, &edx, 4);
    memcpy(cpu->vendor + 8, &ecx, 4);

    __get_cpuid(1, &eax, &ebx, &ecx, &edx);
    int base_family = (eax >> 8) & 0xf, base_model = (eax >> 4) & 0xf;
    cpu->family = base_family == 0xf ? base_family + (int)((eax >> 20) & 0xff) : base_family;
    cpu->model = (base_family == 0x6 || base_family == 0xf) ? base_model | (int)(((eax >> 16) & 0xf) << 4) : base_model;
    cpu->stepping = eax & 0xf;
    cpu->sse3 = ecx & (1u << 0);
    cpu->ssse3 = ecx & (1u << 9);
    cpu->fma = ecx & (1u << 12);
    cpu->sse4_1 = ecx & (1u << 19);
    cpu->sse4_2 = ecx & (1u << 20);
    cpu->avx = ecx & (1u << 28);
    bool osxsave = ecx & (1u << 27);
    if (osxsave) {
        unsigned long long xcr0 = read_xcr0();
        cpu->os_saves_avx = (xcr0 & 0x6) == 0x6;             // SSE and YMM state
        cpu->os_saves_avx512 = (xcr0 & 0xe6) == 0xe6;        // and opmask, ZMM0-15 high, ZMM16-31
    }
    if (highest >= 7) {
        __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx);
        cpu->avx2 = ebx & (1u << 5);
        cpu->avx512f = ebx & (1u << 16);
        cpu->avx512dq = ebx & (1u << 17);
        cpu->avx512bw = ebx & (1u << 30);
        cpu->avx512vl = ebx & (1u << 31);
        __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx);
        cpu->avx512_bf16 = eax & (1u << 5);
    }
    if (__get_cpuid(0x80000000, &eax, &ebx, &ecx, &edx) && eax >= 0x80000004) {
        unsigned int *brand = (unsigned int *)cpu->brand;
        for (unsigned int leaf = 0; leaf < 3; leaf++) {
            __get_cpuid(0x80000002 + leaf, &brand[4 * leaf], &brand[4 * leaf + 1], &brand[4 * leaf + 2], &brand[4 * leaf + 3]);
        }
        cpu->brand[sizeof cpu->brand - 1] = 0;
    }
}
#else
void openblas_cpu_read(openblas_cpu *cpu) { memset(cpu, 0, sizeof *cpu); }
#endif

// The vector units a kernel needs; what the OS does not save cannot be used.
static bool has_avx(const openblas_cpu *cpu) { return cpu->avx && cpu->os_saves_avx; }
static bool has_avx2(const openblas_cpu *cpu) { return has_avx(cpu) && cpu->avx2 && cpu->fma; }
static bool has_avx512(const openblas_cpu *cpu) {
    return has_avx2(cpu) && cpu->os_saves_avx512 && cpu->avx512f && cpu->avx512dq && cpu->avx512bw && cpu->avx512vl;
}

enum isa { ISA_SSE, ISA_AVX, ISA_AVX2, ISA_AVX512, ISA_AVX512_BF16 };

// The x86-64 core types of OpenBLAS 0.3.21 that need more than SSE3, by the ISA they need.
static const struct { const char *name; enum isa needs; } demanding_cores[] = {
    {"Sandybridge", ISA_AVX}, {"Bulldozer", ISA_AVX}, {"Piledriver", ISA_AVX}, {"Steamroller", ISA_AVX},
    {"Haswell", ISA_AVX2}, {"Zen", ISA_AVX2}, {"Excavator", ISA_AVX2},
    {"SkylakeX", ISA_AVX512}, {"Cooperlake", ISA_AVX512_BF16}, {"SapphireRapids", ISA_AVX512_BF16},
};

static bool supports(const openblas_cpu *cpu, enum isa isa) {
    switch (isa) {
    case ISA_SSE: return true;
    case ISA_AVX: return has_avx(cpu);
    case ISA_AVX2: return has_avx2(cpu);
    case ISA_AVX512: return has_avx512(cpu);
    case ISA_AVX512_BF16: return has_avx512(cpu) && cpu->avx512_bf16;
    }
    return false;
}

bool openblas_core_runs_on(const char *name, const openblas_cpu *cpu) {
    for (size_t i = 0; i < sizeof demanding_cores / sizeof demanding_cores[0]; i++) {
        if (strcasecmp(name, demanding_cores[i].name) == 0) return supports(cpu, demanding_cores[i].needs);
    }
    return true;
}

const char *openblas_core_for(const openblas_cpu *cpu) {
#if defined(__x86_64__)
    // Cooperlake's kernels are SkylakeX's plus bfloat16 ones that float32 GEMM never calls.
    if (has_avx512(cpu)) return cpu->avx512_bf16 ? "Cooperlake" : "SkylakeX";
    if (has_avx2(cpu)) return strcmp(cpu->vendor, "AuthenticAMD") == 0 ? "Zen" : "Haswell";
    if (has_avx(cpu)) return "Sandybridge";
    if (cpu->sse4_2) return "Nehalem";
    if (cpu->ssse3) return "Core2";
    return "Prescott";
#else
    (void)cpu;
    return 0;
#endif
}
