import GoldenFixtures
import Testing

@testable import LSTMCore

/// A random cell, sequence and objectives, made from a seed so that any failure replays.
struct RandomCase: CustomStringConvertible {
  let seed: UInt64
  let hiddenSize: Int
  let inputSize: Int
  let steps: Int
  /// How large the weights are: from 0.3 (gentle) to 8 (most gates saturated).
  let scale: Double
  /// Each of `gateCount` blocks: STM weights n×n, input weights n×m, bias n, row by row.
  let parameters: [Double]
  let inputs: [Double]
  let target: [Double]
  let unit: Int

  init(seed: UInt64, gateCount: Int) {
    var random = SplitMix(state: seed)
    self.seed = seed
    hiddenSize = Int.random(in: 1...8, using: &random)
    inputSize = Int.random(in: 1...4, using: &random)
    steps = Int.random(in: 1...10, using: &random)
    let scale = [0.3, 1.0, 2.5, 8.0][Int.random(in: 0...3, using: &random)]
    self.scale = scale
    let perGate = hiddenSize * (hiddenSize + inputSize + 1)
    parameters = (0..<gateCount * perGate).map { _ in
      Double.random(in: -scale...scale, using: &random)
    }
    inputs = (0..<steps * inputSize).map { _ in Double.random(in: -1.5...1.5, using: &random) }
    target = (0..<hiddenSize).map { _ in Double.random(in: -1...1, using: &random) }
    unit = Int.random(in: 0..<hiddenSize, using: &random)
  }

  var description: String {
    "seed \(seed): n = \(hiddenSize), m = \(inputSize), T = \(steps), weights within ±\(scale)"
  }

  var objectives: [Objective] { [.prediction(unit: unit), .loss(target: target)] }

  func sequence(_ inputs: [Double]) -> InputSequence {
    InputSequence(name: "random", inputSize: inputSize, values: inputs)
  }

  /// Gate k's weights from `parameters`.
  func weights(_ parameters: [Double], block k: Int) -> GateWeights {
    let n = hiddenSize
    let m = inputSize
    let start = k * n * (n + m + 1)
    return GateWeights(
      stmWeights: Matrix(rows: n, columns: n, storage: Array(parameters[start..<start + n * n])),
      inputWeights: Matrix(
        rows: n, columns: m, storage: Array(parameters[start + n * n..<start + n * (n + m)])),
      bias: Array(parameters[start + n * (n + m)..<start + n * (n + m + 1)]))
  }

  func lstm(_ parameters: [Double]) throws -> LSTMModel {
    try LSTMModel(
      inputSize: inputSize, hiddenSize: hiddenSize,
      gates: PerGate { gate in
        weights(parameters, block: Gate.allCases.firstIndex(of: gate) ?? 0)
      })
  }

  func rnn(_ parameters: [Double]) throws -> RNNModel {
    try RNNModel(
      inputSize: inputSize, hiddenSize: hiddenSize, weights: weights(parameters, block: 0))
  }
}

/// Weight gradients laid out as `RandomCase.parameters`.
func flattened(_ weights: GateWeights) -> [Double] {
  weights.stmWeights.storage + weights.inputWeights.storage + weights.bias
}

/// The central difference `(J(v + h) − J(v − h)) / 2h` of `objective` along entry `index`.
func centralDifference(
  _ values: [Double], at index: Int, _ objective: ([Double]) throws -> Double
) rethrows -> Double {
  let h = 1e-6 * max(1, abs(values[index]))
  var up = values
  var down = values
  up[index] += h
  down[index] -= h
  return (try objective(up) - objective(down)) / (up[index] - down[index])
}

/// Expects an exact gradient to agree with a central difference: relatively, with a floor for
/// gradients near 0 that scales with J (the difference's rounding is about ε·J/h).
func expectAgrees(
  _ exact: Double, _ difference: Double, objectiveSize: Double, _ what: @autoclosure () -> String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let tolerance = 1e-6 * max(abs(exact), abs(difference)) + 1e-8 * max(1, objectiveSize)
  #expect(
    abs(exact - difference) <= tolerance, "\(what()): exact \(exact), difference \(difference)",
    sourceLocation: sourceLocation)
}

