#include "CKernels.h"
#include "Vectorized.h"

// Loops over a block of columns [first, first + count) of every row of a row-major matrix
// with `stride` columns: the share of a layer's features that one thread owns.


VECTORIZED void ck_fill_columns(float *restrict y, const float *restrict values, long rows, long stride, long first, long count) {
    for (long row = 0; row < rows; row++) {
        float *restrict out = y + row * stride + first;
        for (long j = 0; j < count; j++) out[j] = values[first + j];
    }
}

VECTORIZED void ck_leaky_rectify_columns(float *y, float slope, long rows, long stride, long first, long count) {
    for (long row = 0; row < rows; row++) {
        float *restrict out = y + row * stride + first;
        for (long j = 0; j < count; j++) out[j] = out[j] < 0 ? out[j] * slope : out[j];
    }
}

VECTORIZED void ck_add_leaky_gradient_columns(const float *restrict a, const float *restrict b, const float *restrict gate, float slope,
                                              float *restrict y, long rows, long stride, long first, long count) {
    for (long row = 0; row < rows; row++) {
        long offset = row * stride + first;
        for (long j = 0; j < count; j++) {
            float sum = a[offset + j] + b[offset + j];
            y[offset + j] = gate[offset + j] > 0 ? sum : sum * slope;
        }
    }
}
