// The cell's exponential, sigmoid and tanh, written once and compiled twice by activations.c:
// with LV_FMA as the processor's fused multiply-add (under LV_TARGET), and as the C library's
// fma(). Both round each fused multiply-add once, as IEEE 754 defines it, so they give the same
// bits; LV_SUFFIX names the two copies. Not a header to include anywhere else.
//
// Every operation is written out: the file is compiled with contraction off, so no multiply and
// add is fused unless it is written as LV_FMA.

/// 1 / k! for k = 2...13: the Taylor coefficients of e^r after 1 + r.
#define LV_E2 (1.0 / 2)
#define LV_E3 (1.0 / 6)
#define LV_E4 (1.0 / 24)
#define LV_E5 (1.0 / 120)
#define LV_E6 (1.0 / 720)
#define LV_E7 (1.0 / 5040)
#define LV_E8 (1.0 / 40320)
#define LV_E9 (1.0 / 362880)
#define LV_E10 (1.0 / 3628800)
#define LV_E11 (1.0 / 39916800)
#define LV_E12 (1.0 / 479001600)
#define LV_E13 (1.0 / 6227020800)

#define LV_CONCAT2(a, b) a##_##b
#define LV_CONCAT(a, b) LV_CONCAT2(a, b)
#define LV_NAME(name) LV_CONCAT(name, LV_SUFFIX)

/// e^x for x <= 0 (and NaN for NaN), as 2^k·(1 + m): returns m = e^r - 1 and sets k.
///
/// x = k·ln 2 + r with |r| <= ln 2 / 2, k found by rounding x·log2(e) with the 1.5·2^52 shift;
/// r = x - k·ln 2 in two fused steps with ln 2 in two parts; e^r - 1 = r + r^2·P(r) is the Taylor
/// polynomial of degree 13 (remainder below 5e-18 relative), P evaluated in Estrin's scheme so
/// that the chain of dependent operations is five fused multiply-adds long instead of thirteen.
/// Below -746, x is taken as -746 (whose exponential rounds to 0).
LV_TARGET static inline double LV_NAME(lv_exp_parts)(double x, int64_t *k_out) {
  x = x < -746.0 ? -746.0 : x;
  double s = LV_FMA(x, LV_LOG2E, LV_SHIFT);
  double k = s - LV_SHIFT;
  double r = LV_FMA(-k, LV_LN2_HIGH, x);
  r = LV_FMA(-k, LV_LN2_LOW, r);
  double r2 = r * r;
  double r4 = r2 * r2;
  double r8 = r4 * r4;
  double p23 = LV_FMA(r, LV_E3, LV_E2), p45 = LV_FMA(r, LV_E5, LV_E4);
  double p67 = LV_FMA(r, LV_E7, LV_E6), p89 = LV_FMA(r, LV_E9, LV_E8);
  double p1011 = LV_FMA(r, LV_E11, LV_E10), p1213 = LV_FMA(r, LV_E13, LV_E12);
  double q0 = LV_FMA(r2, p45, p23), q1 = LV_FMA(r2, p89, p67);
  double q2 = LV_FMA(r2, p1213, p1011);
  double o0 = LV_FMA(r4, q1, q0);
  double tail = LV_FMA(r8, q2, o0);
  *k_out = lv_bits(s) - lv_bits(LV_SHIFT);
  return LV_FMA(r2, tail, r);
}

/// e^x for x <= 0: 2^k·(1 + m). The 1 is added last, so its rounding is the only error the size
/// of the result's last place. Results below the smallest normal number take 2^k as two powers of
/// two, so they round once, as the C library's exp rounds them.
LV_TARGET static inline double LV_NAME(lv_exp)(double x) {
  int64_t k;
  double expR = 1.0 + LV_NAME(lv_exp_parts)(x, &k);
  if (k >= -1020) return expR * lv_power_of_two(k);
  int64_t k1 = k >> 1;  // floor(k / 2): both halves give normal powers of two
  return expR * lv_power_of_two(k1) * lv_power_of_two(k - k1);
}

/// σ(x) = e^x / (e^x + 1), split on the sign so that the exponential is of -|x|.
LV_TARGET static inline double LV_NAME(lv_sigmoid)(double x) {
  double e = LV_NAME(lv_exp)(-fabs(x));
  return (x >= 0 ? 1.0 : e) / (1.0 + e);
}

/// tanh(x) = -(e^y - 1) / (2 + (e^y - 1)) with y = -2|x|, and the sign of x.
///
/// e^y - 1 is 2^k·m + (2^k - 1), where 2^k - 1 is exact: no digits cancel, so tanh(1e-300) is
/// 1e-300, and near 0 the result is as accurate as anywhere. Below y = -64, tanh is 1 to the last
/// place, so y stops there (and 2^k stays a normal number).
LV_TARGET static inline double LV_NAME(lv_tanh)(double x) {
  double y = -2.0 * fabs(x);
  y = y < -64.0 ? -64.0 : y;
  int64_t k;
  double m = LV_NAME(lv_exp_parts)(y, &k);
  double scale = lv_power_of_two(k);
  double expMinusOne = LV_FMA(scale, m, scale - 1.0);
  return copysign(-expMinusOne / (2.0 + expMinusOne), x);
}

#undef LV_NAME
#undef LV_CONCAT
#undef LV_CONCAT2