@Suite struct GradientPropertyTests {
  @Test(arguments: 0..<16)
  func lstmGradientsMatchCentralDifferences(index: Int) throws {
    let random = RandomCase(seed: 0x5EED_0000 + UInt64(index), gateCount: 4)
    let run = SequenceRun(
      model: try random.lstm(random.parameters), sequence: random.sequence(random.inputs))
    for objective in random.objectives {
      let gradients = run.gradients(of: objective)
      let size = abs(gradients.objectiveValue)
      let exact = Gate.allCases.flatMap { flattened(gradients.weightGradients[$0]) }
      for k in random.parameters.indices {
        let difference = try centralDifference(random.parameters, at: k) { parameters in
          let model = try random.lstm(parameters)
          return objective.value(
            prediction: SequenceRun(model: model, sequence: random.sequence(random.inputs))
              .prediction[...])
        }
        expectAgrees(
          exact[k], difference, objectiveSize: size, "\(random), \(objective), weight \(k)")
      }
      for k in random.inputs.indices {
        let difference = centralDifference(random.inputs, at: k) { inputs in
          objective.value(
            prediction: SequenceRun(model: run.model, sequence: random.sequence(inputs))
              .prediction[...])
        }
        expectAgrees(
          gradients.inputGradients[k], difference, objectiveSize: size,
          "\(random), \(objective), input \(k)")
      }
    }
  }

  @Test(arguments: 0..<16)
  func rnnGradientsMatchCentralDifferences(index: Int) throws {
    let random = RandomCase(seed: 0xB0B0_0000 + UInt64(index), gateCount: 1)
    let run = RNNRun(
      model: try random.rnn(random.parameters), sequence: random.sequence(random.inputs))
    for objective in random.objectives {
      let gradients = run.gradients(of: objective)
      let size = abs(gradients.objectiveValue)
      let exact = flattened(gradients.weightGradients)
      for k in random.parameters.indices {
        let difference = try centralDifference(random.parameters, at: k) { parameters in
          objective.value(
            prediction: RNNRun(model: try random.rnn(parameters), sequence: run.sequence)
              .prediction[...])
        }
        expectAgrees(
          exact[k], difference, objectiveSize: size, "\(random), \(objective), weight \(k)")
      }
      for k in random.inputs.indices {
        let difference = centralDifference(random.inputs, at: k) { inputs in
          objective.value(
            prediction: RNNRun(model: run.model, sequence: random.sequence(inputs)).prediction[...])
        }
        expectAgrees(
          gradients.inputGradients[k], difference, objectiveSize: size,
          "\(random), \(objective), input \(k)")
      }
    }
  }

  /// ∂J/∂LTM_t and ∂J/∂STM_t are total derivatives: nudging a memory after step t (and, for
  /// the LTM, the STM it makes, `o_t·tanh(LTM_t)`) and running the rest of the sequence from
  /// there moves J by them.
  @Test(arguments: 0..<10)
  func memoryGradientsAreTotalDerivatives(index: Int) throws {
    let random = RandomCase(seed: 0x3E3_0000 + UInt64(index), gateCount: 4)
    let run = SequenceRun(
      model: try random.lstm(random.parameters), sequence: random.sequence(random.inputs))
    let n = random.hiddenSize
    for objective in random.objectives {
      let gradients = run.gradients(of: objective)
      func finish(from t: Int, _ memories: Memories) -> Double {
        var current = memories
        for k in stride(from: t + 1, through: run.count, by: 1) {
          current =
            run.model.step(input: run.sequence.input(at: k), from: current, t: k)
            .memoriesOut
        }
        return objective.value(prediction: current.stm[...])
      }
      for t in 0...run.count {
        let memories = run.memories(after: t)
        for j in 0..<n {
          let stm = centralDifference(memories.stm, at: j) { stm in
            finish(from: t, Memories(stm: stm, ltm: memories.ltm))
          }
          // STM_t = o_t·tanh(LTM_t) moves with LTM_t (after the zero start, they are apart).
          let output = t > 0 ? run.step(at: t).gates.output.value[j] : 0
          let ltm = centralDifference(memories.ltm, at: j) { ltm in
            var stm = memories.stm
            if t > 0 { stm[j] = output * Activation.tanh(ltm[j]) }
            return finish(from: t, Memories(stm: stm, ltm: ltm))
          }
          let size = abs(gradients.objectiveValue)
          expectAgrees(
            gradients.stm(after: t, unit: j), stm, objectiveSize: size, "\(random) STM t=\(t)")
          expectAgrees(
            gradients.ltm(after: t, unit: j), ltm, objectiveSize: size, "\(random) LTM t=\(t)")
        }
      }
    }
  }

  @Test(arguments: 0..<10)
  func rnnMemoryGradientsAreTotalDerivatives(index: Int) throws {
    let random = RandomCase(seed: 0x4E4_0000 + UInt64(index), gateCount: 1)
    let run = RNNRun(
      model: try random.rnn(random.parameters), sequence: random.sequence(random.inputs))
    for objective in random.objectives {
      let gradients = run.gradients(of: objective)
      for t in 0...run.count {
        let stm = Array(run.stm(after: t))
        for j in stm.indices {
          let difference = centralDifference(stm, at: j) { stm in
            var current = stm
            for k in stride(from: t + 1, through: run.count, by: 1) {
              current =
                run.model.step(input: run.sequence.input(at: k), from: current[...], t: k).stm
            }
            return objective.value(prediction: current[...])
          }
          expectAgrees(
            gradients.stm(after: t, unit: j), difference,
            objectiveSize: abs(gradients.objectiveValue), "\(random) STM t=\(t)")
        }
      }
    }
  }

