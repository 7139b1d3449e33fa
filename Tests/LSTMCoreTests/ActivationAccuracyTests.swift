import CLSTMKernels
import Foundation
import GoldenFixtures
import Testing

@testable import LSTMCore

/// The cell's own sigmoid and tanh against the C library's, which the golden traces (and
/// PyTorch) were made with: they may differ only in the last bits.
@Suite struct ActivationAccuracyTests {
  /// The distance between `a` and `b` in units in the last place of `b`.
  func ulps(_ a: Double, _ b: Double) -> Double {
    if a == b { return 0 }
    return (a - b).magnitude / b.ulp
  }

  @Test func sigmoidAndTanhAreWithinAFewUlpsOfTheCLibrarys() {
    var worstSigmoid = 0.0
    var worstTanh = 0.0
    for x in activationArguments(range: 40, count: 500_000) {
      let libmSigmoid =
        x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
      worstSigmoid = max(worstSigmoid, ulps(stableSigmoid(x), libmSigmoid))
      worstTanh = max(worstTanh, ulps(Activation.tanh(x), Foundation.tanh(x)))
    }
    #expect(worstSigmoid <= 3, "sigmoid: worst \(worstSigmoid) ulp")
    #expect(worstTanh <= 3, "tanh: worst \(worstTanh) ulp")
  }

  /// Far below 0, σ(x) = eˣ/(1 + eˣ) is eˣ itself: the exponential shows through, down to the
  /// numbers below the smallest normal one, which it must round once as the C library does.
  @Test func theExponentialUnderflowsAsTheCLibrarysDoes() {
    var worst = 0.0
    for x in activationArguments(range: 745, count: 200_000) where x < -40 {
      worst = max(worst, ulps(stableSigmoid(x), Foundation.exp(x)))
    }
    #expect(worst <= 2, "exp: worst \(worst) ulp")
    for x in stride(from: -746.0, through: -700, by: 0.0625) {
      #expect(ulps(stableSigmoid(x), Foundation.exp(x)) <= 1, "σ(\(x))")
    }
    #expect(stableSigmoid(-745) == .leastNonzeroMagnitude)
    #expect(stableSigmoid(-1000) == 0)
    #expect(stableSigmoid(-.infinity) == 0)
    #expect(stableSigmoid(.infinity) == 1)
  }

  @Test func tanhKeepsItsSignAndNaN() {
    #expect(Activation.tanh(-0.0).sign == .minus)
    #expect(Activation.tanh(.infinity) == 1)
    #expect(Activation.tanh(-.infinity) == -1)
    #expect(Activation.tanh(.nan).isNaN)
    #expect(stableSigmoid(.nan).isNaN)
  }
}

/// Whatever the processor, the activations give the same bits: the AVX2 arrays, the scalar
/// functions with the processor's fused multiply-add, and the portable copies with C's `fma()`.
@Suite struct ActivationPathTests {
  /// Both bit patterns equal, or both NaN.
  func same(_ a: Double, _ b: Double) -> Bool {
    a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
  }

  @Test func everyPathGivesTheSameBits() {
    let special: [Double] = [
      0, -0.0, 0.25, -0.25, 0.25.nextDown, 0.25.nextUp, 1e-300, -1e-300, .leastNonzeroMagnitude,
      709.78, -745.13,
      -746, -746.5, 744, 1000, -1000, .infinity, -.infinity, .nan, 19.06, 36.7, -36.7,
    ]
    var xs = special + activationArguments(range: 750, count: 300_000)
    xs += activationArguments(range: 1, count: 300_000)
    for (name, scalar, portable, array, portableArray) in [
      (
        "sigmoid", lstmviz_sigmoid, lstmviz_sigmoid_portable, lstmviz_sigmoid_array,
        lstmviz_sigmoid_array_portable
      ),
      (
        "tanh", lstmviz_tanh, lstmviz_tanh_portable, lstmviz_tanh_array, lstmviz_tanh_array_portable
      ),
    ] {
      var fast = [Double](repeating: 0, count: xs.count)
      var slow = fast
      array(xs, &fast, xs.count)
      portableArray(xs, &slow, xs.count)
      var differences = 0
      for (k, x) in xs.enumerated() {
        let reference = portable(x)
        if !same(scalar(x), reference) || !same(fast[k], reference) || !same(slow[k], reference) {
          differences += 1
          if differences <= 3 { Issue.record("\(name)(\(x)): paths differ") }
        }
      }
      #expect(differences == 0, "\(name): \(differences) arguments differ")
    }
  }

  /// The arrays take four at a time and the rest one by one: every length ends right.
  @Test func arraysOfEveryLengthAreFilledExactly() {
    let xs = activationArguments(range: 5, count: 11)
    for count in 0...11 {
      var values = [Double](repeating: 99, count: 12)
      lstmviz_tanh_array(xs, &values, count)
      #expect(values[..<count].elementsEqual(xs[..<count].map(lstmviz_tanh_portable)))
      #expect(values[count...].allSatisfy { $0 == 99 })
    }
  }
}

/// Random arguments: uniform over ±range and log-uniform magnitudes down to 1e-20.
func activationArguments(range: Double, count: Int) -> [Double] {
  var random = SplitMix(state: 6)
  return (0..<count).map { k in
    if k.isMultiple(of: 2) { return Double.random(in: -range...range, using: &random) }
    let magnitude = Foundation.exp(Double.random(in: -46...Foundation.log(range), using: &random))
    return Bool.random(using: &random) ? magnitude : -magnitude
  }
}
