/// A number of one step that is not finite, said without words: which gate's x in which unit,
/// or which new memory.
///
/// Only a gate's x can overflow (activations are bounded, so the memories grow at most by 1 a
/// step); the memories are checked so that nothing non-finite is ever shown.
package enum NonFiniteValue: Sendable, Equatable {
  /// `gate`'s x in `unit` (from 0) of `units`: not a number when `isNaN` (its terms overflow
  /// with opposite signs), else too large for a Double.
  case gateX(gate: Gate, unit: Int, units: Int, isNaN: Bool)
  /// The new LTM.
  case ltm
  /// The new STM.
  case stm
}

/// The first step of a sequence at which a cell gives a number that is not finite.
package struct StepOverflow: Error, Sendable, Equatable {
  /// The step, from 1.
  package var t: Int
  /// What is not finite.
  package var value: NonFiniteValue

  /// Makes an overflow at step `t`.
  package init(t: Int, value: NonFiniteValue) {
    self.t = t
    self.value = value
  }
}

extension StepTrace {
  /// The first number of this step that is not finite, or nil when every number is: the gates'
  /// x in gate order, then the new LTM, then the new STM.
  package var firstNonFinite: NonFiniteValue? {
    for gate in Gate.allCases {
      let x = gates[gate].x
      for (j, value) in x.enumerated() where !value.isFinite {
        return .gateX(gate: gate, unit: j, units: x.count, isNaN: value.isNaN)
      }
    }
    if ltm.contains(where: { !$0.isFinite }) { return .ltm }
    if stm.contains(where: { !$0.isFinite }) { return .stm }
    return nil
  }
}

extension LSTMModel {
  /// The first step of `sequence` that gives a number that is not finite, or nil when none
  /// does: finite weights and inputs can still overflow a gate's x (`1e308 · 10`).
  ///
  /// A sequence whose largest input `neverOverflows` clears costs one pass over its inputs. Any
  /// other is run through the cell (the allocation-free step every trace takes), to find the
  /// step that overflows, if one does.
  package func firstOverflow(on sequence: InputSequence) -> StepOverflow? {
    let largestInput = sequence.values.reduce(0) { max($0, $1.magnitude) }
    if neverOverflows(inputsWithin: largestInput) { return nil }
    do {
      try forEachStep(of: sequence) { (step) throws(StepOverflow) in
        if let value = step.firstNonFinite { throw StepOverflow(t: step.t, value: value) }
      }
      return nil
    } catch {
      return error
    }
  }

  /// Whether no step can give a number that is not finite while every input is within
  /// ±`inputBound`.
  ///
  /// Every STM is `o · tanh(c)`, within ±1, so a gate's |x| is at most `Σ|U| + Σ|W|·inputBound +
  /// |b|` along its row; the sums a step adds up stay below that bound (give or take rounding).
  /// When every row's bound is below 1e300, every x is finite, so every activation is, and the
  /// LTM grows by at most 1 a step. The bound is loose: a model that fails it may still never
  /// overflow, which only running it tells.
  package func neverOverflows(inputsWithin inputBound: Double) -> Bool {
    Gate.allCases.allSatisfy { gates[$0].neverOverflows(inputsWithin: inputBound) }
  }
}

/// The first x of the plain-RNN twin that is not finite: the step and the unit.
package struct RNNOverflow: Error, Sendable, Equatable {
  /// The step, from 1.
  package var t: Int
  /// The unit, from 0.
  package var unit: Int
  /// Whether x is not a number (its terms overflow with opposite signs) rather than too large.
  package var isNaN: Bool
}

extension RNNModel {
  /// The first step of `sequence` whose x is not finite, or nil when none is.
  ///
  /// The STM is a tanh, within ±1, so a sequence whose largest input `neverOverflows` clears
  /// costs one pass over its inputs; any other is run through the twin.
  package func firstOverflow(on sequence: InputSequence) -> RNNOverflow? {
    let largest = sequence.values.reduce(0) { max($0, $1.magnitude) }
    if neverOverflows(inputsWithin: largest) { return nil }
    var trace = RNNStepTrace(t: 0, inputSize: inputSize, hiddenSize: hiddenSize)
    for t in stride(from: 1, through: sequence.count, by: 1) {
      advance(&trace, input: sequence.input(at: t))
      if let j = trace.x.firstIndex(where: { !$0.isFinite }) {
        return RNNOverflow(t: t, unit: j, isNaN: trace.x[j].isNaN)
      }
    }
    return nil
  }

  /// Whether no x can overflow while every input is within ±`inputBound` (a loose bound: see
  /// `LSTMModel.neverOverflows`).
  package func neverOverflows(inputsWithin inputBound: Double) -> Bool {
    weights.neverOverflows(inputsWithin: inputBound)
  }
}

extension GateWeights {
  /// Whether no row's x can overflow while the STM is within ±1 and every input within
  /// ±`inputBound`: each row's `|b| + Σ|U| + Σ|W|·inputBound` stays below 1e300.
  func neverOverflows(inputsWithin inputBound: Double) -> Bool {
    for row in 0..<bias.count {
      var bound = bias[row].magnitude
      for column in 0..<stmWeights.columns { bound += stmWeights[row, column].magnitude }
      for column in 0..<inputWeights.columns {
        bound += inputWeights[row, column].magnitude * inputBound
      }
      guard bound <= 1e300 else { return false }
    }
    return true
  }
}