  @Test(arguments: 0..<16)
  func directPathIsTheProductOfTheForwardForgetValues(index: Int) throws {
    let random = RandomCase(seed: 0xF0F0_0000 + UInt64(index), gateCount: 4)
    let run = SequenceRun(
      model: try random.lstm(random.parameters), sequence: random.sequence(random.inputs))
    let gradients = run.gradients(of: .prediction())
    for j in 0..<random.hiddenSize {
      var product = 1.0
      for t in stride(from: run.count, through: 0, by: -1) {
        #expect(gradients.directPathProduct(after: t, unit: j) == product, "\(random) t=\(t)")
        if t > 0 { product *= run.step(at: t).gates.forget.value[j] }
      }
    }
  }

  @Test func statQuestDirectPathIsTheProductOfItsForgetValues() throws {
    let run = SequenceRun(model: try statQuestLSTM(), sequence: companies[0])
    let gradients = run.gradients(of: .loss(target: [0]))
    let forgets = (1...4).map { run.step(at: $0).gates.forget.value[0] }
    #expect(gradients.directPathProduct(after: 4, unit: 0) == 1)
    #expect(
      abs(gradients.directPathProduct(after: 1, unit: 0) - forgets[1] * forgets[2] * forgets[3])
        < 1e-15)
    #expect(abs(gradients.directPathProduct(after: 0, unit: 0) - forgets.reduce(1, *)) < 1e-15)
  }

  /// Every term `backwardStep` shows is the stored number, bit for bit, and the terms add up.
  @Test(arguments: 0..<16)
  func backwardStepShowsTheStoredNumbers(index: Int) throws {
    let random = RandomCase(seed: 0xBAC_0000 + UInt64(index), gateCount: 4)
    let run = SequenceRun(
      model: try random.lstm(random.parameters), sequence: random.sequence(random.inputs))
    let n = random.hiddenSize
    for objective in random.objectives {
      let gradients = run.gradients(of: objective)
      for t in 1...run.count {
        let step = run.backwardStep(at: t, of: gradients)
        #expect(step.forward == run.step(at: t))
        let memory = t * n..<(t + 1) * n
        #expect(step.stm == Array(gradients.stmGradients[memory]))
        #expect(step.ltm == Array(gradients.ltmGradients[memory]))
        #expect(step.stmIn == Array(gradients.stmGradients[(t - 1) * n..<t * n]))
        #expect(step.input == Array(gradients.input(at: t)))
        #expect(step.directPathProduct == Array(gradients.directPathProducts[memory]))
        for j in 0..<n {
          #expect(step.ltm[j] == step.ltmCarried[j] + step.ltmThroughSTM[j])
          for gate in Gate.allCases {
            let gradient = step.gates[gate]
            #expect(gradient.x[j] == gradients.x(of: gate, at: t, unit: j))
            #expect(gradient.x[j] == gradient.value[j] * gradient.slope[j])
          }
        }
        if t == run.count {
          #expect(step.stm == step.stmFromObjective)
          #expect(step.ltmCarried.allSatisfy { $0 == 0 })
        } else {
          #expect(step.stmFromObjective.allSatisfy { $0 == 0 })
          #expect(step.forgetNext == run.step(at: t + 1).gates.forget.value)
          #expect(step.stm == run.backwardStep(at: t + 1, of: gradients).stmIn)
        }
      }
    }
  }

  @Test(arguments: 0..<16)
  func rnnBackwardStepShowsTheStoredNumbers(index: Int) throws {
    let random = RandomCase(seed: 0xBAD_0000 + UInt64(index), gateCount: 1)
    let run = RNNRun(
      model: try random.rnn(random.parameters), sequence: random.sequence(random.inputs))
    let n = random.hiddenSize
    for objective in random.objectives {
      let gradients = run.gradients(of: objective)
      for t in 1...run.count {
        let step = run.backwardStep(at: t, of: gradients)
        let memory = t * n..<(t + 1) * n
        #expect(step.stm == Array(gradients.stmGradients[memory]))
        #expect(step.stmIn == Array(gradients.stmGradients[(t - 1) * n..<t * n]))
        #expect(step.input == Array(gradients.input(at: t)))
        #expect(step.x == (0..<n).map { gradients.x(at: t, unit: $0) })
        #expect(step.selfLoopFactor == (0..<n).map { gradients.selfLoopFactor(at: t, unit: $0) })
        #expect(step.directPathProduct == Array(gradients.directPathProducts[memory]))
        #expect(
          step.stm
            == (t == run.count
              ? step.stmFromObjective : run.backwardStep(at: t + 1, of: gradients).stmIn))
      }
    }
  }

  /// The scalar cell's shortcut on plain numbers gives the vector loop's numbers, bit for bit,
  /// over sequences longer than one recomputed block, saturated or not.
  @Test(arguments: [0.5, 2.0, 30.0])
  func scalarShortcutIsTheVectorLoopBitForBit(scale: Double) throws {
    var random = SplitMix(state: 0x5CA1_A000 + UInt64(scale * 10))
    let model = try LSTMModel(
      scalar: PerGate { _ in
        GateWeights(
          stmWeight: Double.random(in: -scale...scale, using: &random),
          inputWeight: Double.random(in: -scale...scale, using: &random),
          bias: Double.random(in: -scale...scale, using: &random))
      })
    let values = (0..<1300).map { _ in Double.random(in: -1...1, using: &random) }
    let run = SequenceRun(model: model, sequence: InputSequence(name: "long", values: values))
    for objective in [Objective.prediction(), .loss(target: [0.3])] {
      #expect(run.gradients(of: objective) == run.gradients(of: objective, scalarShortcut: false))
    }
  }

  /// The scalar twin's backward step is `∂J/∂STM_{t−1} = ∂J/∂STM_t · stmWeight·(1 − STM_t²)`.
  @Test func scalarTwinMultipliesBySelfLoopFactors() {
    let run = RNNRun(model: statQuestRNN, sequence: companies[1])
    let gradients = run.gradients(of: .prediction())
    for t in 1...run.count {
      let h = run.stm(after: t, unit: 0)
      #expect(gradients.selfLoopFactor(at: t, unit: 0) == 1.89 * (1 - h * h))
      let carried = gradients.stm(after: t, unit: 0) * gradients.selfLoopFactor(at: t, unit: 0)
      #expect(abs(gradients.stm(after: t - 1, unit: 0) - carried) < 1e-15)
    }
    #expect(gradients.directPathProduct(after: run.count, unit: 0) == 1)
    #expect(
      abs(gradients.directPathProduct(after: 0, unit: 0) - gradients.stm(after: 0, unit: 0)) < 1e-15
    )
  }

  @Test func objectivesAndCellsKnowTheirSizes() throws {
    #expect(Objective.prediction() == .prediction(unit: 0))
    #expect(Objective.prediction(unit: 2).fits(hiddenSize: 3))
    #expect(!Objective.prediction(unit: 3).fits(hiddenSize: 3))
    #expect(!Objective.loss(target: [1]).fits(hiddenSize: 3))
    #expect(Objective.loss(target: [1, 2]).value(prediction: [0.5, 0.5][...]) == 0.25 + 2.25)
    #expect(
      Objective.loss(target: [1, 2]).stmGradient(unit: 1, prediction: [0.5, 0.5][...]) == -3)
    let lstm = try statQuestLSTM()
    #expect(CellModel.lstm(lstm).hiddenSize == 1 && CellModel.lstm(lstm).isScalar)
    let rnn = try RNNModel(
      inputSize: 2, hiddenSize: 3,
      weights: GateWeights(
        stmWeights: Matrix(rows: 3, columns: 3, storage: Array(repeating: 0.1, count: 9)),
        inputWeights: Matrix(rows: 3, columns: 2, storage: Array(repeating: 0.2, count: 6)),
        bias: [0, 0, 0]))
    #expect(CellModel.rnn(rnn).inputSize == 2 && CellModel.rnn(rnn).hiddenSize == 3)
    #expect(CellModel.rnn(rnn) != CellModel.lstm(lstm))
    #expect(throws: ModelShapeError.self) {
      try RNNModel(
        inputSize: 2, hiddenSize: 3,
        weights: GateWeights(
          stmWeights: rnn.weights.stmWeights, inputWeights: rnn.weights.stmWeights, bias: [0, 0, 0])
      )
    }
    do {
      _ = try RNNModel(
        inputSize: 1, hiddenSize: 1, weights: GateWeights(stmWeight: 1, inputWeight: 1, bias: 1))
      _ = try RNNModel(inputSize: 1, hiddenSize: 2, weights: rnn.weights)
      Issue.record("a 3-unit RNN's weights were taken for 2 units")
    } catch {
      #expect(error.part == "stmWeights" && error.gate == nil)
    }
  }
}
