#include "CLSTMKernels.h"

// Multiplies and adds stay separate instructions: a fused multiply-add rounds once where the
// plain loop rounds twice, and the numbers must not depend on the processor.
#pragma clang fp contract(off)

#define LANES LSTMVIZ_LANES

/// Writes the sums of the block starting at unit `first`, plus each unit's bias, into `x`,
/// leaving out the padding rows past `units`.
static void store_block(const double *sums, const double *bias, size_t first, size_t units,
                        double *x) {
  size_t count = units - first < LANES ? units - first : LANES;
  for (size_t lane = 0; lane < count; lane++) {
    x[first + lane] = sums[lane] + bias[first + lane];
  }
}

void lstmviz_gate_preactivations_portable(const double *stm_weights, const double *stm,
                                          size_t n, const double *input_weights,
                                          const double *input, size_t m, const double *bias,
                                          size_t units, double *x) {
  size_t blocks = (units + LANES - 1) / LANES;
  for (size_t block = 0; block < blocks; block++) {
    double stm_sum[LANES] = {0}, input_sum[LANES] = {0}, sums[LANES];
    const double *w = stm_weights + block * n * LANES;
    for (size_t k = 0; k < n; k++, w += LANES) {
      for (size_t lane = 0; lane < LANES; lane++) stm_sum[lane] += w[lane] * stm[k];
    }
    w = input_weights + block * m * LANES;
    for (size_t k = 0; k < m; k++, w += LANES) {
      for (size_t lane = 0; lane < LANES; lane++) input_sum[lane] += w[lane] * input[k];
    }
    for (size_t lane = 0; lane < LANES; lane++) sums[lane] = stm_sum[lane] + input_sum[lane];
    store_block(sums, bias, block * LANES, units, x);
  }
}

#if defined(__x86_64__)
#include <immintrin.h>

#include "cpu_features.h"

__attribute__((target("avx2"))) static void gate_avx2(
    const double *stm_weights, const double *stm, size_t n, const double *input_weights,
    const double *input, size_t m, const double *bias, size_t units, double *x) {
  size_t blocks = (units + LANES - 1) / LANES;
  for (size_t block = 0; block < blocks; block++) {
    __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
    const double *w = stm_weights + block * n * LANES;
    for (size_t k = 0; k < n; k++, w += LANES) {
      __m256d v = _mm256_broadcast_sd(stm + k);
      s0 = _mm256_add_pd(s0, _mm256_mul_pd(_mm256_loadu_pd(w), v));
      s1 = _mm256_add_pd(s1, _mm256_mul_pd(_mm256_loadu_pd(w + 4), v));
      s2 = _mm256_add_pd(s2, _mm256_mul_pd(_mm256_loadu_pd(w + 8), v));
      s3 = _mm256_add_pd(s3, _mm256_mul_pd(_mm256_loadu_pd(w + 12), v));
    }
    __m256d i0 = _mm256_setzero_pd(), i1 = i0, i2 = i0, i3 = i0;
    w = input_weights + block * m * LANES;
    for (size_t k = 0; k < m; k++, w += LANES) {
      __m256d v = _mm256_broadcast_sd(input + k);
      i0 = _mm256_add_pd(i0, _mm256_mul_pd(_mm256_loadu_pd(w), v));
      i1 = _mm256_add_pd(i1, _mm256_mul_pd(_mm256_loadu_pd(w + 4), v));
      i2 = _mm256_add_pd(i2, _mm256_mul_pd(_mm256_loadu_pd(w + 8), v));
      i3 = _mm256_add_pd(i3, _mm256_mul_pd(_mm256_loadu_pd(w + 12), v));
    }
    double sums[LANES];
    _mm256_storeu_pd(sums, _mm256_add_pd(s0, i0));
    _mm256_storeu_pd(sums + 4, _mm256_add_pd(s1, i1));
    _mm256_storeu_pd(sums + 8, _mm256_add_pd(s2, i2));
    _mm256_storeu_pd(sums + 12, _mm256_add_pd(s3, i3));
    store_block(sums, bias, block * LANES, units, x);
  }
}

#endif

void lstmviz_gate_preactivations(const double *stm_weights, const double *stm, size_t n,
                                 const double *input_weights, const double *input, size_t m,
                                 const double *bias, size_t units, double *x) {
#if defined(__x86_64__)
  if (lv_cpu_features() & LV_CPU_AVX2) {
    gate_avx2(stm_weights, stm, n, input_weights, input, m, bias, units, x);
    return;
  }
#endif
  lstmviz_gate_preactivations_portable(stm_weights, stm, n, input_weights, input, m, bias, units,
                                       x);
}
