@testable import LSTMCore

/// The StatQuest video's scalar cell, the weights of the built-in lesson, made here so that the
/// maths is tested without reading a file.
func statQuestModel() throws -> LSTMModel {
  try LSTMModel(
    scalar: PerGate(
      forget: GateWeights(stmWeight: 2.70, inputWeight: 1.63, bias: 1.62),
      input: GateWeights(stmWeight: 2.00, inputWeight: 1.65, bias: 0.62),
      candidate: GateWeights(stmWeight: 1.41, inputWeight: 0.94, bias: -0.32),
      output: GateWeights(stmWeight: 4.38, inputWeight: -0.19, bias: 0.59)))
}
