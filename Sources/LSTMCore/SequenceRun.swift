/// A sequence run through a model, keeping only the memories after each step.
///
/// A million-step sequence costs 16·n bytes a step, not a whole `StepTrace` a step. The full
/// trace of any one step is recomputed on demand by `step(at:)`, from the memories before it,
/// through the same code as every other trace, so it is bit for bit what a full run gives.
public struct SequenceRun: Sendable, Equatable {
  /// The model the sequence ran through.
  public let model: LSTMModel
  /// The sequence.
  public let sequence: InputSequence
  /// STM after each step, `hiddenSize` values a step, step 0 (all zeros) first: the STM of
  /// unit j after step t is at `t·hiddenSize + j`.
  public let stmValues: [Double]
  /// LTM after each step, laid out as `stmValues`.
  public let ltmValues: [Double]

  /// Runs `sequence` through `model` from zero memories.
  ///
  /// The sequence's input size must be the model's.
  public init(model: LSTMModel, sequence: InputSequence) {
    precondition(sequence.inputSize == model.inputSize)
    let n = model.hiddenSize
    self.init(
      model: model, sequence: sequence, kept: 0,
      stm: Array(repeating: 0, count: n), ltm: Array(repeating: 0, count: n))
  }

  /// Runs `sequence` through `model`, taking the memories of its first `kept` steps from
  /// `earlier` instead of recomputing them: `earlier` must be a run of the same model whose
  /// first `kept` inputs are the same as `sequence`'s (its later steps and inputs may differ).
  ///
  /// An edit of step k's input leaves steps 1…k − 1 as they were, so only steps k…T run: O(T − k)
  /// steps and a copy of the memories kept. The memories are bit for bit a run from zero.
  /// `kept` is taken within both sequences' lengths.
  public init(
    model: LSTMModel, sequence: InputSequence, keeping kept: Int, of earlier: SequenceRun
  ) {
    precondition(
      sequence.inputSize == model.inputSize && earlier.model.hiddenSize == model.hiddenSize)
    let n = model.hiddenSize
    let kept = min(max(kept, 0), earlier.count, sequence.count)
    // Room for every step at once, so that the memories kept are copied once.
    var stm = [Double]()
    var ltm = [Double]()
    stm.reserveCapacity((sequence.count + 1) * n)
    ltm.reserveCapacity((sequence.count + 1) * n)
    stm.append(contentsOf: earlier.stmValues[0..<(kept + 1) * n])
    ltm.append(contentsOf: earlier.ltmValues[0..<(kept + 1) * n])
    self.init(model: model, sequence: sequence, kept: kept, stm: stm, ltm: ltm)
  }

  /// Runs steps `kept + 1`…T of `sequence` on from `stm` and `ltm`, which hold the memories
  /// after steps 0…`kept`.
  private init(
    model: LSTMModel, sequence: InputSequence, kept: Int, stm: [Double], ltm: [Double]
  ) {
    let n = model.hiddenSize
    var stm = stm
    var ltm = ltm
    stm.reserveCapacity((sequence.count + 1) * n)
    ltm.reserveCapacity((sequence.count + 1) * n)
    if let scalarGates = model.scalarGates {
      // Only the memories are kept, so the scalar cell's step is taken on plain numbers.
      var memories = (stm: stm[kept], ltm: ltm[kept])
      for input in sequence.values[kept...] {
        let step = scalarGates.step(stm: memories.stm, ltm: memories.ltm, input: input)
        memories = (step.stm, step.ltm)
        stm.append(step.stm)
        ltm.append(step.ltm)
      }
    } else if kept == 0 {
      model.forEachStep(of: sequence) { trace in
        stm.append(contentsOf: trace.stm)
        ltm.append(contentsOf: trace.ltm)
      }
    } else {
      var trace = StepTrace(t: kept, inputSize: model.inputSize, hiddenSize: n)
      trace.stm = Array(stm[kept * n..<(kept + 1) * n])
      trace.ltm = Array(ltm[kept * n..<(kept + 1) * n])
      for t in stride(from: kept + 1, through: sequence.count, by: 1) {
        model.advance(&trace, input: sequence.input(at: t))
        stm.append(contentsOf: trace.stm)
        ltm.append(contentsOf: trace.ltm)
      }
    }
    self.model = model
    self.sequence = sequence
    stmValues = stm
    ltmValues = ltm
  }

  /// The number of timesteps T.
  public var count: Int { sequence.count }

  /// The memories after step `t` (0...T); `memories(after: 0)` is the zero start.
  public func memories(after t: Int) -> Memories {
    let range = t * model.hiddenSize..<(t + 1) * model.hiddenSize
    return Memories(stm: Array(stmValues[range]), ltm: Array(ltmValues[range]))
  }

  /// The STM of unit `unit` after step `t` (0...T).
  public func stm(after t: Int, unit: Int) -> Double {
    stmValues[t * model.hiddenSize + unit]
  }

  /// The LTM of unit `unit` after step `t` (0...T).
  public func ltm(after t: Int, unit: Int) -> Double {
    ltmValues[t * model.hiddenSize + unit]
  }

  /// Every number of step `t` (1...T), recomputed from the memories before it.
  public func step(at t: Int) -> StepTrace {
    model.step(input: sequence.input(at: t), from: memories(after: t - 1), t: t)
  }

  /// The prediction: the STM after the last step.
  public var prediction: [Double] { memories(after: count).stm }
}

extension LSTMModel {
  /// Calls `body` with the trace of each step of `sequence` in turn, from zero memories,
  /// reusing one buffer: the one loop that runs a sequence through the cell.
  ///
  /// This is how a whole trace is streamed: memory stays the same whatever the length, and
  /// nothing is allocated after the first step. `body` may stop the run by throwing; its error
  /// type is kept, so a run that looks for the first overflow throws its own error.
  @inlinable
  public func forEachStep<Failure: Error>(
    of sequence: InputSequence, _ body: (StepTrace) throws(Failure) -> Void
  ) throws(Failure) {
    var trace = StepTrace(t: 0, inputSize: inputSize, hiddenSize: hiddenSize)
    for t in stride(from: 1, through: sequence.count, by: 1) {
      advance(&trace, input: sequence.input(at: t))
      try body(trace)
    }
  }
}
