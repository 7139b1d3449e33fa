import Testing

@testable import LSTMCore

/// A 1×1 cell in PyTorch's form: `bias_ih` and `bias_hh` apart, blocks i, f, g, o.
private func torchScalarCell() throws -> TrainableCell {
  let inputBias = [0.1, 0.2, -0.3, 0.4]
  let stmBias = [0.5, -0.6, 0.7, 0.05]
  let bias = zip(inputBias, stmBias).map { $0 + $1 }
  let model = try LSTMModel(
    scalar: PerGate { gate in
      let block = Gate.pytorchOrder.firstIndex(of: gate) ?? 0
      return GateWeights(
        stmWeight: 0.3 * Double(block) - 0.4, inputWeight: 0.9 - 0.5 * Double(block),
        bias: bias[block])
    })
  return TrainableCell(.lstm(model), layout: TorchLayout(inputBias: inputBias, stmBias: stmBias))
}

private let scalarSequences = [
  InputSequence(name: "A", values: [0, 0.5, 0.25, 1], target: 0),
  InputSequence(name: "B", values: [1, 0.5, 0.25, 1], target: 1),
  InputSequence(name: "no target", values: [0.3]),
]

private let vectorSequences = [
  InputSequence(
    name: "a", inputSize: 2, values: [1, 0, 0.5, -0.5, 0.2, 0.9], target: [0, 1, -0.5]),
  InputSequence(name: "b", inputSize: 2, values: [-1, 1], target: [0.5, 0.5, 0.5]),
]

@Suite struct TrainingTests {
  @Test func sgdStartsItsMomentumBufferAtTheGradientAsTorchDoes() {
    var state = OptimizerState()
    var parameters = [1.0, 2.0]
    let sgd = Optimizer.sgd(learningRate: 0.5, momentum: 0.9)
    state.update(&parameters, gradient: [0.2, -0.4], optimizer: sgd)
    #expect(state.firstMoments == [0.2, -0.4])
    #expect(parameters == [1 - 0.5 * 0.2, 2 + 0.5 * 0.4])
    state.update(&parameters, gradient: [0.1, 0.1], optimizer: sgd)
    #expect(state.firstMoments == [0.2 * 0.9 + 0.1, -0.4 * 0.9 + 0.1])
    #expect(parameters[0] == (1 - 0.5 * 0.2) - 0.5 * (0.2 * 0.9 + 0.1))
    var plain = OptimizerState()
    var weight = [1.0]
    plain.update(&weight, gradient: [0.25], optimizer: .sgd(learningRate: 0.1))
    #expect(weight == [1 - 0.1 * 0.25] && plain.firstMoments.isEmpty)
  }

