import Foundation
import Testing

/// A scalar lesson whose `rnn` member is `rnn`, with inputs `values`.
func twinLessonJSON(rnn: String, values: String = "[0, 1]", target: String = "") -> String {
  let gate = #"{"stmWeight": 1, "inputWeight": 1, "bias": 0}"#
  return """
    {
      "title": "twin",
      "model": {"forget": \(gate), "input": \(gate), "candidate": \(gate), "output": \(gate)},
      "sequences": [{"name": "A", "values": \(values)\(target)}],
      "rnn": \(rnn)
    }
    """
}

let twinBadInputs: [BadInput] = [
  BadInput(
    "misspelt twin key",
    ["l.json": twinLessonJSON(rnn: #"{"stmWeight": 1, "inputWeight": 1, "bais": 0}"#)],
    ["trace", "l.json"], ["l.json: rnn.bais (line 5)", "unknown key", "did you mean \"bias\""]),
  BadInput(
    "twin key missing", ["l.json": twinLessonJSON(rnn: #"{"stmWeight": 1, "inputWeight": 1}"#)],
    ["trace", "l.json"], ["l.json: rnn (line 5)", "missing \"bias\""]),
  BadInput(
    "twin not an object", ["l.json": twinLessonJSON(rnn: "3")], ["trace", "l.json"],
    ["l.json: rnn (line 5)", "expected an RNN twin (an object), found a number"]),
  BadInput(
    "twin of neither form", ["l.json": twinLessonJSON(rnn: #"{"weights": 1}"#)],
    ["trace", "l.json"], ["l.json: rnn (line 5)", "not an RNN twin"]),
  BadInput(
    "twin weight not a number",
    ["l.json": twinLessonJSON(rnn: #"{"stmWeight": "1", "inputWeight": 1, "bias": 0}"#)],
    ["trace", "l.json"], ["l.json: rnn.stmWeight (line 5)", "expected a number, found a string"]),
  BadInput(
    "twin weight overflows",
    ["l.json": twinLessonJSON(rnn: #"{"stmWeight": 1e999, "inputWeight": 1, "bias": 0}"#)],
    ["trace", "l.json"], ["l.json: rnn.stmWeight (line 5,", "overflows"]),
  BadInput(
    "twin weight NaN",
    ["l.json": twinLessonJSON(rnn: #"{"stmWeight": NaN, "inputWeight": 1, "bias": 0}"#)],
    ["trace", "l.json"], ["l.json: rnn.stmWeight (line 5,", "finite"]),
  BadInput(
    "twin x overflows",
    [
      "l.json": twinLessonJSON(
        rnn: #"{"stmWeight": 1, "inputWeight": 1e300, "bias": 0}"#, values: "[0, 1e10]")
    ], ["trace", "l.json"],
    ["l.json: rnn (line 5), sequence \"A\", t = 2", "the RNN twin's x overflows"]),
  BadInput(
    "twin weight_hh not square",
    ["r.json": #"{"weight_ih_l0": [[1], [2]], "weight_hh_l0": [[1], [2]]}"#],
    ["trace", "--rnn", "r.json"], ["r.json: weight_hh_l0[0] (line 1)", "n×n"]),
  BadInput(
    "an LSTM given as the twin",
    [
      "r.json": #"{"weight_ih_l0": [[1], [2], [3], [4]], "weight_hh_l0": [[1], [2], [3], [4]]}"#
    ], ["trace", "--rnn", "r.json"], ["r.json: weight_hh_l0[0] (line 1)", "an LSTM's"]),
  BadInput(
    "twin weight_ih rows disagree",
    ["r.json": #"{"weight_ih_l0": [[1], [2]], "weight_hh_l0": [[1]]}"#],
    ["trace", "--rnn", "r.json"], ["r.json: weight_ih_l0 (line 1)", "both need n rows"]),
  BadInput(
    "twin input size is not the LSTM's",
    ["r.json": #"{"weight_ih_l0": [[1, 2]], "weight_hh_l0": [[1]]}"#],
    ["trace", "--rnn", "r.json"],
    ["r.json: weight_ih_l0 (line 1)", "takes 2 numbers per step", "the built-in StatQuest model"]),
  BadInput(
    "twin hidden size is not the LSTM's",
    ["r.json": #"{"weight_ih_l0": [[1], [1]], "weight_hh_l0": [[1, 0], [0, 1]]}"#],
    ["trace", "--rnn", "r.json"], ["r.json: weight_hh_l0 (line 1)", "hidden size 2"]),
  BadInput(
    "lesson's own twin does not fit it",
    ["l.json": twinLessonJSON(rnn: #"{"weight_ih_l0": [[1, 2]], "weight_hh_l0": [[1]]}"#)],
    ["trace", "l.json"], ["l.json: rnn.weight_ih_l0 (line 5)", "the lesson's model takes 1"]),
  BadInput(
    "unknown state_dict key in the twin",
    ["r.json": #"{"weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "wieght": 1}"#],
    ["trace", "--rnn", "r.json"],
    ["r.json: wieght (line 1)", "unknown key in the RNN twin's state_dict"]),
  BadInput(
    "a second layer in the twin",
    [
      "r.json": #"{"weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "weight_ih_l1": [[1]]}"#
    ], ["trace", "--rnn", "r.json"], ["r.json: weight_ih_l1 (line 1)", "one layer"]),
  BadInput(
    "two RNNs in one state_dict",
    ["r.json": #"{"a.weight_ih_l0": [[1]], "a.weight_hh_l0": [[1]], "b.weight_hh_l0": [[1]]}"#],
    ["trace", "--rnn", "r.json"], ["r.json: line 1", "more than one RNN"]),
  BadInput(
    "twin's biases overflow when added",
    [
      "r.json":
        #"{"weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "bias_ih_l0": [1e308], "bias_hh_l0": [1e308]}"#
    ], ["trace", "--rnn", "r.json"], ["r.json: bias_hh_l0[0] (line 1)", "overflows"]),
  BadInput(
    "twin bias of the wrong length",
    ["r.json": #"{"weight_ih_l0": [[1]], "weight_hh_l0": [[1]], "bias_ih_l0": [1, 2]}"#],
    ["trace", "--rnn", "r.json"], ["r.json: bias_ih_l0 (line 1)", "has 2 numbers"]),
  BadInput(
    "--rnn lesson without a twin", ["l.json": lessonJSON()], ["trace", "--rnn", "l.json"],
    ["l.json: line 1", "the lesson has no RNN twin"]),
  BadInput(
    "--rnn file missing", [:], ["trace", "--rnn", "absent.json"],
    ["absent.json: cannot be read"]),
  BadInput(
    "--cell rnn without a twin", [:], ["trace", "--cell", "rnn", "--rnn", "none"],
    ["--cell rnn: the lesson has no plain-RNN twin", "\"rnn\" in the lesson", "--rnn FILE"]),
  BadInput(
    "--cell rnn on a lesson without one", ["l.json": lessonJSON()],
    ["trace", "--cell", "rnn", "l.json"], ["--cell rnn", "--rnn FILE"]),
  BadInput(
    "--of loss without a target", [:], ["trace", "--of", "loss", "--input", "1,2"],
    ["--of loss: the sequence \"--input 1\" has no target"]),
  BadInput(
    "--of a unit the cell lacks", [:], ["trace", "--of", "prediction:2"],
    ["--of prediction:2: the cell has 1 unit"]),
  BadInput(
    "--of unit 0", [:], ["trace", "--of", "prediction:0"],
    ["--of: expected prediction, prediction:UNIT (UNIT from 1) or loss, got 'prediction:0'"]),
  BadInput("--cell unknown", [:], ["trace", "--cell", "gru"], ["gru"]),
]

@Suite struct TwinInputTests {
  @Test(arguments: twinBadInputs)
  func badTwinInputIsRefusedWithOneLine(_ bad: BadInput) throws {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, bytes) in bad.files {
      try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
    expectRefusal(try lstmviz(bad.arguments, in: directory), mentioning: bad.needles)
  }

  /// The twin's forward trace for `arguments`, run in `directory`, as JSON.
  func twinTrace(_ arguments: [String], in directory: URL) throws -> String {
    let outcome = try lstmviz(
      ["trace", "--format", "json", "--cell", "rnn", "--gradients"] + arguments, in: directory)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    return outcome.stdout
  }

  /// The built-in twin, as a scalar file, as a state_dict with a prefix, split biases and
  /// another module, and as a lesson's `rnn`: one trace.
  @Test func everyFormOfTheTwinReadsAlike() throws {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = [
      "scalar.json": #"{"stmWeight": 1.89, "inputWeight": 2.29, "bias": -0.7}"#,
      "state.json":
        #"{"rnn.weight_ih_l0": [[2.29]], "rnn.weight_hh_l0": [[1.89]], "rnn.bias_ih_l0": [-0.5], "#
        + #""rnn.bias_hh_l0": [-0.2], "fc.weight": [[1]]}"#,
      "lesson.json": twinLessonJSON(
        rnn: #"{"stmWeight": 1.89, "inputWeight": 2.29, "bias": -0.7}"#),
    ]
    for (name, text) in files {
      try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    let builtIn = try twinTrace([], in: directory)
    #expect(builtIn.contains(#""cell": "rnn""#))
    for name in files.keys.sorted() {
      let trace = try twinTrace(["--rnn", name], in: directory)
      let a = try JSONSerialization.jsonObject(with: Data(trace.utf8)) as? NSDictionary
      let b = try JSONSerialization.jsonObject(with: Data(builtIn.utf8)) as? NSDictionary
      let sequences = { (d: NSDictionary?) in d?["sequences"] as? [NSDictionary] }
      #expect(sequences(a)?.count == 2)
      // -0.5 + -0.2 is not -0.7 to the last bit: compare to 1e-12.
      for (x, y) in zip(sequences(a) ?? [], sequences(b) ?? []) {
        let p = (x["prediction"] as? [Double])?.first ?? .nan
        let q = (y["prediction"] as? [Double])?.first ?? .nan
        #expect(abs(p - q) < 1e-12, "\(name)")
      }
    }
  }

  @Test func aModelOfOtherSizesLeavesTheBuiltInTwinOut() throws {
    let model = golden("torch-3x2.state_dict.json")
    let sequences = golden("torch-3x2.sequences.json")
    let plain = try lstmviz(["trace", "--model", model, "--sequences", sequences])
    #expect(plain.status == 0)
    expectRefusal(
      try lstmviz(["trace", "--cell", "rnn", "--model", model, "--sequences", sequences]),
      mentioning: ["--cell rnn"])
    let sameSize = try lstmviz([
      "trace", "--cell", "rnn", "--model", golden("torch-1x1.state_dict.json"),
    ])
    #expect(sameSize.status == 0, "\(sameSize.stderr)")
  }

  @Test func everyCommandTakesTheTwinOption() throws {
    let render = try lstmviz(["render", "--rnn", "none"])
    #expect(render.status == 0, "\(render.stderr)")
    let help = try lstmviz(["help", "interactive"])
    #expect(help.stdout.contains("--rnn"))
    let traceHelp = try lstmviz(["trace", "--help"])
    for option in ["--rnn", "--gradients", "--of", "--cell"] {
      #expect(traceHelp.stdout.contains(option), "\(option)")
    }
  }
}
