/// One gate's part of a backward step, one value per unit.
public struct GateGradient: Sendable, Equatable {
  /// ∂J/∂(the gate's value): `∂J/∂STM_t·tanh(LTM_t)` for o, `∂J/∂LTM_t·LTM_{t−1}` for f,
  /// `∂J/∂LTM_t·g` for i, `∂J/∂LTM_t·i` for g.
  public var value: [Double]
  /// The slope of the gate's activation at its x: `σ(x)·(1 − σ(x))`, or `1 − tanh²(x)` for g.
  public var slope: [Double]
  /// ∂J/∂x: `value · slope`.
  public var x: [Double]

  /// Makes a gate's gradients from their values.
  public init(value: [Double], slope: [Double], x: [Double]) {
    self.value = value
    self.slope = slope
    self.x = x
  }
}

/// Every term of one step's backward formulas, one value per unit (per input for the input's).
///
/// For unit j of step t:
/// ```
/// ∂J/∂STM_t     = stmFromObjective (t = T) or Σ_gates of step t+1 (that step's stmInContributions)
/// ltmCarried    = ∂J/∂LTM_{t+1} · f_{t+1}                     (0 at t = T)
/// ltmThroughSTM = ∂J/∂STM_t · o_t · (1 − tanh²(LTM_t))
/// ∂J/∂LTM_t     = ltmCarried + ltmThroughSTM
/// gate g:         ∂J/∂x = ∂J/∂(value) · slope
/// stmIn         = ∂J/∂STM_{t−1} = Σ_gates W_stmᵀ·∂J/∂x      (stmInContributions, gate by gate)
/// input         = ∂J/∂input_t  = Σ_gates W_inᵀ·∂J/∂x        (inputContributions, gate by gate)
/// ```
/// Made by `SequenceRun.backwardStep(at:of:)`; every number is bit for bit the one stored in
/// `LSTMGradients`.
public struct BackwardStep: Sendable, Equatable {
  /// The timestep, counting from 1.
  public var t: Int
  /// The forward step t, every number.
  public var forward: StepTrace
  /// The gradient J itself puts on STM_t: `∂J/∂STM_T` at the last step, zeros before it.
  public var stmFromObjective: [Double]
  /// ∂J/∂STM_t (total, the STM after step t).
  public var stm: [Double]
  /// ∂J/∂LTM_{t+1} (zeros at t = T).
  public var ltmNext: [Double]
  /// The next step's forget gate value f_{t+1} (zeros at t = T, where there is no next step).
  public var forgetNext: [Double]
  /// `∂J/∂LTM_{t+1} · f_{t+1}`: the gradient the LTM line carries back from the next step.
  public var ltmCarried: [Double]
  /// `∂J/∂STM_t · o_t · (1 − tanh²(LTM_t))`: the gradient reaching LTM_t through this step's STM.
  public var ltmThroughSTM: [Double]
  /// ∂J/∂LTM_t (total, the LTM after step t): `ltmCarried + ltmThroughSTM`.
  public var ltm: [Double]
  /// Each gate's ∂J/∂value, slope and ∂J/∂x.
  public var gates: PerGate<GateGradient>
  /// Each gate's `W_stmᵀ·∂J/∂x`: its part of ∂J/∂STM_{t−1} (n values).
  public var stmInContributions: PerGate<[Double]>
  /// ∂J/∂STM_{t−1}: the four contributions added in gate order.
  public var stmIn: [Double]
  /// Each gate's `W_inᵀ·∂J/∂x`: its part of ∂J/∂input_t (m values).
  public var inputContributions: PerGate<[Double]>
  /// ∂J/∂input_t: the four contributions added in gate order.
  public var input: [Double]
  /// `∏_{k=t+1..T} f_k`, the LTM's direct path from this step to the end (1 at t = T).
  public var directPathProduct: [Double]
}

