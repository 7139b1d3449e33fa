import CLSTMKernels

/// The two squashing functions of an LSTM cell.
public enum Activation: String, Sendable, Equatable {
  /// The sigmoid `σ(x) = eˣ/(eˣ+1)`, between 0 and 1: a "% of" something.
  case sigmoid
  /// The hyperbolic tangent, between -1 and 1: a "potential" memory.
  case tanh

  /// Applies the function to `x`: `stableSigmoid(x)`, or the cell's tanh (`lstmviz_tanh`).
  ///
  /// Both are the C functions of `CLSTMKernels` (Sources/CLSTMKernels/activation_formulas.h):
  /// within a few units in the last place of the C library's, exact at the extremes, and the same
  /// bits on every processor.
  @inline(__always)
  public func callAsFunction(_ x: Double) -> Double {
    switch self {
    case .sigmoid: lstmviz_sigmoid(x)
    case .tanh: lstmviz_tanh(x)
    }
  }

  /// Applies the function to each of `x`, writing `values` (as long as `x`): four at a time
  /// where the processor has AVX2, each the bits `callAsFunction` gives.
  func apply(to x: UnsafeBufferPointer<Double>, into values: UnsafeMutableBufferPointer<Double>) {
    precondition(values.count == x.count)
    guard let input = x.baseAddress, let output = values.baseAddress else { return }
    switch self {
    case .sigmoid: lstmviz_sigmoid_array(input, output, x.count)
    case .tanh: lstmviz_tanh_array(input, output, x.count)
    }
  }
}

/// The sigmoid `eˣ/(eˣ+1)`, computed without overflow.
///
/// The formula as written overflows for x > 709 and gives NaN. This splits on the sign, so that
/// the exponential is always of a non-positive number: σ(1000) is exactly 1, σ(-1000) exactly 0.
/// The exponential is the cell's own (`lstmviz_sigmoid`), within a few units in the last place
/// of the C library's.
@inline(__always)
public func stableSigmoid(_ x: Double) -> Double {
  lstmviz_sigmoid(x)
}