  @Test func adamsFirstStepIsTheLearningRateAgainstTheGradientsSign() throws {
    var state = OptimizerState()
    var parameters = [1.0, -3.0, 0.5]
    let gradient = [0.002, -40.0, 1e-3]
    let adam = Optimizer.adam(learningRate: 0.1)
    state.update(&parameters, gradient: gradient, optimizer: adam)
    for (k, g) in gradient.enumerated() {
      let numbers = try #require(
        state.numbers(
          of: k, gradient: g, before: [1.0, -3.0, 0.5][k], after: parameters[k], optimizer: adam))
      let adamNumbers = try #require(numbers.adam)
      // After one step m̂ = g and v̂ = g², so the step is −lr·g/(|g| + ε): −0.1 times g's sign.
      #expect(abs(adamNumbers.firstCorrected - g) <= 1e-15 * abs(g))
      #expect(abs(adamNumbers.secondCorrected - g * g) <= 1e-12 * g * g)
      #expect(abs(numbers.change + (g > 0 ? 0.1 : -0.1)) < 1e-5)
      #expect(abs(adamNumbers.step - numbers.change) <= 1e-15)
      #expect(adamNumbers.firstMoment == 0.09999999999999998 * g)
    }
  }

  @Test func aStateDictsTwoBiasesEachTakeTheBiasGradientAndStillAddUp() throws {
    var trainer = try Trainer(
      torchScalarCell(), sequences: scalarSequences, optimizer: .adam(learningRate: 0.05))
    let start = try #require(trainer.parameters.layout)
    for _ in 0..<20 { try trainer.runEpoch() }
    let layout = try #require(trainer.parameters.layout)
    let (ih, hh) = (try #require(layout.inputBias), try #require(layout.stmBias))
    let (ih0, hh0) = (try #require(start.inputBias), try #require(start.stmBias))
    guard case .lstm(let model) = trainer.parameters.cell else {
      Issue.record("not an LSTM")
      return
    }
    for k in 0..<4 {
      // The same gradient and the same state: the same step, so each moves by the same amount.
      #expect(abs((ih[k] - ih0[k]) - (hh[k] - hh0[k])) < 1e-15)
      #expect(ih[k] != ih0[k])
      #expect(model.torchOrderBias[k] == ih[k] + hh[k])
    }
    #expect(trainer.parameters.tensors.map(\.role) == TorchParameter.allCases.map { .torch($0) })
  }

  @Test func theGradientIsTheLossesSlopeForEveryFormOfEveryCell() throws {
    let cells: [(TrainableCell, [InputSequence])] = [
      (
        TrainableCell(
          .lstm(
            try LSTMModel(
              scalar: PerGate { _ in
                GateWeights(stmWeight: 0.7, inputWeight: -0.4, bias: 0.2)
              })), layout: nil), scalarSequences
      ),
      (try torchScalarCell(), scalarSequences),
      (TrainableCell(.lstm(try vectorModel()), layout: nil), vectorSequences),
      (
        TrainableCell(
          .lstm(try vectorModel()),
          layout: TorchLayout(prefix: "lstm.", inputBias: nil, stmBias: nil)),
        vectorSequences
      ),
      (
        TrainableCell(.rnn(RNNModel(stmWeight: 0.8, inputWeight: 1.2, bias: -0.1)), layout: nil),
        scalarSequences
      ),
      (
        TrainableCell(
          .rnn(
            try RNNModel(
              inputSize: 2, hiddenSize: 3, weights: try vectorModel().gates.output)),
          layout: TorchLayout(inputBias: [0.1, 0.2, 0.3], stmBias: [-0.3, 0.1, 0.2])),
        vectorSequences
      ),
    ]
    for (cell, sequences) in cells {
      let trainer = try Trainer(cell, sequences: sequences, optimizer: .sgd(learningRate: 0.1))
      for k in cell.values.indices {
        let h = 1e-6
        var up = cell.values
        var down = cell.values
        up[k] += h
        down[k] -= h
        let slope =
          (Trainer.lossAndGradient(of: cell.with(values: up), on: trainer.examples).0
            - Trainer.lossAndGradient(of: cell.with(values: down), on: trainer.examples).0)
          / (2 * h)
        #expect(abs(trainer.gradient[k] - slope) < 1e-7, "parameter \(k) of \(cell.tensors)")
      }
      #expect(cell.with(values: cell.values) == cell)
    }
  }

  @Test func trainingsWeightGradientsAreTheBackwardPassesBitForBit() throws {
    let runs = [
      SequenceRun(model: try statQuestModel(), sequence: scalarSequences[0]),
      SequenceRun(model: try vectorModel(), sequence: vectorSequences[0]),
    ]
    for run in runs {
      let objective = Objective.loss(target: run.sequence.target ?? [])
      let full = run.gradients(of: objective)
      let lean = run.weightGradients(of: objective)
      #expect(lean.objectiveValue.bitPattern == full.objectiveValue.bitPattern)
      #expect(lean.weights == full.weightGradients)
    }
  }

  @Test func theScalarFormHasTwelveNumbersGateByGate() throws {
    let cell = TrainableCell(.lstm(try statQuestModel()), layout: nil)
    #expect(
      cell.values == [2.7, 1.63, 1.62, 2.0, 1.65, 0.62, 1.41, 0.94, -0.32, 4.38, -0.19, 0.59])
    #expect(cell.tensors.map(\.count) == Array(repeating: 1, count: 12))
  }

  @Test func anUpdateThatOverflowsStopsAndLeavesTheTrainerAsItWas() throws {
    var trainer = try Trainer(
      TrainableCell(.rnn(RNNModel(stmWeight: 0.8, inputWeight: 1.2, bias: -0.1)), layout: nil),
      sequences: [InputSequence(name: "far", values: [1, 0.5], target: 100)],
      optimizer: .sgd(learningRate: 1e308, momentum: 0))
    let before = trainer.parameters
    #expect(throws: TrainingError.self) { try trainer.runEpoch() }
    do {
      try trainer.runEpoch()
    } catch {
      guard case .notFinite(1, .parameter, let value) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(!value.isFinite)
    }
    #expect(trainer.epoch == 0 && trainer.parameters == before)
  }

  @Test func trainingNeedsATargetThatFitsTheCell() throws {
    let cell = TrainableCell(.lstm(try statQuestModel()), layout: nil)
    let untargeted = [InputSequence(name: "x", values: [1, 2])]
    #expect(throws: TrainingError.noTarget(sequences: ["x"])) {
      try Trainer(cell, sequences: untargeted, optimizer: .adam(learningRate: 0.1))
    }
    let wide = [InputSequence(name: "w", inputSize: 1, values: [1], target: [0, 1])]
    #expect(throws: TrainingError.targetSize(sequence: "w", found: 2, expected: 1)) {
      try Trainer(cell, sequences: wide, optimizer: .adam(learningRate: 0.1))
    }
  }

  @Test func aRunKeepsEveryLossAndTheParametersOfTheShownEpochs() throws {
    var trainer = try Trainer(
      TrainableCell(.lstm(try statQuestModel()), layout: nil), sequences: scalarSequences,
      optimizer: .adam(learningRate: 0.1))
    var step = trainer
    var afterEach: [Double] = []
    for _ in 0..<25 { afterEach.append(try step.runEpoch().lossAfter) }
    var seen: [Int] = []
    let history = try trainer.run(epochs: 25, every: 10) { epoch, _ in seen.append(epoch) }
    #expect(seen == Array(1...25))
    #expect(history.losses.count == 25 && history.losses[0] == history.startLoss)
    #expect(Array(history.losses.dropFirst()) == Array(afterEach.dropLast()))
    #expect(history.endLoss == afterEach.last && history.end == step.parameters)
    #expect(history.shownParameters.map(\.epoch) == [1, 10, 20, 25])
    #expect(history.shownParameters.last?.values == step.parameters.values)
    #expect(history.endLoss == Trainer.lossAndGradient(of: history.end, on: trainer.examples).0)
  }
}
