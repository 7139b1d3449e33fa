// The fast copies of the activations, for x86-64 processors with AVX2 and FMA: the scalar
// formulas with the processor's fused multiply-add, and four lanes at a time with AVX2. Included
// by activations.c only, after the portable copy; every lane gives the portable copy's bits.
#include <immintrin.h>

#include "cpu_features.h"

#define LV_AVX __attribute__((target("avx2,fma")))

#define LV_FMA(a, b, c) __builtin_fma(a, b, c)
#define LV_TARGET LV_AVX
#define LV_SUFFIX fused
#include "activation_formulas.h"
#undef LV_FMA
#undef LV_TARGET
#undef LV_SUFFIX

/// Whether this processor has both AVX2 and FMA.
static inline int lv_has_avx2_fma(void) {
  return (lv_cpu_features() & (LV_CPU_AVX2 | LV_CPU_FMA)) == (LV_CPU_AVX2 | LV_CPU_FMA);
}

#define LV_SET(x) _mm256_set1_pd(x)

/// `lv_exp_parts` on four lanes: returns m and sets k (a whole number in each lane).
LV_AVX static inline __m256d lv_exp_parts4(__m256d x, __m256d *k_out) {
  // max_pd returns its second operand when either is NaN, so a NaN stays NaN.
  x = _mm256_max_pd(LV_SET(-746.0), x);
  __m256d shift = LV_SET(LV_SHIFT);
  __m256d s = _mm256_fmadd_pd(x, LV_SET(LV_LOG2E), shift);
  __m256d k = _mm256_sub_pd(s, shift);
  __m256d r = _mm256_fnmadd_pd(k, LV_SET(LV_LN2_HIGH), x);
  r = _mm256_fnmadd_pd(k, LV_SET(LV_LN2_LOW), r);
  __m256d r2 = _mm256_mul_pd(r, r);
  __m256d r4 = _mm256_mul_pd(r2, r2);
  __m256d r8 = _mm256_mul_pd(r4, r4);
  __m256d p23 = _mm256_fmadd_pd(r, LV_SET(LV_E3), LV_SET(LV_E2));
  __m256d p45 = _mm256_fmadd_pd(r, LV_SET(LV_E5), LV_SET(LV_E4));
  __m256d p67 = _mm256_fmadd_pd(r, LV_SET(LV_E7), LV_SET(LV_E6));
  __m256d p89 = _mm256_fmadd_pd(r, LV_SET(LV_E9), LV_SET(LV_E8));
  __m256d p1011 = _mm256_fmadd_pd(r, LV_SET(LV_E11), LV_SET(LV_E10));
  __m256d p1213 = _mm256_fmadd_pd(r, LV_SET(LV_E13), LV_SET(LV_E12));
  __m256d q0 = _mm256_fmadd_pd(r2, p45, p23);
  __m256d q1 = _mm256_fmadd_pd(r2, p89, p67);
  __m256d q2 = _mm256_fmadd_pd(r2, p1213, p1011);
  __m256d o0 = _mm256_fmadd_pd(r4, q1, q0);
  __m256d tail = _mm256_fmadd_pd(r8, q2, o0);
  *k_out = k;
  return _mm256_fmadd_pd(r2, tail, r);
}

/// The whole number k of each lane as an integer (|k| < 2^51), through the 1.5·2^52 shift.
LV_AVX static inline __m256i lv_integer4(__m256d k) {
  __m256d shift = LV_SET(LV_SHIFT);
  return _mm256_sub_epi64(_mm256_castpd_si256(_mm256_add_pd(k, shift)), _mm256_castpd_si256(shift));
}

/// 2^k in each lane, for -1022 <= k <= 1023.
LV_AVX static inline __m256d lv_power_of_two4(__m256i k) {
  return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(k, _mm256_set1_epi64x(1023)), 52));
}

/// `lv_exp` on four lanes, with 2^k always taken as two powers of two: for the k where the
/// scalar copy takes one, both are exact, so the bits are the same.
LV_AVX static inline __m256d lv_exp4(__m256d x) {
  __m256d k;
  __m256d expR = _mm256_add_pd(LV_SET(1.0), lv_exp_parts4(x, &k));
  // k1 = floor(k / 2): k/2 - 1/4 rounded to the nearest whole number; k2 = k - k1.
  __m256i kInt = lv_integer4(k);
  __m256i k1 = lv_integer4(_mm256_sub_pd(_mm256_mul_pd(k, LV_SET(0.5)), LV_SET(0.25)));
  __m256i k2 = _mm256_sub_epi64(kInt, k1);
  return _mm256_mul_pd(_mm256_mul_pd(expR, lv_power_of_two4(k1)), lv_power_of_two4(k2));
}

/// `lv_sigmoid` on four lanes.
LV_AVX static inline __m256d lv_sigmoid4(__m256d x) {
  __m256d e = lv_exp4(_mm256_or_pd(x, LV_SET(-0.0)));
  __m256d nonNegative = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_GE_OQ);
  __m256d numerator = _mm256_blendv_pd(e, LV_SET(1.0), nonNegative);
  return _mm256_div_pd(numerator, _mm256_add_pd(LV_SET(1.0), e));
}

/// `lv_tanh` on four lanes.
LV_AVX static inline __m256d lv_tanh4(__m256d x) {
  __m256d sign = LV_SET(-0.0);
  __m256d y = _mm256_mul_pd(LV_SET(-2.0), _mm256_andnot_pd(sign, x));
  y = _mm256_max_pd(LV_SET(-64.0), y);
  __m256d k;
  __m256d m = lv_exp_parts4(y, &k);
  __m256d scale = lv_power_of_two4(lv_integer4(k));
  __m256d expMinusOne = _mm256_fmadd_pd(scale, m, _mm256_sub_pd(scale, LV_SET(1.0)));
  __m256d t = _mm256_div_pd(_mm256_xor_pd(expMinusOne, sign),
                            _mm256_add_pd(LV_SET(2.0), expMinusOne));
  return _mm256_or_pd(_mm256_andnot_pd(sign, t), _mm256_and_pd(sign, x));
}

LV_AVX static void lv_sigmoid_array_avx2(const double *x, double *values, size_t count) {
  size_t k = 0;
  for (; k + 4 <= count; k += 4) _mm256_storeu_pd(values + k, lv_sigmoid4(_mm256_loadu_pd(x + k)));
  for (; k < count; k++) values[k] = lv_sigmoid_fused(x[k]);
}

LV_AVX static void lv_tanh_array_avx2(const double *x, double *values, size_t count) {
  size_t k = 0;
  for (; k + 4 <= count; k += 4) _mm256_storeu_pd(values + k, lv_tanh4(_mm256_loadu_pd(x + k)));
  for (; k < count; k++) values[k] = lv_tanh_fused(x[k]);
}
