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
      stmWeights: Matrix(rows: 1, columns: 1, storage: [stmWeight]),
      inputWeights: Matrix(rows: 1, columns: 1, storage: [inputWeight]), bias: [bias])
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
///
/// The weights can change (`setGate(_:to:)`, `setWeight(_:gate:part:row:column:)`), the sizes
/// cannot. Every change goes through a check of its shape and rebuilds what the step reads (the
/// scalar cell's twelve numbers, the packed weights), so those are always the gates' numbers.
public struct LSTMModel: Sendable, Equatable {
  /// The size m of each input.
  public let inputSize: Int
  /// The size n of the STM and the LTM.
  public let hiddenSize: Int
  /// Each gate's weights.
  public private(set) var gates: PerGate<GateWeights>
  /// The scalar cell's twelve numbers, read directly by its fast step (nil for a vector cell).
  private(set) var scalarGates: PerGate<ScalarGate>?
  /// The weights packed for summing sixteen units at once (what a vector cell's step reads).
  private(set) var packedWeights: PackedWeights

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
      try LSTMModel.check(gates[gate], of: gate, inputSize: inputSize, hiddenSize: hiddenSize)
    }
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.gates = gates
    (scalarGates, packedWeights) = LSTMModel.caches(
      of: gates, inputSize: inputSize, hiddenSize: hiddenSize)
  }

  /// The scalar teaching cell (n = m = 1), one `GateWeights(stmWeight:inputWeight:bias:)` a gate.
  public init(scalar gates: PerGate<GateWeights>) throws(ModelShapeError) {
    try self.init(inputSize: 1, hiddenSize: 1, gates: gates)
  }

  /// Whether this is the scalar teaching cell.
  public var isScalar: Bool { inputSize == 1 && hiddenSize == 1 }

  /// Replaces the weights of `gate`, which must fit the model's sizes.
  ///
  /// - Throws: `ModelShapeError` naming the part that does not fit; the model is then unchanged.
  public mutating func setGate(_ gate: Gate, to weights: GateWeights) throws(ModelShapeError) {
    try LSTMModel.check(weights, of: gate, inputSize: inputSize, hiddenSize: hiddenSize)
    gates[gate] = weights
    rebuildCaches()
  }

  /// Sets one number of `gate`: entry (`row`, `column`) of its `part` (the bias has column 0).
  ///
  /// - Throws: `ModelShapeError` if there is no such entry; the model is then unchanged.
  public mutating func setWeight(
    _ value: Double, gate: Gate, part: GateWeights.Part, row: Int, column: Int = 0
  ) throws(ModelShapeError) {
    var weights = gates[gate]
    try weights.set(value, part: part, row: row, column: column, gate: gate)
    try setGate(gate, to: weights)
  }

  /// Makes the step's caches agree with `gates` again.
  private mutating func rebuildCaches() {
    (scalarGates, packedWeights) = LSTMModel.caches(
      of: gates, inputSize: inputSize, hiddenSize: hiddenSize)
  }

  /// What the step reads, made from `gates`: the scalar cell's numbers (if n = m = 1), or the
  /// packed weights.
  private static func caches(
    of gates: PerGate<GateWeights>, inputSize: Int, hiddenSize: Int
  ) -> (PerGate<ScalarGate>?, PackedWeights) {
    let scalar = inputSize == 1 && hiddenSize == 1
    // The scalar step never reads packed weights, so none are made for it.
    return (
      scalar ? gates.map { _, weights in ScalarGate(weights) } : nil,
      scalar ? .none : PackedWeights(gates: gates, hiddenSize: hiddenSize, inputSize: inputSize)
    )
  }

  /// Checks that `weights`, the weights of `gate`, fit a cell of these sizes.
  private static func check(
    _ weights: GateWeights, of gate: Gate, inputSize: Int, hiddenSize: Int
  ) throws(ModelShapeError) {
    for part in GateWeights.Part.allCases {
      let (rows, columns) = weights.shape(of: part)
      let (wantRows, wantColumns) = part.shape(inputSize: inputSize, hiddenSize: hiddenSize)
      guard rows == wantRows, columns == wantColumns else {
        throw ModelShapeError(
          gate: gate, part: part.rawValue,
          message: "expected \(wantRows)×\(wantColumns), found \(rows)×\(columns)")
      }
    }
  }
}

extension LSTMModel: Hashable {
  /// Hashes the sizes and every weight (the caches follow from them).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(inputSize)
    hasher.combine(hiddenSize)
    for gate in Gate.allCases {
      hasher.combine(gates[gate].stmWeights.storage)
      hasher.combine(gates[gate].inputWeights.storage)
      hasher.combine(gates[gate].bias)
    }
  }
}

extension GateWeights {
  /// One of a gate's three arrays of numbers, named as `ModelShapeError.part` names it.
  public enum Part: String, Sendable, CaseIterable {
    /// `W_stm`, n×n.
    case stmWeights
    /// `W_in`, n×m.
    case inputWeights
    /// `b`, n×1.
    case bias

    /// The rows and columns this part has in a cell of these sizes.
    public func shape(inputSize: Int, hiddenSize: Int) -> (rows: Int, columns: Int) {
      switch self {
      case .stmWeights: (hiddenSize, hiddenSize)
      case .inputWeights: (hiddenSize, inputSize)
      case .bias: (hiddenSize, 1)
      }
    }
  }

  /// The rows and columns `part` has here (the bias is a column).
  public func shape(of part: Part) -> (rows: Int, columns: Int) {
    switch part {
    case .stmWeights: (stmWeights.rows, stmWeights.columns)
    case .inputWeights: (inputWeights.rows, inputWeights.columns)
    case .bias: (bias.count, 1)
    }
  }

  /// Entry (`row`, `column`) of `part` (the bias has column 0).
  public subscript(part: Part, row: Int, column: Int) -> Double {
    switch part {
    case .stmWeights: stmWeights[row, column]
    case .inputWeights: inputWeights[row, column]
    case .bias: bias[row]
    }
  }

  /// Sets entry (`row`, `column`) of `part` to `value`; `gate` names this gate in the error.
  mutating func set(
    _ value: Double, part: Part, row: Int, column: Int, gate: Gate
  ) throws(ModelShapeError) {
    let (rows, columns) = shape(of: part)
    guard (0..<rows).contains(row), (0..<columns).contains(column) else {
      throw ModelShapeError(
        gate: gate, part: part.rawValue,
        message: "no entry (\(row), \(column)) in a \(rows)×\(columns) matrix")
    }
    func setting(_ matrix: Matrix) -> Matrix {
      var storage = matrix.storage
      storage[row * matrix.columns + column] = value
      return Matrix(rows: matrix.rows, columns: matrix.columns, storage: storage)
    }
    switch part {
    case .stmWeights: stmWeights = setting(stmWeights)
    case .inputWeights: inputWeights = setting(inputWeights)
    case .bias: bias[row] = value
    }
  }
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
