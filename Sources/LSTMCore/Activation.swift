/// The two squashing functions of an LSTM cell.
public enum Activation: String, Sendable, Equatable {
  /// The sigmoid `σ(x) = eˣ/(eˣ+1)`, between 0 and 1: a "% of" something.
  case sigmoid
  /// The hyperbolic tangent, between -1 and 1: a "potential" memory.
  case tanh

  /// The symbol shown on screen: `σ` or `tanh`.
  public var symbol: String {
    switch self {
    case .sigmoid: "σ"
    case .tanh: "tanh"
    }
  }

  /// Applies the function to `x`: `stableSigmoid(x)` or `FastMath.tanh(x)`.
  @inlinable @inline(__always)
  public func callAsFunction(_ x: Double) -> Double {
    switch self {
    case .sigmoid: stableSigmoid(x)
    case .tanh: FastMath.tanh(x)
    }
  }
}

/// The sigmoid `eˣ/(eˣ+1)`, computed without overflow.
///
/// The formula as written overflows for x > 709 and gives NaN. This splits on the sign, so that
/// the exponential is always of a non-positive number: σ(1000) is exactly 1, σ(-1000) exactly 0.
/// The exponential is `FastMath`'s, within a few units in the last place of the C library's.
@inlinable @inline(__always)
public func stableSigmoid(_ x: Double) -> Double {
  FastMath.sigmoid(x)
}
