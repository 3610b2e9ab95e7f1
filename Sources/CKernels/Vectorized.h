#ifndef CKERNELS_VECTORIZED_H
#define CKERNELS_VECTORIZED_H

// Every hot loop is compiled once per vector unit below; the loader picks one when the program
// starts. `ck_vector_unit` (VectorUnit.c) names the one it picks: keep the two lists the same.
#define VECTORIZED __attribute__((target_clones("avx512f", "avx2", "default")))

#endif
