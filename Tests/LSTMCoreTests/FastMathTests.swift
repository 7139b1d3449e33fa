import Foundation
import GoldenFixtures
import Testing

@testable import LSTMCore

/// The cell's own exponential, sigmoid and tanh against the C library's, which the golden traces
/// (and PyTorch) were made with: they may differ only in the last bits.
@Suite struct FastMathTests {
  /// The distance between `a` and `b` in units in the last place of `b`.
  func ulps(_ a: Double, _ b: Double) -> Double {
    if a == b { return 0 }
    return (a - b).magnitude / b.ulp
  }

  /// Random arguments: uniform over ±range and log-uniform magnitudes down to 1e-20.
  func arguments(range: Double, count: Int) -> [Double] {
    var random = SplitMix(state: 6)
    return (0..<count).map { k in
      if k.isMultiple(of: 2) { return Double.random(in: -range...range, using: &random) }
      let magnitude = Foundation.exp(Double.random(in: -46...Foundation.log(range), using: &random))
      return Bool.random(using: &random) ? magnitude : -magnitude
    }
  }

  @Test func expIsWithinTwoUlpsOfTheCLibrarys() {
    var worst = 0.0
    for x in arguments(range: 745, count: 500_000) {
      let a = -x.magnitude
      guard Foundation.exp(a) >= Double.leastNormalMagnitude else { continue }
      worst = max(worst, ulps(FastMath.exp(nonPositive: a), Foundation.exp(a)))
    }
    #expect(worst <= 2, "worst \(worst) ulp")
  }

  @Test func expUnderflowsAsTheCLibraryDoes() {
    for x in stride(from: -746.0, through: -700, by: 0.0625) {
      #expect(ulps(FastMath.exp(nonPositive: x), Foundation.exp(x)) <= 1, "exp(\(x))")
    }
    #expect(FastMath.exp(nonPositive: -1000) == 0)
    #expect(FastMath.exp(nonPositive: -.infinity) == 0)
    #expect(FastMath.exp(nonPositive: 0) == 1)
    #expect(FastMath.exp(nonPositive: .nan).isNaN)
  }

  @Test func sigmoidAndTanhAreWithinAFewUlpsOfTheCLibrarys() {
    var worstSigmoid = 0.0
    var worstTanh = 0.0
    for x in arguments(range: 40, count: 500_000) {
      let libmSigmoid =
        x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
      worstSigmoid = max(worstSigmoid, ulps(stableSigmoid(x), libmSigmoid))
      worstTanh = max(worstTanh, ulps(Activation.tanh(x), Foundation.tanh(x)))
    }
    #expect(worstSigmoid <= 3, "sigmoid: worst \(worstSigmoid) ulp")
    #expect(worstTanh <= 3, "tanh: worst \(worstTanh) ulp")
  }

  @Test func tanhKeepsItsSignAndNaN() {
    #expect(Activation.tanh(-0.0).sign == .minus)
    #expect(Activation.tanh(.infinity) == 1)
    #expect(Activation.tanh(-.infinity) == -1)
    #expect(Activation.tanh(.nan).isNaN)
    #expect(stableSigmoid(.nan).isNaN)
  }
}
