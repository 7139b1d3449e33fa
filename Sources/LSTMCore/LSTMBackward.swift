extension SequenceRun {
  /// Backpropagation through time: every gradient of `objective` for this run, exact.
  ///
  /// Walks the steps from T back to 1 once, recomputing each forward step from the stored
  /// memories: O(T·n²) time, O(T·n) memory, nothing allocated per step. From `∂J/∂STM_T` (J's
  /// own gradient), for each step t and each unit:
  /// ```
  /// ∂J/∂LTM_t   = ∂J/∂LTM_{t+1}·f_{t+1} + ∂J/∂STM_t·o_t·(1 − tanh²(LTM_t))
  /// ∂J/∂o_t     = ∂J/∂STM_t·tanh(LTM_t)     ∂J/∂f_t = ∂J/∂LTM_t·LTM_{t−1}
  /// ∂J/∂i_t     = ∂J/∂LTM_t·g_t             ∂J/∂g_t = ∂J/∂LTM_t·i_t
  /// ∂J/∂x_t     = ∂J/∂(gate value)·σ'(x) or ·tanh'(x)
  /// ∂J/∂STM_{t−1} = Σ_gates W_stmᵀ·∂J/∂x_t   ∂J/∂input_t = Σ_gates W_inᵀ·∂J/∂x_t
  /// ```
  /// - Precondition: `objective.fits(hiddenSize: model.hiddenSize)`.
  public func gradients(of objective: Objective) -> LSTMGradients {
    gradients(of: objective, scalarShortcut: true)
  }

  /// `gradients(of:)`, with the scalar cell's shortcut on plain numbers or (for the tests that
  /// check the two agree bit for bit) through the vector cell's loop.
  func gradients(of objective: Objective, scalarShortcut: Bool) -> LSTMGradients {
    precondition(objective.fits(hiddenSize: model.hiddenSize))
    if scalarShortcut, let scalarGates = model.scalarGates {
      return scalarGradients(of: objective, scalarGates, keepingSteps: true)
    }
    return vectorGradients(of: objective)
  }

  /// J and ∂J/∂ each weight, summed over the steps: what training needs of `gradients(of:)`,
  /// the same numbers bit for bit. The scalar cell keeps none of its per-step gradients.
  ///
  /// - Precondition: `objective.fits(hiddenSize: model.hiddenSize)`.
  public func weightGradients(
    of objective: Objective
  ) -> (objectiveValue: Double, weights: PerGate<GateWeights>) {
    precondition(objective.fits(hiddenSize: model.hiddenSize))
    let gradients =
      model.scalarGates.map { scalarGradients(of: objective, $0, keepingSteps: false) }
      ?? vectorGradients(of: objective)
    return (gradients.objectiveValue, gradients.weightGradients)
  }

  /// The whole backward pass of the scalar cell, on plain numbers. The forward steps are
  /// recomputed a block at a time: every step's x needs only the stored memories, so each
  /// activation runs over a whole block at once (the same bits as one at a time).
  ///
  /// - Parameter keepingSteps: false to keep only J and the weight gradients: the per-step
  ///   arrays of the result are then empty, and only those two may be read.
  private func scalarGradients(
    of objective: Objective, _ weights: PerGate<ScalarGate>, keepingSteps keep: Bool
  ) -> LSTMGradients {
    let steps = count
    let inputs = sequence.values
    let kept = keep ? steps : 0
    var ltmGradients = [Double](repeating: 0, count: keep ? steps + 1 : 0)
    var stmGradients = ltmGradients
    var inputGradients = [Double](repeating: 0, count: kept)
    var xGradients = PerGate { _ in [Double](repeating: 0, count: kept) }
    var directPath = [Double](repeating: 1, count: keep ? steps + 1 : 0)
    var stmSums = (forget: 0.0, input: 0.0, candidate: 0.0, output: 0.0)
    var inputSums = stmSums
    var biasSums = stmSums
    let prediction = stmValues[steps...steps]
    var stmGradient = objective.stmGradient(unit: 0, prediction: prediction)
    if keep { stmGradients[steps] = stmGradient }
    var carried = 0.0
    var block = ScalarForwardBlock(steps: steps)
    var last = steps
    while last >= 1 {
      let first = max(1, last - block.capacity + 1)
      block.recompute(
        steps: first...last, weights, stm: stmValues, ltm: ltmValues, inputs: inputs)
      for t in stride(from: last, through: first, by: -1) {
        let values = block.values(step: t - first)
        let stmIn = stmValues[t - 1]
        let input = inputs[t - 1]
        let unit = UnitBackward(
          stm: stmGradient, carried: carried, forget: values.forget, input: values.input,
          candidate: values.candidate, output: values.output, ltmIn: ltmValues[t - 1],
          potential: values.potential)
        let x = unit.x
        if keep {
          ltmGradients[t] = unit.ltm
          xGradients.forget[t - 1] = x.forget
          xGradients.input[t - 1] = x.input
          xGradients.candidate[t - 1] = x.candidate
          xGradients.output[t - 1] = x.output
        }
        stmSums.forget += x.forget * stmIn
        stmSums.input += x.input * stmIn
        stmSums.candidate += x.candidate * stmIn
        stmSums.output += x.output * stmIn
        inputSums.forget += x.forget * input
        inputSums.input += x.input * input
        inputSums.candidate += x.candidate * input
        inputSums.output += x.output * input
        biasSums.forget += x.forget
        biasSums.input += x.input
        biasSums.candidate += x.candidate
        biasSums.output += x.output
        // Σ over the gates in their order, each a one-term sum from 0 as the vector loop adds.
        stmGradient =
          (((0 + x.forget * weights.forget.stmWeight) + (0 + x.input * weights.input.stmWeight))
            + (0 + x.candidate * weights.candidate.stmWeight))
          + (0 + x.output * weights.output.stmWeight)
        carried = unit.ltm * values.forget
        guard keep else { continue }
        stmGradients[t - 1] = stmGradient
        inputGradients[t - 1] =
          (((0 + x.forget * weights.forget.inputWeight)
            + (0 + x.input * weights.input.inputWeight))
            + (0 + x.candidate * weights.candidate.inputWeight))
          + (0 + x.output * weights.output.inputWeight)
        directPath[t - 1] = directPath[t] * values.forget
      }
      last = first - 1
    }
    if keep { ltmGradients[0] = carried }
    let weightGradients = PerGate<GateWeights>(
      forget: GateWeights(
        stmWeight: stmSums.forget, inputWeight: inputSums.forget, bias: biasSums.forget),
      input: GateWeights(
        stmWeight: stmSums.input, inputWeight: inputSums.input, bias: biasSums.input),
      candidate: GateWeights(
        stmWeight: stmSums.candidate, inputWeight: inputSums.candidate,
        bias: biasSums.candidate),
      output: GateWeights(
        stmWeight: stmSums.output, inputWeight: inputSums.output, bias: biasSums.output))
    return LSTMGradients(
      objective: objective, objectiveValue: objective.value(prediction: prediction),
      hiddenSize: 1, inputSize: 1, count: steps, ltmGradients: ltmGradients,
      stmGradients: stmGradients, inputGradients: inputGradients, xGradients: xGradients,
      directPathProducts: directPath, weightGradients: weightGradients)
  }
}

