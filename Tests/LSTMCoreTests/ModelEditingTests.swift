import Testing

@testable import LSTMCore

/// A 3×2 vector cell whose every weight is different, so that a changed entry shows.
func vectorModel() throws -> LSTMModel {
  try LSTMModel(
    inputSize: 2, hiddenSize: 3,
    gates: PerGate { gate in
      let g = Double(Gate.allCases.firstIndex(of: gate) ?? 0)
      return GateWeights(
        stmWeights: Matrix(rows: 3, columns: 3, storage: (0..<9).map { 0.1 * Double($0) - g }),
        inputWeights: Matrix(rows: 3, columns: 2, storage: (0..<6).map { 0.2 * Double($0) + g }),
        bias: [0.1 * g, -0.2, 0.3])
    })
}

@Suite struct ModelEditingTests {
  @Test func settingAScalarWeightIsMakingTheModelAfresh() throws {
    var model = try statQuestModel()
    try model.setWeight(3.1, gate: .forget, part: .stmWeights, row: 0, column: 0)
    try model.setWeight(-0.5, gate: .output, part: .bias, row: 0)
    var gates = try statQuestModel().gates
    gates.forget = GateWeights(stmWeight: 3.1, inputWeight: 1.63, bias: 1.62)
    gates.output = GateWeights(stmWeight: 4.38, inputWeight: -0.19, bias: -0.5)
    let fresh = try LSTMModel(scalar: gates)
    #expect(model == fresh)
    #expect(model.scalarGates == fresh.scalarGates)
    #expect(model.gates.forget[.stmWeights, 0, 0] == 3.1)
    let sequence = InputSequence(name: "A", values: [0, 0.5, 0.25, 1])
    #expect(
      SequenceRun(model: model, sequence: sequence).prediction
        == SequenceRun(model: fresh, sequence: sequence).prediction)
    #expect(
      SequenceRun(model: model, sequence: sequence).prediction
        != SequenceRun(model: try statQuestModel(), sequence: sequence).prediction)
  }

  @Test func settingAVectorWeightRepacksTheWeights() throws {
    var model = try vectorModel()
    try model.setWeight(9, gate: .candidate, part: .stmWeights, row: 2, column: 1)
    try model.setWeight(-7, gate: .input, part: .inputWeights, row: 1, column: 0)
    var gates = try vectorModel().gates
    var stm = gates.candidate.stmWeights.storage
    stm[2 * 3 + 1] = 9
    gates.candidate.stmWeights = Matrix(rows: 3, columns: 3, storage: stm)
    var input = gates.input.inputWeights.storage
    input[1 * 2 + 0] = -7
    gates.input.inputWeights = Matrix(rows: 3, columns: 2, storage: input)
    let fresh = try LSTMModel(inputSize: 2, hiddenSize: 3, gates: gates)
    #expect(model == fresh)
    #expect(model.packedWeights == fresh.packedWeights)
    let memories = Memories(stm: [0.1, -0.2, 0.3], ltm: [0.5, 0, -1])
    #expect(
      model.step(input: [1, 2], from: memories, t: 1)
        == fresh.step(input: [1, 2], from: memories, t: 1))
    #expect(
      model.step(input: [1, 2], from: memories, t: 1)
        != (try vectorModel()).step(input: [1, 2], from: memories, t: 1))
  }

  @Test func settingAGateChecksItsShape() throws {
    var model = try vectorModel()
    let before = model
    let wrong = GateWeights(
      stmWeights: Matrix(rows: 3, columns: 3, storage: Array(repeating: 0, count: 9)),
      inputWeights: Matrix(rows: 3, columns: 3, storage: Array(repeating: 0, count: 9)),
      bias: [0, 0, 0])
    #expect(
      throws: ModelShapeError(
        gate: .output, part: "inputWeights", message: "expected 3×2, found 3×3")
    ) {
      try model.setGate(.output, to: wrong)
    }
    #expect(model == before)
    let right = GateWeights(
      stmWeights: Matrix(rows: 3, columns: 3, storage: Array(repeating: 1, count: 9)),
      inputWeights: Matrix(rows: 3, columns: 2, storage: Array(repeating: 1, count: 6)),
      bias: [1, 1, 1])
    try model.setGate(.output, to: right)
    var gates = before.gates
    gates.output = right
    #expect(model == (try LSTMModel(inputSize: 2, hiddenSize: 3, gates: gates)))
  }

  @Test func settingAWeightThatIsNotThereThrows() throws {
    var model = try vectorModel()
    let before = model
    #expect(
      throws: ModelShapeError(
        gate: .forget, part: "bias", message: "no entry (3, 0) in a 3×1 matrix")
    ) {
      try model.setWeight(1, gate: .forget, part: .bias, row: 3)
    }
    #expect(throws: ModelShapeError.self) {
      try model.setWeight(1, gate: .input, part: .inputWeights, row: 0, column: 2)
    }
    #expect(throws: ModelShapeError.self) {
      try model.setWeight(1, gate: .input, part: .stmWeights, row: -1, column: 0)
    }
    #expect(model == before)
  }

  @Test func equalModelsHashAlike() throws {
    var edited = try vectorModel()
    try edited.setWeight(0.5, gate: .forget, part: .bias, row: 1)
    try edited.setWeight(-0.2, gate: .forget, part: .bias, row: 1)
    #expect(edited == (try vectorModel()))
    #expect(edited.hashValue == (try vectorModel()).hashValue)
    #expect(Set([edited, try vectorModel(), try statQuestModel()]).count == 2)
  }
}
