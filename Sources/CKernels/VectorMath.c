#include "CKernels.h"
#include "Vectorized.h"
#include <stdint.h>
#include <string.h>

// Cephes-style polynomial approximations of exp and log, accurate to a few ulp. They are
// written one element at a time from arithmetic, comparisons and bit casts only, so the
// compiler turns each loop below into vector code; every version computes the same bits.

static inline float bits_to_float(uint32_t bits) { float f; memcpy(&f, &bits, sizeof f); return f; }
static inline uint32_t float_to_bits(float f) { uint32_t bits; memcpy(&bits, &f, sizeof bits); return bits; }

// Adding 1.5 * 2^23 rounds a float to an integer held in its low mantissa bits.
static const float round_magic = 12582912.0f;

/// e^x; saturates to 0 below about -87 and to about 2^127 above 88.
static inline float approximate_exp(float x) {
    float clamped = x < -87.33f ? -87.33f : x;
    clamped = clamped > 88.37f ? 88.37f : clamped;
    float shifted = clamped * 1.44269504f + round_magic;
    float n = shifted - round_magic;
    // r = x - n ln 2, with ln 2 split in two so that the subtraction stays exact.
    float r = clamped - n * 0.693359375f + n * 2.1219444e-4f;
    float p = 1.98756915e-4f;
    p = p * r + 1.39819995e-3f;
    p = p * r + 8.3334519e-3f;
    p = p * r + 4.16657959e-2f;
    p = p * r + 1.66666655e-1f;
    p = p * r + 5.00000012e-1f;
    p = p * (r * r) + r + 1;
    uint32_t integer = float_to_bits(shifted) - float_to_bits(round_magic);
    return p * bits_to_float((integer + 127) << 23);
}

/// The natural logarithm, for positive normal inputs.
static inline float approximate_log(float x) {
    int32_t bits = (int32_t)float_to_bits(x);
    // x = m 2^e with m in [0.5, 1); the exponent becomes a float by the rounding trick in reverse.
    float e = bits_to_float((uint32_t)(((bits >> 23) - 126) + (int32_t)float_to_bits(round_magic))) - round_magic;
    float m = bits_to_float(((uint32_t)bits & 0x007FFFFFu) | 0x3F000000u);
    int small = m < 0.70710677f;
    e = small ? e - 1 : e;
    m = (small ? m + m : m) - 1;
    float z = m * m;
    float p = 7.0376836e-2f;
    p = p * m - 1.15146103e-1f;
    p = p * m + 1.16769987e-1f;
    p = p * m - 1.24201408e-1f;
    p = p * m + 1.42493228e-1f;
    p = p * m - 1.66680577e-1f;
    p = p * m + 2.00007148e-1f;
    p = p * m - 2.4999994e-1f;
    p = p * m + 3.3333331e-1f;
    float y = p * m * z;
    y = y - e * 2.1219444e-4f - 0.5f * z;
    return m + y + e * 0.693359375f;
}

static inline float absolute(float x) { return bits_to_float(float_to_bits(x) & 0x7FFFFFFFu); }

static inline float approximate_sigmoid(float x) { return 1 / (1 + approximate_exp(-x)); }

/// log(1 + e^x) without overflow.
static inline float approximate_softplus(float x) {
    return (x < 0 ? 0 : x) + approximate_log(1 + approximate_exp(-absolute(x)));
}

/// tanh(x); a short series near zero keeps small values exact.
static inline float approximate_tanh(float x) {
    float magnitude = absolute(x);
    float e = approximate_exp(-2 * magnitude);
    float large = (1 - e) / (1 + e);
    float x2 = x * x;
    float series = -17.0f / 315;
    series = series * x2 + 2.0f / 15;
    series = series * x2 - 1.0f / 3;
    series = (series * x2 + 1) * x;
    float signed_large = x < 0 ? -large : large;
    return magnitude < 0.0625f ? series : signed_large;
}

// y may be x: element i is read before it is written, so the vectorizer may ignore aliasing.
#define ELEMENTWISE _Pragma("clang loop vectorize(assume_safety)")

VECTORIZED void ck_exp(const float *x, float scale, float *y, long count) {
    ELEMENTWISE for (long i = 0; i < count; i++) y[i] = approximate_exp(scale * x[i]);
}

VECTORIZED void ck_log(const float *x, float *y, long count) {
    ELEMENTWISE for (long i = 0; i < count; i++) y[i] = approximate_log(x[i]);
}

VECTORIZED void ck_sigmoid(const float *x, float *y, long count) {
    ELEMENTWISE for (long i = 0; i < count; i++) y[i] = approximate_sigmoid(x[i]);
}

VECTORIZED void ck_tanh(const float *x, float *y, long count) {
    ELEMENTWISE for (long i = 0; i < count; i++) y[i] = approximate_tanh(x[i]);
}

enum { lanes = 16, block = 256 };

VECTORIZED double ck_binary_cross_entropy_with_logits(const float *restrict x, const float *restrict t,
                                                      float *restrict gradient, float gradientScale, long count) {
    // Element i's term is added to lane i % 16, each lane summing in double; the lanes are
    // added up in a fixed order at the end, so the total does not depend on the vector width.
    // The terms of a block are computed first, in float, so that loop is plain vector code.
    double sums[lanes] = {0};
    float terms[block];
    for (long start = 0; start < count; start += block) {
        long size = count - start < block ? count - start : block;
        const float *restrict xs = x + start, *restrict ts = t + start;
        for (long i = 0; i < size; i++) terms[i] = approximate_softplus(xs[i]) - ts[i] * xs[i];
        long whole = size - size % lanes;
        for (long group = 0; group < whole; group += lanes)
            for (int lane = 0; lane < lanes; lane++) sums[lane] += (double)terms[group + lane];
        for (long i = whole; i < size; i++) sums[i - whole] += (double)terms[i];
    }
    if (gradient)
        for (long i = 0; i < count; i++) gradient[i] = (approximate_sigmoid(x[i]) - t[i]) * gradientScale;
    double total = 0;
    for (int lane = 0; lane < lanes; lane++) total += sums[lane];
    return total;
}
