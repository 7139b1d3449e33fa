// One timestep of the cell: the seed's equations, for the vector cell and the scalar one.

extension LSTMModel {
  /// Runs one timestep from `memories` on `input`, keeping every intermediate value.
  ///
  /// `input` must hold `inputSize` values and `memories` `hiddenSize` each.
  public func step(input: ArraySlice<Double>, from memories: Memories, t: Int) -> StepTrace {
    var trace = StepTrace(t: t, inputSize: inputSize, hiddenSize: hiddenSize)
    trace.input = Array(input)
    trace.stmIn = memories.stm
    trace.ltmIn = memories.ltm
    compute(&trace)
    return trace
  }

  /// Moves `trace` on to the next timestep with `input`, reusing its storage.
  ///
  /// The new step's memories in are the old step's memories out. Nothing is allocated.
  public func advance(_ trace: inout StepTrace, input: ArraySlice<Double>) {
    if let scalarGates {
      advanceScalar(&trace, input: input[input.startIndex], scalarGates)
      return
    }
    swap(&trace.stmIn, &trace.stm)
    swap(&trace.ltmIn, &trace.ltm)
    trace.t += 1
    for (k, value) in zip(trace.input.indices, input) {
      trace.input[k] = value
    }
    compute(&trace)
  }

  /// Fills in every computed field of `trace` from its input, STM in and LTM in.
  ///
  /// For each unit j this is the seed's three stages:
  /// ```
  /// remembered LTM = σ(x_f) · LTM
  /// added LTM      = σ(x_i) · tanh(x_g)
  /// new LTM        = remembered LTM + added LTM
  /// potential STM  = tanh(new LTM)
  /// new STM        = σ(x_o) · potential STM
  /// ```
  ///
  /// Two layouts of the same arithmetic, bit for bit: the scalar cell reads its twelve weights
  /// directly; a vector cell sums sixteen units at once through `PackedWeights`.
  private func compute(_ trace: inout StepTrace) {
    if let scalarGates {
      computeScalar(&trace, scalarGates)
      return
    }
    for (g, gate) in Gate.allCases.enumerated() {
      // The gate's arrays are moved out and back, so writing them copies nothing.
      var activity = GateActivity(x: [], value: [])
      swap(&activity, &trace.gates[gate])
      trace.stmIn.withUnsafeBufferPointer { stm in
        trace.input.withUnsafeBufferPointer { input in
          activity.x.withUnsafeMutableBufferPointer { x in
            packedWeights.preActivations(
              ofGate: g, bias: gates[gate].bias, stm: stm, input: input, into: x)
          }
        }
      }
      activity.x.withUnsafeBufferPointer { x in
        activity.value.withUnsafeMutableBufferPointer { values in
          gate.activation.apply(to: x, into: values)
        }
      }
      swap(&activity, &trace.gates[gate])
    }
    for j in 0..<hiddenSize {
      trace.ltmRemembered[j] = trace.gates.forget.value[j] * trace.ltmIn[j]
      trace.ltmAdded[j] = trace.gates.input.value[j] * trace.gates.candidate.value[j]
      trace.ltm[j] = trace.ltmRemembered[j] + trace.ltmAdded[j]
    }
    trace.ltm.withUnsafeBufferPointer { ltm in
      trace.stmPotential.withUnsafeMutableBufferPointer { potential in
        Activation.tanh.apply(to: ltm, into: potential)
      }
    }
    for j in 0..<hiddenSize {
      trace.stm[j] = trace.gates.output.value[j] * trace.stmPotential[j]
    }
  }

  /// `advance` for the scalar cell: the old step's memories are read as numbers and every
  /// field is written once, with no swapping of arrays and no loop over the input.
  private func advanceScalar(
    _ trace: inout StepTrace, input: Double, _ weights: PerGate<ScalarGate>
  ) {
    let stm = trace.stm[0]
    let ltm = trace.ltm[0]
    trace.t += 1
    trace.input[0] = input
    trace.stmIn[0] = stm
    trace.ltmIn[0] = ltm
    write(weights.step(stm: stm, ltm: ltm, input: input), into: &trace)
  }

  /// `compute` for the scalar cell: the same formulas on plain numbers.
  private func computeScalar(_ trace: inout StepTrace, _ weights: PerGate<ScalarGate>) {
    let step = weights.step(stm: trace.stmIn[0], ltm: trace.ltmIn[0], input: trace.input[0])
    write(step, into: &trace)
  }

  /// Writes every number of a scalar step into the one-element arrays of `trace`.
  @inline(__always)
  private func write(_ step: ScalarStep, into trace: inout StepTrace) {
    trace.gates.forget.x[0] = step.forgetX
    trace.gates.forget.value[0] = step.forget
    trace.gates.input.x[0] = step.inputX
    trace.gates.input.value[0] = step.retained
    trace.gates.candidate.x[0] = step.candidateX
    trace.gates.candidate.value[0] = step.potentialLTM
    trace.gates.output.x[0] = step.outputX
    trace.gates.output.value[0] = step.output
    trace.ltmRemembered[0] = step.remembered
    trace.ltmAdded[0] = step.added
    trace.ltm[0] = step.ltm
    trace.stmPotential[0] = step.potentialSTM
    trace.stm[0] = step.stm
  }
}

/// Every number of one step of the scalar cell.
struct ScalarStep {
  var forgetX, forget, inputX, retained, candidateX, potentialLTM, outputX, output: Double
  var remembered, added, ltm, potentialSTM, stm: Double
}

extension PerGate where Value == ScalarGate {
  /// One step of the scalar cell from `stm`, `ltm` and `input`: the seed's three stages.
  @inline(__always)
  func step(stm: Double, ltm: Double, input: Double) -> ScalarStep {
    let forgetX = forget.x(stm: stm, input: input)
    let inputX = self.input.x(stm: stm, input: input)
    let candidateX = candidate.x(stm: stm, input: input)
    let outputX = output.x(stm: stm, input: input)
    let forget = Gate.forget.activation(forgetX)
    let retained = Gate.input.activation(inputX)
    let potentialLTM = Gate.candidate.activation(candidateX)
    let output = Gate.output.activation(outputX)
    let remembered = forget * ltm
    let added = retained * potentialLTM
    let newLTM = remembered + added
    let potentialSTM = Activation.tanh(newLTM)
    return ScalarStep(
      forgetX: forgetX, forget: forget, inputX: inputX, retained: retained,
      candidateX: candidateX, potentialLTM: potentialLTM, outputX: outputX, output: output,
      remembered: remembered, added: added, ltm: newLTM, potentialSTM: potentialSTM,
      stm: output * potentialSTM)
  }
}