/// A block of the scalar cell's forward steps, recomputed from the stored memories: each gate's
/// x for every step, then each activation over the whole block.
struct ScalarForwardBlock {
  /// The most steps a block holds.
  static let largest = 512
  /// Steps per block: `largest`, or fewer for a shorter sequence (a training epoch runs short
  /// sequences many times, and the buffers are made for each).
  let capacity: Int
  /// x of forget, input, output (sigmoid), then candidate x and LTM (tanh): `capacity` each.
  private var x: [Double]
  /// The activations of `x`, laid out alike.
  private var activated: [Double]

  /// A block for a sequence of `steps` steps.
  init(steps: Int) {
    capacity = max(1, min(steps, ScalarForwardBlock.largest))
    x = [Double](repeating: 0, count: 5 * capacity)
    activated = x
  }

  /// Recomputes `steps` (at most `capacity` of them, 1-based) from `stm` and `ltm` (the run's
  /// memories, step 0 first) and `inputs`.
  mutating func recompute(
    steps: ClosedRange<Int>, _ weights: PerGate<ScalarGate>, stm: [Double], ltm: [Double],
    inputs: [Double]
  ) {
    for t in steps {
      let c = t - steps.lowerBound
      let stmIn = stm[t - 1]
      let input = inputs[t - 1]
      x[c] = weights.forget.x(stm: stmIn, input: input)
      x[capacity + c] = weights.input.x(stm: stmIn, input: input)
      x[2 * capacity + c] = weights.output.x(stm: stmIn, input: input)
      x[3 * capacity + c] = weights.candidate.x(stm: stmIn, input: input)
      x[4 * capacity + c] = ltm[t]
    }
    let used = steps.count
    x.withUnsafeBufferPointer { x in
      activated.withUnsafeMutableBufferPointer { activated in
        for segment in 0..<5 {
          let range = segment * capacity..<segment * capacity + used
          let activation: Activation = segment < 3 ? .sigmoid : .tanh
          activation.apply(
            to: UnsafeBufferPointer(rebasing: x[range]),
            into: UnsafeMutableBufferPointer(rebasing: activated[range]))
        }
      }
    }
  }

  /// The gate values and `tanh(LTM)` of the step at `offset` in the block.
  @inline(__always)
  func values(step offset: Int) -> (
    forget: Double, input: Double, candidate: Double, output: Double, potential: Double
  ) {
    return (
      activated[offset], activated[capacity + offset], activated[3 * capacity + offset],
      activated[2 * capacity + offset], activated[4 * capacity + offset]
    )
  }
}
