#include "CLSTMActivations.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

// No multiply and add is fused unless the code says so: the numbers must not depend on the
// compiler or the processor.
#pragma clang fp contract(off)

/// log2(e), to find k in x = k·ln 2 + r.
#define LV_LOG2E 1.4426950408889634074
/// ln 2 in two parts: k·LV_LN2_HIGH is exact for the k that occur (|k| <= 1076).
#define LV_LN2_HIGH 6.93147180369123816490e-01
/// The rest of ln 2.
#define LV_LN2_LOW 1.90821492927058770002e-10
/// Adding 1.5·2^52 rounds a number of magnitude below 2^51 to an integer, held in the low bits.
#define LV_SHIFT 6755399441055744.0

static inline int64_t lv_bits(double x) {
  int64_t bits;
  memcpy(&bits, &x, sizeof bits);
  return bits;
}

/// 2^k for -1022 <= k <= 1023.
static inline double lv_power_of_two(int64_t k) {
  uint64_t bits = (uint64_t)(k + 1023) << 52;
  double x;
  memcpy(&x, &bits, sizeof x);
  return x;
}

// The portable copy: C's fma(), one instruction where the processor has it, the C library's
// exact emulation where it does not.
#define LV_FMA(a, b, c) fma(a, b, c)
#define LV_TARGET
#define LV_SUFFIX portable
#include "activation_formulas.h"
#undef LV_FMA
#undef LV_TARGET
#undef LV_SUFFIX

double lstmviz_sigmoid_portable(double x) { return lv_sigmoid_portable(x); }
double lstmviz_tanh_portable(double x) { return lv_tanh_portable(x); }

void lstmviz_sigmoid_array_portable(const double *x, double *values, size_t count) {
  for (size_t k = 0; k < count; k++) values[k] = lv_sigmoid_portable(x[k]);
}

void lstmviz_tanh_array_portable(const double *x, double *values, size_t count) {
  for (size_t k = 0; k < count; k++) values[k] = lv_tanh_portable(x[k]);
}

#if defined(__x86_64__)
#include "activations_avx2.h"
#define LV_DISPATCH 1
#else
#define LV_DISPATCH 0
#endif

double lstmviz_sigmoid(double x) {
#if LV_DISPATCH
  if (lv_has_avx2_fma()) return lv_sigmoid_fused(x);
#endif
  return lv_sigmoid_portable(x);
}

double lstmviz_tanh(double x) {
#if LV_DISPATCH
  if (lv_has_avx2_fma()) return lv_tanh_fused(x);
#endif
  return lv_tanh_portable(x);
}

void lstmviz_sigmoid_array(const double *x, double *values, size_t count) {
#if LV_DISPATCH
  if (lv_has_avx2_fma()) {
    lv_sigmoid_array_avx2(x, values, count);
    return;
  }
#endif
  lstmviz_sigmoid_array_portable(x, values, count);
}

void lstmviz_tanh_array(const double *x, double *values, size_t count) {
#if LV_DISPATCH
  if (lv_has_avx2_fma()) {
    lv_tanh_array_avx2(x, values, count);
    return;
  }
#endif
  lstmviz_tanh_array_portable(x, values, count);
}
