import GoldenFixtures
import Testing

@testable import LSTMCore

/// Expects each of `actual` within 1e-9 of `expected`, relative for numbers above 1.
func expectNear(
  _ actual: some Collection<Double>, _ expected: [Double], _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(what) size", sourceLocation: sourceLocation)
  for (a, e) in zip(actual, expected) {
    #expect(
      abs(a - e) <= 1e-9 * max(1, abs(e)), "\(what): \(a) vs \(e)", sourceLocation: sourceLocation)
  }
}

/// The StatQuest cell, built from the video's twelve weights.
func statQuestLSTM() throws -> LSTMModel {
  try LSTMModel(
    scalar: PerGate(
      forget: GateWeights(stmWeight: 2.70, inputWeight: 1.63, bias: 1.62),
      input: GateWeights(stmWeight: 2.00, inputWeight: 1.65, bias: 0.62),
      candidate: GateWeights(stmWeight: 1.41, inputWeight: 0.94, bias: -0.32),
      output: GateWeights(stmWeight: 4.38, inputWeight: -0.19, bias: 0.59)))
}

/// The StatQuest cell's plain-RNN twin.
let statQuestRNN = RNNModel(stmWeight: 1.89, inputWeight: 2.29, bias: -0.70)

/// Company A and Company B.
let companies = [
  InputSequence(name: "Company A", values: [0, 0.5, 0.25, 1], target: 0),
  InputSequence(name: "Company B", values: [1, 0.5, 0.25, 1], target: 1),
]

/// The objective a reference file names, for a sequence with `target`.
func objective(_ gradientOf: String, target: [Double]?) -> Objective {
  gradientOf == "loss" ? .loss(target: target ?? []) : .prediction(unit: 0)
}

/// Expects `gradients` to hold every number of `golden`'s weight gradients.
func expectWeights(
  _ gradients: GateWeights, _ golden: GoldenWeights?, _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let golden else {
    Issue.record("\(what) missing", sourceLocation: sourceLocation)
    return
  }
  expectNear(
    gradients.stmWeights.storage, golden.stmWeight.flatMap { $0 }, "\(what).stmWeight",
    sourceLocation: sourceLocation)
  expectNear(
    gradients.inputWeights.storage, golden.inputWeight.flatMap { $0 }, "\(what).inputWeight",
    sourceLocation: sourceLocation)
  expectNear(gradients.bias, golden.bias, "\(what).bias", sourceLocation: sourceLocation)
}

/// A model's or gradient's weights from a reference file.
func gateWeights(_ golden: GoldenWeights) -> GateWeights {
  GateWeights(
    stmWeights: Matrix(golden.stmWeight), inputWeights: Matrix(golden.inputWeight),
    bias: golden.bias)
}

