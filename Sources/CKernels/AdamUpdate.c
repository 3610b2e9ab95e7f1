#include "CKernels.h"
#include <math.h>

static inline void adam_element(long i, float g, float *restrict parameter, float *restrict firstMoment,
                                float *restrict secondMoment, float beta1, float beta2, float epsilon,
                                float stepSize, float inverseRootCorrection2) {
    float m = beta1 * firstMoment[i] + (1 - beta1) * g;
    float v = beta2 * secondMoment[i] + (1 - beta2) * g * g;
    firstMoment[i] = m;
    secondMoment[i] = v;
    parameter[i] = parameter[i] - stepSize * m / (sqrtf(v) * inverseRootCorrection2 + epsilon);
}

// Two loops, so that the common case (a replica's gradient to add) has no branch inside.
__attribute__((target_clones("avx512f", "avx2", "default")))
void ck_adam_update(float *restrict parameter, const float *restrict gradient, const float *restrict replicaGradient,
                    float *restrict firstMoment, float *restrict secondMoment, long count,
                    float beta1, float beta2, float epsilon, float stepSize, float inverseRootCorrection2) {
    if (replicaGradient) {
        for (long i = 0; i < count; i++)
            adam_element(i, gradient[i] + replicaGradient[i], parameter, firstMoment, secondMoment,
                         beta1, beta2, epsilon, stepSize, inverseRootCorrection2);
    } else {
        for (long i = 0; i < count; i++)
            adam_element(i, gradient[i], parameter, firstMoment, secondMoment,
                         beta1, beta2, epsilon, stepSize, inverseRootCorrection2);
    }
}
