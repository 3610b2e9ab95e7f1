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

VECTORIZED void ck_add_sigmoid_gradient_columns(const float *restrict a, const float *restrict b, const float *restrict p,
                                                float *restrict y, long rows, long stride, long first, long count) {
    for (long row = 0; row < rows; row++) {
        long offset = row * stride + first;
        for (long j = 0; j < count; j++) y[offset + j] = (a[offset + j] + b[offset + j]) * p[offset + j] * (1 - p[offset + j]);
    }
}

void ck_dot_columns(const float *restrict x, const float *restrict v, float *restrict y, long rows, long stride, long first, long count) {
    for (long row = 0; row < rows; row++) {
        const float *restrict in = x + row * stride + first;
        float sum = 0;
        for (long j = 0; j < count; j++) sum += in[j] * v[first + j];
        y[row] = sum;
    }
}

VECTORIZED void ck_leaky_outer_columns(const float *restrict u, const float *restrict v, const float *restrict gate, float slope,
                                       float *restrict y, long rows, long stride, long first, long count) {
    for (long row = 0; row < rows; row++) {
        long offset = row * stride + first;
        for (long j = 0; j < count; j++) {
            float product = u[row] * v[first + j];
            y[offset + j] = gate[offset + j] > 0 ? product : product * slope;
        }
    }
}

VECTORIZED void ck_weighted_column_sums(const float *restrict u, const float *restrict x, float *restrict y, long rows, long stride, long first, long count) {
    for (long j = 0; j < count; j++) y[first + j] = 0;
    for (long row = 0; row < rows; row++) {
        const float *restrict in = x + row * stride + first;
        for (long j = 0; j < count; j++) y[first + j] += u[row] * in[j];
    }
}