/// Checks every number of an LSTM reference against runs of `model` on `sequences`.
func expectReproduces(
  _ golden: GoldenGradients, model: LSTMModel, sequences: [InputSequence],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(golden.sequences.count == sequences.count, sourceLocation: sourceLocation)
  for (sequence, expected) in zip(sequences, golden.sequences) {
    let run = SequenceRun(model: model, sequence: sequence)
    let wanted = objective(golden.gradientOf, target: sequence.target)
    let gradients = run.gradients(of: wanted)
    let name = "\(expected.name) \(golden.gradientOf)"
    #expect(run.count == expected.steps.count, sourceLocation: sourceLocation)
    expectNear(run.prediction, expected.prediction, "\(name) prediction")
    if let loss = expected.loss {
      expectNear([gradients.objectiveValue], [loss], "\(name) loss")
    } else {
      expectNear([gradients.objectiveValue], [expected.prediction[0]], "\(name) J")
    }
    for (t, step) in zip(1..., expected.steps) {
      expectMatches(run.step(at: t), step.trace, sourceLocation: sourceLocation)
      let n = model.hiddenSize
      let memory = t * n..<(t + 1) * n
      expectNear(gradients.ltmGradients[memory], step.gradients.ltm, "\(name) ltm t=\(t)")
      expectNear(gradients.stmGradients[memory], step.gradients.stm, "\(name) stm t=\(t)")
      expectNear(gradients.input(at: t), step.gradients.input, "\(name) input t=\(t)")
      for (gateName, x) in step.gradients.x ?? [:] {
        let gate = Gate(rawValue: gateName)
        #expect(gate != nil, sourceLocation: sourceLocation)
        guard let gate else { continue }
        expectNear(
          (0..<n).map { gradients.x(of: gate, at: t, unit: $0) }, x, "\(name) \(gate).x t=\(t)")
      }
      if let direct = step.gradients.directPath {
        expectNear(gradients.directPathProducts[memory], direct, "\(name) ∏f t=\(t)")
      }
    }
    if let initial = expected.initialGradients {
      let n = model.hiddenSize
      expectNear(gradients.ltmGradients[0..<n], initial.ltm ?? [], "\(name) ltm t=0")
      expectNear(gradients.stmGradients[0..<n], initial.stm, "\(name) stm t=0")
      expectNear(gradients.directPathProducts[0..<n], initial.directPath, "\(name) ∏f t=0")
    }
    for gate in Gate.allCases {
      expectWeights(
        gradients.weightGradients[gate], expected.weightGradients[gate.rawValue],
        "\(name) \(gate)", sourceLocation: sourceLocation)
    }
  }
}

/// Checks every number of an RNN reference against runs of `model` on `sequences`.
func expectReproduces(
  _ golden: GoldenRNNGradients, model: RNNModel, sequences: [InputSequence],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(golden.sequences.count == sequences.count, sourceLocation: sourceLocation)
  let n = model.hiddenSize
  for (sequence, expected) in zip(sequences, golden.sequences) {
    let run = RNNRun(model: model, sequence: sequence)
    let gradients = run.gradients(of: objective(golden.gradientOf, target: sequence.target))
    let name = "RNN \(expected.name) \(golden.gradientOf)"
    #expect(run.count == expected.steps.count, sourceLocation: sourceLocation)
    expectNear(run.prediction, expected.prediction, "\(name) prediction")
    expectNear(
      [gradients.objectiveValue], [expected.loss ?? expected.prediction[0]], "\(name) J")
    for (t, step) in zip(1..., expected.steps) {
      let forward = run.step(at: t)
      #expect(forward.t == step.t, sourceLocation: sourceLocation)
      expectNear(forward.input, step.input, "\(name) input t=\(t)")
      expectNear(forward.stmIn, step.stmIn, "\(name) stmIn t=\(t)")
      expectNear(forward.x, step.x, "\(name) x t=\(t)")
      expectNear(forward.stm, step.stm, "\(name) stm t=\(t)")
      let memory = t * n..<(t + 1) * n
      expectNear(gradients.stmGradients[memory], step.gradients.stm, "\(name) ∂STM t=\(t)")
      expectNear(gradients.input(at: t), step.gradients.input, "\(name) ∂input t=\(t)")
      if let x = step.gradients.x {
        expectNear((0..<n).map { gradients.x(at: t, unit: $0) }, x, "\(name) ∂x t=\(t)")
      }
      if let factor = step.gradients.selfLoopFactor {
        expectNear(
          (0..<n).map { gradients.selfLoopFactor(at: t, unit: $0) }, factor,
          "\(name) factor t=\(t)")
      }
      if let direct = step.gradients.directPath {
        expectNear(gradients.directPathProducts[memory], direct, "\(name) ∏ t=\(t)")
      }
    }
    if let initial = expected.initialGradients {
      expectNear(gradients.stmGradients[0..<n], initial.stm, "\(name) ∂STM t=0")
      expectNear(gradients.directPathProducts[0..<n], initial.directPath, "\(name) ∏ t=0")
    }
    expectWeights(
      gradients.weightGradients, expected.weightGradients, name, sourceLocation: sourceLocation)
  }
}