extension SequenceRun {
  /// Every term of step `t`'s (1...T) backward formulas, recomputed in O(n²) from `gradients`
  /// (this run's, from `gradients(of:)`) and the forward steps t and t + 1.
  public func backwardStep(at t: Int, of gradients: LSTMGradients) -> BackwardStep {
    precondition(gradients.count == count && gradients.hiddenSize == model.hiddenSize)
    precondition(t >= 1 && t <= count)
    let n = model.hiddenSize
    let m = model.inputSize
    let forward = step(at: t)
    let zeros = [Double](repeating: 0, count: n)
    let memory = t * n..<(t + 1) * n
    let stm = Array(gradients.stmGradients[memory])
    var stmFromObjective = zeros
    var ltmNext = zeros
    var forgetNext = zeros
    var ltmCarried = zeros
    if t == count {
      let prediction = stmValues[memory]
      for j in 0..<n {
        stmFromObjective[j] = gradients.objective.stmGradient(unit: j, prediction: prediction)
      }
    } else {
      forgetNext = step(at: t + 1).gates.forget.value
      for j in 0..<n {
        ltmNext[j] = gradients.ltmGradients[(t + 1) * n + j]
        ltmCarried[j] = ltmNext[j] * forgetNext[j]
      }
    }
    var ltmThroughSTM = zeros
    var ltm = zeros
    var gates = PerGate { _ in GateGradient(value: zeros, slope: zeros, x: zeros) }
    for j in 0..<n {
      let unit = UnitBackward(
        stm: stm[j], carried: ltmCarried[j], forget: forward.gates.forget.value[j],
        input: forward.gates.input.value[j], candidate: forward.gates.candidate.value[j],
        output: forward.gates.output.value[j], ltmIn: forward.ltmIn[j],
        potential: forward.stmPotential[j])
      ltmThroughSTM[j] = unit.throughSTM
      ltm[j] = unit.ltm
      let parts: [(Gate, Double, Double, Double)] = [
        (.forget, unit.value.forget, unit.slope.forget, unit.x.forget),
        (.input, unit.value.input, unit.slope.input, unit.x.input),
        (.candidate, unit.value.candidate, unit.slope.candidate, unit.x.candidate),
        (.output, unit.value.output, unit.slope.output, unit.x.output),
      ]
      for (gate, value, slope, x) in parts {
        gates[gate].value[j] = value
        gates[gate].slope[j] = slope
        gates[gate].x[j] = x
      }
    }
    let stmInContributions = gates.map { gate, gradient in
      backContributions(gradient.x, model.gates[gate].stmWeights)
    }
    let inputContributions = gates.map { gate, gradient in
      backContributions(gradient.x, model.gates[gate].inputWeights)
    }
    return BackwardStep(
      t: t, forward: forward, stmFromObjective: stmFromObjective, stm: stm, ltmNext: ltmNext,
      forgetNext: forgetNext, ltmCarried: ltmCarried, ltmThroughSTM: ltmThroughSTM, ltm: ltm,
      gates: gates, stmInContributions: stmInContributions,
      stmIn: sumInGateOrder(stmInContributions, count: n), inputContributions: inputContributions,
      input: sumInGateOrder(inputContributions, count: m),
      directPathProduct: Array(gradients.directPathProducts[memory]))
  }
}

/// `Wᵀ·gradients`, each entry summed over the rows in order from 0 (as `addBack` adds).
func backContributions(_ gradients: [Double], _ weights: Matrix) -> [Double] {
  var out = [Double](repeating: 0, count: weights.columns)
  gradients.withUnsafeBufferPointer { gradients in
    weights.storage.withUnsafeBufferPointer { weights in
      out.withUnsafeMutableBufferPointer { out in addBack(gradients, weights, into: out) }
    }
  }
  return out
}

/// The four gates' vectors added entry by entry, in gate order.
func sumInGateOrder(_ parts: PerGate<[Double]>, count: Int) -> [Double] {
  (0..<count).map { k in
    ((parts.forget[k] + parts.input[k]) + parts.candidate[k]) + parts.output[k]
  }
}
