import Testing

@testable import LSTMCore
@testable import LSTMFiles

/// The naming schemes beyond a plain nn.LSTM: nn.LSTMCell, a Lightning wrapper, several LSTMs,
/// and the note naming what was left out, through JSON as a user gives them.
@Suite struct NamingSchemeTests {
  /// The lesson of `--model m.json` holding `model`, over one 1-input sequence.
  func load(_ model: String, lstm: String? = nil, layer: Int? = nil) throws(LessonError) -> Lesson {
    let files = ["m.json": model, "s.json": #"{"sequences": [{"name": "A", "values": [0.5, 1]}]}"#]
    return try Lesson.load(
      LessonSources(model: "m.json", sequences: "s.json", layer: layer, lstm: lstm)
    ) { (path: String) throws(LessonError) -> [UInt8] in
      guard let text = files[path] else {
        throw LessonError(file: path, location: nil, message: "no such file")
      }
      return Array(text.utf8)
    }
  }

  /// A one-unit, one-input LSTM's four tensors under `prefix`, with `suffix` (`_l0` or empty).
  func lstm(_ prefix: String, suffix: String = "_l0", scale: Double = 1) -> String {
    """
    "\(prefix)weight_ih\(suffix)": [[\(0.1 * scale)], [0.2], [0.3], [0.4]],
    "\(prefix)weight_hh\(suffix)": [[0.5], [0.6], [0.7], [0.8]],
    "\(prefix)bias_ih\(suffix)": [0.1, 0.1, 0.1, 0.1], "\(prefix)bias_hh\(suffix)": [0, 0, 0, 1]
    """
  }

  @Test func anLSTMCellStateDictIsTheSameCellAsALayer() throws {
    let cell = try load("{\(lstm("", suffix: ""))}")
    let layer = try load("{\(lstm(""))}")
    #expect(cell.model == layer.model)
    #expect(cell.model.gates.output.bias == [1.1])
    #expect(cell.title == "m.json")
    #expect(
      throws: LessonError(
        file: "m.json", location: "line 1",
        message: "no layer 1: an nn.LSTMCell has one layer, layer 0")
    ) {
      try load("{\(lstm("cell.", suffix: ""))}", layer: 1)
    }
  }

  @Test func aLightningCheckpointIsUnwrapped() throws {
    let wrapped = try load(
      #"{"epoch": 3, "global_step": 120, "state_dict": {\#(lstm("model.lstm."))}}"#)
    #expect(wrapped.model == (try load("{\(lstm(""))}")).model)
    #expect(wrapped.title == "m.json")
    // What is wrong inside the wrapper is named where it is.
    #expect(
      throws: LessonError(
        file: "m.json", location: #"state_dict["lstm.bias_ih_l0"] (line 1)"#,
        message: "has 3 numbers, but the LSTM needs 4n = 4")
    ) {
      try load(
        #"{"state_dict": {"lstm.weight_ih_l0": [[1], [2], [3], [4]], "lstm.weight_hh_l0": [[1], [2], [3], [4]], "lstm.bias_ih_l0": [1, 2, 3]}}"#
      )
    }
  }

  @Test func theNoteNamesTheModulesLeftOutExactly() throws {
    let lesson = try load(
      #"{\#(lstm("module.lstm.")), "module.fc.weight": [[1]], "module.fc.bias": [0]}"#)
    #expect(lesson.title == "m.json · layer 0 of 1 · module.fc.* ignored")
    let deep = try load(
      #"{\#(lstm("net.enc.lstm.")), "net.enc.norm.w": [1], "net.head.weight": [[1]]}"#)
    #expect(deep.title == "m.json · layer 0 of 1 · net.enc.norm.*, net.head.* ignored")
  }

  @Test func severalLSTMsAreListedAndOneIsChosen() throws {
    let text = "{\(lstm("encoder.")), \(lstm("decoder.", scale: 3))}"
    #expect(
      throws: LessonError(
        file: "m.json", location: "line 1",
        message: #"the file holds 2 LSTMs, "encoder" and "decoder"; choose one with --lstm NAME"#)
    ) {
      try load(text)
    }
    let decoder = try load(text, lstm: "decoder")
    #expect(decoder.model.gates.input.inputWeights[0, 0] == 0.1 * 3)
    #expect(decoder.title == "m.json · layer 0 of 1 · encoder.* ignored")
    #expect(try load(text, lstm: "encoder").model.gates.input.inputWeights[0, 0] == 0.1)
    #expect(
      throws: LessonError(
        file: "m.json", location: "line 1",
        message:
          #"--lstm "dec": no LSTM of that name; the file holds the LSTMs "encoder" and "decoder""#)
    ) {
      try load(text, lstm: "dec")
    }
  }
}
