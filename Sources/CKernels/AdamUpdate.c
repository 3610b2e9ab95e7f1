#include "CKernels.h"
#include "Vectorized.h"
#include <math.h>

VECTORIZED void ck_adam_update(float *restrict parameter, const float *restrict gradient,
                    float *restrict firstMoment, float *restrict secondMoment, long count,
                    float beta1, float beta2, float epsilon, float stepSize, float inverseRootCorrection2) {
    for (long i = 0; i < count; i++) {
        float g = gradient[i];
        float m = beta1 * firstMoment[i] + (1 - beta1) * g;
        float v = beta2 * secondMoment[i] + (1 - beta2) * g * g;
        firstMoment[i] = m;
        secondMoment[i] = v;
        parameter[i] = parameter[i] - stepSize * m / (sqrtf(v) * inverseRootCorrection2 + epsilon);
    }
}