/// The sequences of a generated reference, from each step's input.
func referenceSequences(
  names: [String], inputs: [[[Double]]], targets: [[Double]?], inputSize: Int
) -> [InputSequence] {
  zip(names, zip(inputs, targets)).map { name, sequence in
    InputSequence(
      name: name, inputSize: inputSize, values: sequence.0.flatMap { $0 }, target: sequence.1)
  }
}

@Suite struct GradientGoldenTests {
  @Test(arguments: ["statquest.gradients.json", "statquest.loss-gradients.json"])
  func statQuestLSTMGradients(file: String) throws {
    expectReproduces(
      try GoldenGradients.load(file), model: try statQuestLSTM(), sequences: companies)
  }

  @Test(arguments: ["statquest.rnn-gradients.json", "statquest.rnn-loss-gradients.json"])
  func statQuestRNNGradients(file: String) throws {
    expectReproduces(try GoldenRNNGradients.load(file), model: statQuestRNN, sequences: companies)
  }

  @Test(arguments: ["vector-3x2.lstm-gradients.json", "vector-3x2.lstm-loss-gradients.json"])
  func vectorLSTMGradients(file: String) throws {
    let golden = try GoldenGradients.load(file)
    let weights = try #require(golden.model)
    let gates = try PerGate { gate in gateWeights(try #require(weights[gate.rawValue])) }
    let model = try LSTMModel(
      inputSize: golden.inputSize, hiddenSize: golden.hiddenSize, gates: gates)
    let sequences = referenceSequences(
      names: golden.sequences.map(\.name),
      inputs: golden.sequences.map { $0.steps.map(\.trace.input) },
      targets: golden.sequences.map(\.target), inputSize: golden.inputSize)
    #expect(golden.hiddenSize == 3 && golden.inputSize == 2)
    #expect(golden.sequences.allSatisfy { $0.steps.count >= 12 })
    expectReproduces(golden, model: model, sequences: sequences)
  }

  @Test(arguments: ["vector-3x2.rnn-gradients.json", "vector-3x2.rnn-loss-gradients.json"])
  func vectorRNNGradients(file: String) throws {
    let golden = try GoldenRNNGradients.load(file)
    let model = try RNNModel(
      inputSize: golden.inputSize, hiddenSize: golden.hiddenSize,
      weights: gateWeights(try #require(golden.model)))
    let sequences = referenceSequences(
      names: golden.sequences.map(\.name), inputs: golden.sequences.map { $0.steps.map(\.input) },
      targets: golden.sequences.map(\.target), inputSize: golden.inputSize)
    #expect(golden.hiddenSize == 3 && golden.inputSize == 2)
    expectReproduces(golden, model: model, sequences: sequences)
  }

  /// The models the tests build are the lesson file's, twin included.
  @Test func theLessonFileHoldsTheTestsModels() throws {
    let lesson = try GoldenScalarLesson.load("statquest.lesson.json")
    let model = try statQuestLSTM()
    for gate in Gate.allCases {
      let weights = try #require(lesson.model[gate.rawValue])
      #expect(
        model.gates[gate]
          == GateWeights(
            stmWeight: weights.stmWeight, inputWeight: weights.inputWeight, bias: weights.bias))
    }
    #expect(
      statQuestRNN
        == RNNModel(
          stmWeight: lesson.rnn.stmWeight, inputWeight: lesson.rnn.inputWeight,
          bias: lesson.rnn.bias))
    #expect(
      lesson.sequences.map { InputSequence(name: $0.name, values: $0.values, target: $0.target) }
        == companies)
  }

  @Test func theTwinSolvesTheFourDayTask() {
    let predictions = companies.map { RNNRun(model: statQuestRNN, sequence: $0).prediction[0] }
    #expect(abs(predictions[0] - -0.0219) < 0.00005)
    #expect(abs(predictions[1] - 0.9976) < 0.00005)
  }
}
