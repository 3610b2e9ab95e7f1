// Tensors: Float32 tensors, matmul through OpenBLAS, vectorized elementwise math, the seeded
// random generator every draw goes through, and the two-core parallel helper.
