import CLSTMKernels
import Testing

@testable import LSTMCore

/// The screen shows each x as `STM·w + input·w + b` and each later number as the formula of the
/// numbers before it. Whatever layout the step computes with (the scalar cell's direct path,
/// a vector cell's eight-units-at-once sums), those formulas must give back exactly, bit for bit,
/// the numbers the step produced.
@Suite struct StepArithmeticTests {
  /// Checks every number of `step` against the formula that defines it, exactly.
  func expectExact(_ step: StepTrace, _ model: LSTMModel, sourceLocation: SourceLocation) {
    for gate in Gate.allCases {
      for j in 0..<model.hiddenSize {
        let x = model.gates[gate].x(unit: j, stm: step.stmIn[...], input: step.input[...])
        #expect(
          step.gates[gate].x[j].bitPattern == x.bitPattern, "t \(step.t) \(gate) x[\(j)]",
          sourceLocation: sourceLocation)
        #expect(
          step.gates[gate].value[j].bitPattern == gate.activation(x).bitPattern,
          "t \(step.t) \(gate) value[\(j)]", sourceLocation: sourceLocation)
      }
    }
    for j in 0..<model.hiddenSize {
      let remembered = step.gates.forget.value[j] * step.ltmIn[j]
      let added = step.gates.input.value[j] * step.gates.candidate.value[j]
      let ltm = remembered + added
      let potential = Activation.tanh(ltm)
      let exact = [
        (step.ltmRemembered[j], remembered), (step.ltmAdded[j], added), (step.ltm[j], ltm),
        (step.stmPotential[j], potential), (step.stm[j], step.gates.output.value[j] * potential),
      ]
      for (index, (actual, expected)) in exact.enumerated() {
        #expect(
          actual.bitPattern == expected.bitPattern, "t \(step.t) quantity \(index) unit \(j)",
          sourceLocation: sourceLocation)
      }
    }
  }

  func expectEveryStepExact(
    _ model: LSTMModel, _ sequence: InputSequence,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var steps = 0
    model.forEachStep(of: sequence) { step in
      steps += 1
      expectExact(step, model, sourceLocation: sourceLocation)
    }
    #expect(steps == sequence.count, sourceLocation: sourceLocation)
  }

  /// What the screen shows of step t (recomputed from the run's memories) is bit for bit what a
  /// whole trace gives, for the scalar cell (whose run keeps memories on a path of its own) and a
  /// vector cell.
  @Test func aRunKeepsExactlyTheMemoriesOfTheTrace() throws {
    var random = TestRandom()
    let vector = try randomModel(hiddenSize: 5, inputSize: 2, &random)
    let cases = [
      (
        try statQuestModel(),
        InputSequence(name: "walk", values: (0..<300).map { _ in random.next() * 2 })
      ),
      (
        vector,
        InputSequence(name: "noise", inputSize: 2, values: (0..<80).map { _ in random.next() })
      ),
    ]
    for (model, sequence) in cases {
      let run = SequenceRun(model: model, sequence: sequence)
      model.forEachStep(of: sequence) { step in
        for j in 0..<model.hiddenSize {
          #expect(run.stm(after: step.t, unit: j).bitPattern == step.stm[j].bitPattern)
          #expect(run.ltm(after: step.t, unit: j).bitPattern == step.ltm[j].bitPattern)
        }
        #expect(run.step(at: step.t) == step)
      }
    }
  }

  @Test func theScalarCellsNumbersAddUpExactly() throws {
    let values = (0..<200).map { Double($0 % 17) / 4 - 2 }
    expectEveryStepExact(
      try statQuestModel(), InputSequence(name: "ramp", values: values))
  }

  @Test(arguments: [(1, 3), (3, 2), (11, 3), (16, 16), (40, 5)])
  func aVectorCellsNumbersAddUpExactly(hiddenSize: Int, inputSize: Int) throws {
    var random = TestRandom()
    let model = try randomModel(hiddenSize: hiddenSize, inputSize: inputSize, &random)
    let sequence = InputSequence(
      name: "noise", inputSize: inputSize,
      values: (0..<30 * inputSize).map { _ in random.next() * 3 })
    expectEveryStepExact(model, sequence)
  }

  /// The AVX2 kernel (used where the processor has it, as on the machine running the tests) and
  /// the portable one give the same numbers, so a lesson shows the same on every machine.
  @Test func theKernelGivesTheSameNumbersOnEveryProcessor() throws {
    var random = TestRandom()
    let (n, m) = (37, 6)
    let packed = try randomModel(hiddenSize: n, inputSize: m, &random).packedWeights
    let stm = (0..<n).map { _ in random.next() }
    let input = (0..<m).map { _ in random.next() * 5 }
    let bias = (0..<n).map { _ in random.next() }
    let gateStride = packed.blocksPerGate * PackedWeights.lanes
    for g in 0..<4 {
      var fast = [Double](repeating: .nan, count: n)
      var portable = fast
      lstmviz_gate_preactivations(
        Array(packed.stmWeights[(g * gateStride * n)...]), stm, n,
        Array(packed.inputWeights[(g * gateStride * m)...]), input, m, bias, n, &fast)
      lstmviz_gate_preactivations_portable(
        Array(packed.stmWeights[(g * gateStride * n)...]), stm, n,
        Array(packed.inputWeights[(g * gateStride * m)...]), input, m, bias, n, &portable)
      #expect(fast.map(\.bitPattern) == portable.map(\.bitPattern), "gate \(g)")
      #expect(fast.allSatisfy { $0.isFinite })
    }
  }
}

/// A fixed sequence of numbers in [-1, 1), the same on every run.
struct TestRandom {
  var seed: UInt64 = 0x5EED

  mutating func next() -> Double {
    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(seed >> 11) * 0x1p-53 * 2 - 1
  }
}

/// A vector cell with every weight drawn from `random`.
func randomModel(hiddenSize: Int, inputSize: Int, _ random: inout TestRandom) throws -> LSTMModel {
  func next() -> Double { random.next() }
  let gates = PerGate { _ in
    GateWeights(
      stmWeights: Matrix(
        rows: hiddenSize, columns: hiddenSize,
        storage: (0..<hiddenSize * hiddenSize).map { _ in next() }),
      inputWeights: Matrix(
        rows: hiddenSize, columns: inputSize,
        storage: (0..<hiddenSize * inputSize).map { _ in next() }),
      bias: (0..<hiddenSize).map { _ in next() })
  }
  return try LSTMModel(inputSize: inputSize, hiddenSize: hiddenSize, gates: gates)
}
