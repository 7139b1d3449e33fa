/// The weights of one gate: `x = W_stm·STM + W_in·input + b`, one row per hidden unit.
public struct GateWeights: Sendable, Equatable {
  /// The weights on the STM coming in (n×n). In the scalar cell, the seed's "STM weight".
  public var stmWeights: Matrix
  /// The weights on the input (n×m). In the scalar cell, the seed's "input weight".
  public var inputWeights: Matrix
  /// The bias (n).
  public var bias: [Double]

  /// Makes a gate from its matrices and bias.
  public init(stmWeights: Matrix, inputWeights: Matrix, bias: [Double]) {
    self.stmWeights = stmWeights
    self.inputWeights = inputWeights
    self.bias = bias
  }

  /// A scalar gate: `x = STM·stmWeight + input·inputWeight + bias`.
  public init(stmWeight: Double, inputWeight: Double, bias: Double) {
    self.init(
      stmWeights: Matrix([[stmWeight]]), inputWeights: Matrix([[inputWeight]]), bias: [bias])
  }

  /// The STM's part of unit `unit`'s x: `W_stm[unit]·STM` (the scalar cell's `STM·w`).
  @inlinable
  public func stmTerm(unit: Int, stm: ArraySlice<Double>) -> Double {
    stmWeights.dot(row: unit, stm)
  }

  /// The input's part of unit `unit`'s x: `W_in[unit]·input` (the scalar cell's `input·w`).
  @inlinable
  public func inputTerm(unit: Int, input: ArraySlice<Double>) -> Double {
    inputWeights.dot(row: unit, input)
  }

  /// Unit `unit`'s pre-activation `x = STM·w + input·w + b`, summed in that order.
  @inlinable
  public func x(unit: Int, stm: ArraySlice<Double>, input: ArraySlice<Double>) -> Double {
    stmTerm(unit: unit, stm: stm) + inputTerm(unit: unit, input: input) + bias[unit]
  }
}

/// An LSTM cell's weights: hidden size n, input size m, and four gates.
///
/// This is PyTorch's `nn.LSTM` for one layer; the scalar teaching cell is n = m = 1.
public struct LSTMModel: Sendable, Equatable {
  /// The size m of each input.
  public let inputSize: Int
  /// The size n of the STM and the LTM.
  public let hiddenSize: Int
  /// Each gate's weights.
  public let gates: PerGate<GateWeights>
  /// The scalar cell's twelve numbers, read directly by its fast step (nil for a vector cell).
  let scalarGates: PerGate<ScalarGate>?
  /// The weights packed for summing sixteen units at once (what a vector cell's step reads).
  let packedWeights: PackedWeights

  /// Makes a model, checking that every matrix fits the sizes.
  ///
  /// - Throws: `ModelShapeError` naming the gate and the part that does not fit.
  public init(inputSize: Int, hiddenSize: Int, gates: PerGate<GateWeights>) throws(ModelShapeError)
  {
    guard inputSize >= 1, hiddenSize >= 1 else {
      throw ModelShapeError(
        gate: nil, part: "size",
        message: "input size and hidden size must be at least 1, got \(inputSize) and \(hiddenSize)"
      )
    }
    for gate in Gate.allCases {
      let weights = gates[gate]
      let checks: [(String, Int, Int, Int, Int)] = [
        ("stmWeights", weights.stmWeights.rows, weights.stmWeights.columns, hiddenSize, hiddenSize),
        (
          "inputWeights", weights.inputWeights.rows, weights.inputWeights.columns, hiddenSize,
          inputSize
        ),
        ("bias", weights.bias.count, 1, hiddenSize, 1),
      ]
      for (part, rows, columns, wantRows, wantColumns) in checks
      where rows != wantRows || columns != wantColumns {
        throw ModelShapeError(
          gate: gate, part: part,
          message: "expected \(wantRows)×\(wantColumns), found \(rows)×\(columns)")
      }
    }
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.gates = gates
    scalarGates =
      inputSize == 1 && hiddenSize == 1 ? gates.map { _, weights in ScalarGate(weights) } : nil
    packedWeights = PackedWeights(gates: gates, hiddenSize: hiddenSize, inputSize: inputSize)
  }

  /// The scalar teaching cell (n = m = 1), one `GateWeights(stmWeight:inputWeight:bias:)` a gate.
  public init(scalar gates: PerGate<GateWeights>) throws(ModelShapeError) {
    try self.init(inputSize: 1, hiddenSize: 1, gates: gates)
  }

  /// Whether this is the scalar teaching cell.
  public var isScalar: Bool { inputSize == 1 && hiddenSize == 1 }
}

/// One gate of the scalar cell: `x = STM·stmWeight + input·inputWeight + bias`.
struct ScalarGate: Sendable, Equatable {
  /// The weight on the STM.
  let stmWeight: Double
  /// The weight on the input.
  let inputWeight: Double
  /// The bias.
  let bias: Double

  /// The 1×1 gate `weights` as three numbers.
  init(_ weights: GateWeights) {
    stmWeight = weights.stmWeights[0, 0]
    inputWeight = weights.inputWeights[0, 0]
    bias = weights.bias[0]
  }

  /// `x`, added up exactly as `GateWeights.x` adds it: each term is a sum that starts from 0.
  @inline(__always)
  func x(stm: Double, input: Double) -> Double {
    (0 + stmWeight * stm) + (0 + inputWeight * input) + bias
  }
}

/// A model whose matrices don't fit its sizes.
public struct ModelShapeError: Error, Equatable, Sendable {
  /// The gate at fault, if one is.
  public var gate: Gate?
  /// The part at fault: `stmWeights`, `inputWeights`, `bias` or `size`.
  public var part: String
  /// What is wrong, for a person.
  public var message: String
}
