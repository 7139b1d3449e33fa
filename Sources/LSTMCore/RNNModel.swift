/// A plain recurrent cell, the LSTM's twin without gates: `STM_t = tanh(x_t)` with
/// `x_t = W_stm·STM_{t−1} + W_in·input_t + b`, from STM_0 = 0.
///
/// This is PyTorch's `nn.RNN` (tanh) for one layer; its two biases add. The scalar twin is
/// n = m = 1: `STM_t = tanh(stmWeight·STM_{t−1} + inputWeight·input_t + bias)`.
public struct RNNModel: Sendable, Equatable {
  /// The size m of each input.
  public let inputSize: Int
  /// The size n of the STM (the hidden state h).
  public let hiddenSize: Int
  /// The weights: `stmWeights` n×n, `inputWeights` n×m, `bias` n; x is summed as a gate's is.
  /// They change through `setWeight(_:part:row:column:)`, the sizes never.
  public private(set) var weights: GateWeights

  /// Makes a model, checking that every matrix fits the sizes.
  ///
  /// - Throws: `ModelShapeError` (with no gate) naming the part that does not fit.
  public init(inputSize: Int, hiddenSize: Int, weights: GateWeights) throws(ModelShapeError) {
    guard inputSize >= 1, hiddenSize >= 1 else {
      throw ModelShapeError(
        gate: nil, part: "size",
        message: "input size and hidden size must be at least 1, got \(inputSize) and \(hiddenSize)"
      )
    }
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
        gate: nil, part: part,
        message: "expected \(wantRows)×\(wantColumns), found \(rows)×\(columns)")
    }
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.weights = weights
  }

  /// The scalar twin (n = m = 1) from its three numbers.
  public init(stmWeight: Double, inputWeight: Double, bias: Double) {
    inputSize = 1
    hiddenSize = 1
    weights = GateWeights(stmWeight: stmWeight, inputWeight: inputWeight, bias: bias)
  }

  /// Whether this is the scalar twin.
  public var isScalar: Bool { inputSize == 1 && hiddenSize == 1 }

  /// Sets entry (`row`, `column`) of `part` (the bias has column 0) to `value`.
  ///
  /// - Throws: `ModelShapeError` (with no gate) if there is no such entry; the model is then
  ///   unchanged.
  public mutating func setWeight(
    _ value: Double, part: GateWeights.Part, row: Int, column: Int = 0
  ) throws(ModelShapeError) {
    var changed = weights
    do {
      try changed.set(value, part: part, row: row, column: column, gate: .input)
    } catch {
      throw ModelShapeError(gate: nil, part: error.part, message: error.message)
    }
    weights = changed
  }

  /// Runs one timestep from `stm` on `input`, keeping x.
  ///
  /// `input` must hold `inputSize` values and `stm` `hiddenSize`.
  public func step(input: ArraySlice<Double>, from stm: ArraySlice<Double>, t: Int) -> RNNStepTrace
  {
    var trace = RNNStepTrace(t: t, inputSize: inputSize, hiddenSize: hiddenSize)
    for (k, value) in zip(trace.input.indices, input) {
      trace.input[k] = value
    }
    for (j, value) in zip(trace.stmIn.indices, stm) {
      trace.stmIn[j] = value
    }
    compute(&trace)
    return trace
  }

  /// Moves `trace` on to the next timestep with `input`, reusing its storage: nothing is
  /// allocated.
  public func advance(_ trace: inout RNNStepTrace, input: ArraySlice<Double>) {
    swap(&trace.stmIn, &trace.stm)
    trace.t += 1
    for (k, value) in zip(trace.input.indices, input) {
      trace.input[k] = value
    }
    compute(&trace)
  }

  /// Fills in x and the new STM of `trace` from its input and STM in.
  private func compute(_ trace: inout RNNStepTrace) {
    for j in 0..<hiddenSize {
      let x = weights.x(unit: j, stm: trace.stmIn[...], input: trace.input[...])
      trace.x[j] = x
      trace.stm[j] = Activation.tanh(x)
    }
  }
}

/// Every number of one timestep of the plain RNN.
public struct RNNStepTrace: Sendable, Equatable {
  /// The timestep, counting from 1.
  public var t: Int
  /// The input value(s), m of them.
  public var input: [Double]
  /// The STM coming in (h at t − 1).
  public var stmIn: [Double]
  /// The pre-activation `x = STM·w + input·w + b`, one per unit.
  public var x: [Double]
  /// The new STM: `tanh(x)`.
  public var stm: [Double]

  /// Makes a trace of the right sizes, all zero, for timestep `t`.
  public init(t: Int, inputSize: Int, hiddenSize: Int) {
    let zeros = [Double](repeating: 0, count: hiddenSize)
    self.t = t
    input = [Double](repeating: 0, count: inputSize)
    stmIn = zeros
    x = zeros
    stm = zeros
  }
}

/// A sequence run through a plain RNN, keeping only the STM after each step; any step is
/// recomputed on demand by `step(at:)`, bit for bit.
public struct RNNRun: Sendable, Equatable {
  /// The model the sequence ran through.
  public let model: RNNModel
  /// The sequence.
  public let sequence: InputSequence
  /// STM after each step, `hiddenSize` values a step, step 0 (all zeros) first: unit j after
  /// step t is at `t·hiddenSize + j`.
  public let stmValues: [Double]

  /// Runs `sequence` through `model` from a zero STM. The sequence's input size must be the
  /// model's.
  public init(model: RNNModel, sequence: InputSequence) {
    precondition(sequence.inputSize == model.inputSize)
    let n = model.hiddenSize
    var stm = [Double]()
    stm.reserveCapacity((sequence.count + 1) * n)
    stm.append(contentsOf: repeatElement(0, count: n))
    var trace = RNNStepTrace(t: 0, inputSize: model.inputSize, hiddenSize: n)
    for t in stride(from: 1, through: sequence.count, by: 1) {
      model.advance(&trace, input: sequence.input(at: t))
      stm.append(contentsOf: trace.stm)
    }
    self.model = model
    self.sequence = sequence
    stmValues = stm
  }

  /// The number of timesteps T.
  public var count: Int { sequence.count }

  /// The STM after step `t` (0...T).
  public func stm(after t: Int) -> ArraySlice<Double> {
    stmValues[t * model.hiddenSize..<(t + 1) * model.hiddenSize]
  }

  /// The STM of unit `unit` after step `t` (0...T).
  public func stm(after t: Int, unit: Int) -> Double {
    stmValues[t * model.hiddenSize + unit]
  }

  /// Every number of step `t` (1...T), recomputed from the STM before it.
  public func step(at t: Int) -> RNNStepTrace {
    model.step(input: sequence.input(at: t), from: stm(after: t - 1), t: t)
  }

  /// The prediction: the STM after the last step.
  public var prediction: [Double] { Array(stm(after: count)) }
}
