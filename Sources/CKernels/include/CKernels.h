// CKernels: training's hot loops in C (Adam, cross-entropy, exp, log, sigmoid, tanh), built for
// AVX-512, AVX2 or SSE2 as the machine has them, giving the same bits on each.
#ifndef CKERNELS_H
#define CKERNELS_H

/// Hot loops of training written in C, so that they are compiled for the machine's widest
/// vector unit (AVX-512, AVX2 or SSE2, chosen when the program starts) while the Swift code
/// is compiled for the baseline x86-64 that every machine runs. The results do not depend
/// on which version runs: no operation is fused, and square root and division are exact.

/// One Adam step for `count` elements, with PyTorch's arithmetic:
/// g = gradient, m = beta1 m + (1 - beta1) g,
/// v = beta2 v + (1 - beta2) g g, p = p - stepSize m / (sqrt(v) inverseRootCorrection2 + epsilon).
void ck_adam_update(float *parameter, const float *gradient,
                    float *firstMoment, float *secondMoment, long count,
                    float beta1, float beta2, float epsilon, float stepSize, float inverseRootCorrection2);

/// y = e^(scale x), element by element (y may be x).
void ck_exp(const float *x, float scale, float *y, long count);
/// y = log x, element by element, for positive x (y may be x).
void ck_log(const float *x, float *y, long count);
/// y = 1 / (1 + e^-x), element by element (y may be x).
void ck_sigmoid(const float *x, float *y, long count);
/// y = tanh x, element by element (y may be x).
void ck_tanh(const float *x, float *y, long count);
/// The sum over elements of the binary cross-entropy of logits x against targets t,
/// softplus(x) - t x; when `gradient` is not null, also writes (sigmoid(x) - t) gradientScale.
double ck_binary_cross_entropy_with_logits(const float *x, const float *t, float *gradient, float gradientScale, long count);

/// Columns [first, first + count) of each of `rows` rows of a row-major matrix with `stride`
/// columns: y[row][j] = values[j] there.
void ck_fill_columns(float *y, const float *values, long rows, long stride, long first, long count);
/// The same columns of y, with negative values multiplied by `slope`: a leaky rectifier,
/// or with slope 0 a rectifier (a NaN stays).
void ck_leaky_rectify_columns(float *y, float slope, long rows, long stride, long first, long count);
/// The same columns of y, set to a + b where gate > 0 and to (a + b) slope elsewhere: the
/// gradient through a (leaky) rectifier whose output is gate, from two shares of it.
void ck_add_leaky_gradient_columns(const float *a, const float *b, const float *gate, float slope,
                                   float *y, long rows, long stride, long first, long count);

/// The vector unit the kernels above run on here: "AVX-512", "AVX2" or "SSE2" (x86-64), as
/// chosen when the program started.
const char *ck_vector_unit(void);

#endif
