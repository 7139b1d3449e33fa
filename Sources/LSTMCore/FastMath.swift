/// The exponential, sigmoid and tanh of the cell, written out in plain arithmetic.
///
/// The C library's `exp` and `tanh` are opaque calls that the compiler can neither inline nor
/// vectorise, and its `tanh` goes through `expm1` at several times the cost of an `exp`. These
/// use only additions, multiplications, one division and bit operations, so they inline into
/// the step, and a vector cell's loop over its 4n activations runs without a call. They are
/// within a few units in the last place of the C library's results (`FastMathTests` checks
/// a million random arguments against it) and exact where the activations must be: σ(±1000) is
/// 1 and 0, tanh(±1000) is ±1, tanh(±1e-300) is ±1e-300.
///
/// `exp` is taken only of numbers ≤ 0 (neither activation needs others), so it never overflows.
@usableFromInline
enum FastMath {
  /// `log₂ e`, to find k in `x = k·ln 2 + r`.
  @inlinable @inline(__always) static var log2e: Double { 1.442_695_040_888_963_387 }
  /// `ln 2` in two parts: `k·ln2High` is exact for the k that occur (|k| ≤ 1076).
  @inlinable @inline(__always) static var ln2High: Double { 6.931_471_803_691_238_164_90e-01 }
  /// The rest of `ln 2`.
  @inlinable @inline(__always) static var ln2Low: Double { 1.908_214_929_270_587_700_02e-10 }
  /// Adding 1.5·2⁵² rounds a number of magnitude < 2⁵¹ to an integer held in the low bits.
  @inlinable @inline(__always) static var roundingShift: Double { 6_755_399_441_055_744.0 }

  /// `eˣ` for x ≤ 0 (and for NaN, NaN).
  ///
  /// `x = k·ln 2 + r` with |r| ≤ ln 2 / 2; `eʳ` is its Taylor polynomial of degree 13 (the
  /// remainder is below 5e-18); `2ᵏ` is applied as two powers of two, so that results below the
  /// smallest normal number are rounded once, as the C library rounds them. Below -746 the
  /// result is 0, as `exp` gives.
  @inlinable @inline(__always)
  static func exp(nonPositive x: Double) -> Double {
    let x = x < -746 ? -746 : x
    let shifted = x * log2e + roundingShift
    let k = shifted - roundingShift
    let r = (x - k * ln2High) - k * ln2Low
    let expR = 1 + r * taylorTail(r)
    // k is an integer in -1076...0; split it in two halves, each a normal power of two.
    let kInt = Int64(bitPattern: shifted.bitPattern) &- Int64(bitPattern: roundingShift.bitPattern)
    let k1 = kInt >> 1
    let k2 = kInt &- k1
    let scale1 = Double(bitPattern: UInt64(bitPattern: (k1 &+ 1023) << 52))
    let scale2 = Double(bitPattern: UInt64(bitPattern: (k2 &+ 1023) << 52))
    return expR * scale1 * scale2
  }

  /// `(eʳ - 1) / r` for |r| ≤ 0.5, as the Taylor series `1 + r/2! + … + r¹²/13!`.
  ///
  /// Evaluated in two interleaved halves (even and odd powers), which shortens the chain of
  /// dependent operations without changing the accuracy that matters here.
  @inlinable @inline(__always)
  static func taylorTail(_ r: Double) -> Double {
    let r2 = r * r
    let even =
      1 + r2
      * (1 / 6 + r2
        * (1 / 120 + r2
          * (1 / 5040 + r2
            * (1 / 362_880 + r2
              * (1 / 39_916_800
                + r2 * (1 / 6_227_020_800))))))
    let odd =
      1 / 2 + r2
      * (1 / 24 + r2
        * (1 / 720 + r2
          * (1 / 40320 + r2
            * (1 / 3_628_800 + r2
              * (1 / 479_001_600)))))
    return even + r * odd
  }

  /// `eʸ - 1` for -0.5 ≤ y ≤ 0, without the cancellation of `exp(y) - 1`: the Taylor series
  /// `y + y²/2! + … + y¹⁵/15!` (remainder below 1e-17 relative), with the first term exact.
  @inlinable @inline(__always)
  static func expMinusOne(small y: Double) -> Double {
    let y2 = y * y
    let high =
      y2
      * (1 / 362_880 + y
        * (1 / 3_628_800 + y
          * (1 / 39_916_800 + y
            * (1 / 479_001_600
              + y * (1 / 6_227_020_800 + y * (1 / 87_178_291_200 + y * (1 / 1_307_674_368_000)))))))
    let low =
      y2
      * (1 / 2 + y
        * (1 / 6 + y
          * (1 / 24 + y
            * (1 / 120 + y
              * (1 / 720 + y
                * (1 / 5040 + y * (1 / 40320)))))))
    return y + (low + y2 * y2 * y2 * y * high)
  }

  /// `σ(x) = eˣ/(eˣ+1)`, split on the sign so that the exponential is of `-|x|` and never
  /// overflows.
  @inlinable @inline(__always)
  static func sigmoid(_ x: Double) -> Double {
    let e = exp(nonPositive: x >= 0 ? -x : x)
    return (x >= 0 ? 1 : e) / (1 + e)
  }

  /// `tanh(x) = (1 - e^(-2|x|)) / (1 + e^(-2|x|))` with the sign of x.
  ///
  /// For |x| < 0.25 that numerator would lose digits to cancellation, so there it is
  /// `-expm1(-2|x|) / (2 + expm1(-2|x|))` with the series above; for tiny x that is x exactly.
  @inlinable @inline(__always)
  static func tanh(_ x: Double) -> Double {
    let a = x.magnitude
    let y = -2 * a
    let t: Double
    if a < 0.25 {
      let m = expMinusOne(small: y)
      t = -m / (2 + m)
    } else {
      let e = exp(nonPositive: y)
      t = (1 - e) / (1 + e)
    }
    return Double(signOf: x, magnitudeOf: t)
  }
}
