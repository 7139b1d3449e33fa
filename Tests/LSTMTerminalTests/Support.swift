import Foundation
import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMTerminal

/// The StatQuest lesson at `width`×`height` after `actions`.
func statQuest(
  _ actions: [Action] = [], width: Int = 80, height: Int = 24, precision: Int = 4
) -> State {
  var state = State(lesson: .statQuest, width: width, height: height, precision: precision)
  for action in actions { reduce(&state, action) }
  return state
}

/// The frame of `state` as text, one line a row.
func frameText(_ state: State) -> String {
  Screen.render(state).lines.joined(separator: "\n")
}

/// The folder of this test file.
private let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// The package's golden fixtures.
func fixtureURL(_ name: String) -> URL {
  testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/golden/\(name)")
}

/// Compares `state`'s frame with `Snapshots/NAME.txt`.
///
/// With `LSTMVIZ_UPDATE_SNAPSHOTS=1` in the environment, writes the file instead: the way to
/// change a snapshot on purpose (then read the diff).
func expectSnapshot(
  _ state: State, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = testsFolder.appendingPathComponent("Snapshots/\(name).txt")
  let text = frameText(state) + "\n"
  if ProcessInfo.processInfo.environment["LSTMVIZ_UPDATE_SNAPSHOTS"] == "1" {
    try text.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(name).txt: run with LSTMVIZ_UPDATE_SNAPSHOTS=1 to write it",
      sourceLocation: sourceLocation)
    return
  }
  #expect(
    text == stored, "frame differs from Snapshots/\(name).txt", sourceLocation: sourceLocation)
}

/// The golden 3×2 PyTorch model (hidden size 3, input size 2) and its `wave` sequence, built
/// here from the state_dict file: blocks i, f, g, o; the two biases add.
func torch3x2Lesson() throws -> Lesson {
  struct StateDict: Decodable {
    var weightIH: [[Double]]
    var weightHH: [[Double]]
    var biasIH: [Double]
    var biasHH: [Double]
    enum CodingKeys: String, CodingKey {
      case weightIH = "weight_ih_l0"
      case weightHH = "weight_hh_l0"
      case biasIH = "bias_ih_l0"
      case biasHH = "bias_hh_l0"
    }
  }
  struct Sequences: Decodable {
    struct Sequence: Decodable {
      var name: String
      var values: [[Double]]
    }
    var sequences: [Sequence]
  }
  let dict = try JSONDecoder().decode(
    StateDict.self, from: Data(contentsOf: fixtureURL("torch-3x2.state_dict.json")))
  let sequences = try JSONDecoder().decode(
    Sequences.self, from: Data(contentsOf: fixtureURL("torch-3x2.sequences.json")))
  let n = 3
  var gates = [Gate: GateWeights]()
  for (block, gate) in Gate.pytorchOrder.enumerated() {
    let rows = block * n..<(block + 1) * n
    gates[gate] = GateWeights(
      stmWeights: Matrix(Array(dict.weightHH[rows])),
      inputWeights: Matrix(Array(dict.weightIH[rows])),
      bias: rows.map { dict.biasIH[$0] + dict.biasHH[$0] })
  }
  let model = try LSTMModel(
    inputSize: 2, hiddenSize: n,
    gates: PerGate { gates[$0] ?? GateWeights(stmWeight: 0, inputWeight: 0, bias: 0) })
  return Lesson(
    title: "PyTorch nn.LSTM(2, 3)", model: model,
    sequences: sequences.sequences.map {
      InputSequence(name: $0.name, inputSize: 2, values: $0.values.flatMap { $0 })
    })
}
