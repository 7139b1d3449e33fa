import LSTMCore

/// A small deterministic generator, so every run measures the same numbers.
public struct SplitMix64: Sendable {
  private var state: UInt64

  /// Starts the sequence from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform value in [0, 1).
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }
}

/// A cell with PyTorch's default initialisation, U(-1/√n, 1/√n), from a fixed seed.
public func randomModel(hiddenSize n: Int, inputSize m: Int, seed: UInt64) -> LSTMModel {
  var random = SplitMix64(seed: seed)
  let bound = 1 / Double(n).squareRoot()
  func values(_ count: Int) -> [Double] {
    (0..<count).map { _ in (random.nextUnit() * 2 - 1) * bound }
  }
  let gates = PerGate { _ in
    GateWeights(
      stmWeights: Matrix(rows: n, columns: n, storage: values(n * n)),
      inputWeights: Matrix(rows: n, columns: m, storage: values(n * m)),
      bias: values(n))
  }
  do {
    return try LSTMModel(inputSize: m, hiddenSize: n, gates: gates)
  } catch {
    fatalError("benchmark model does not fit its sizes: \(error.message)")
  }
}

/// `steps` inputs of `inputSize` numbers each, uniform in [0, 1), from a fixed seed.
public func randomInputs(steps: Int, inputSize: Int = 1, seed: UInt64) -> [Double] {
  var random = SplitMix64(seed: seed)
  return (0..<steps * inputSize).map { _ in random.nextUnit() }
}
