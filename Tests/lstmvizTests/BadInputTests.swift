import Foundation
import Testing

/// One kind of bad input: the files it writes, how lstmviz is called, and what the one line of
/// stderr must name.
struct BadInput: CustomTestStringConvertible, Sendable {
  var name: String
  var files: [String: [UInt8]]
  var arguments: [String]
  var needles: [String]

  var testDescription: String { name }

  init(_ name: String, _ files: [String: String], _ arguments: [String], _ needles: [String]) {
    self.init(name, bytes: files.mapValues { Array($0.utf8) }, arguments, needles)
  }

  init(_ name: String, bytes: [String: [UInt8]], _ arguments: [String], _ needles: [String]) {
    self.name = name
    self.files = bytes
    self.arguments = arguments
    self.needles = needles
  }
}

/// A scalar lesson, with `gates` as the model's members and `sequences` as its sequences.
func lessonJSON(gates: String? = nil, sequences: String = #"[{"name": "A", "values": [0, 1]}]"#)
  -> String
{
  let gate = #"{"stmWeight": 1, "inputWeight": 1, "bias": 0}"#
  let model =
    gates ?? #""forget": \#(gate), "input": \#(gate), "candidate": \#(gate), "output": \#(gate)"#
  return """
    {
      "title": "test",
      "model": {\(model)},
      "sequences": \(sequences)
    }
    """
}

/// A state_dict with hidden size 1 and input size 1, its parts replaceable.
func stateDictJSON(
  ih: String = "[[1], [2], [3], [4]]", hh: String = "[[1], [2], [3], [4]]",
  extra: String = ""
) -> String {
  #"{"weight_ih_l0": \#(ih), "weight_hh_l0": \#(hh), "bias_ih_l0": [0, 0, 0, 0]\#(extra)}"#
}

let gate = #"{"stmWeight": 1, "inputWeight": 1, "bias": 0}"#

let badInputs: [BadInput] = [
  BadInput(
    "missing gate",
    ["l.json": lessonJSON(gates: #""forget": \#(gate), "input": \#(gate), "candidate": \#(gate)"#)],
    ["trace", "l.json"], ["l.json: model (line 3)", "\"output\""]),
  BadInput(
    "misspelt key",
    [
      "l.json": lessonJSON(
        gates: #""forget": {"stmWieght": 1, "inputWeight": 1, "bias": 0}, "input": \#(gate), "#
          + #""candidate": \#(gate), "output": \#(gate)"#)
    ], ["trace", "l.json"], ["l.json: model.forget.stmWieght (line 3)", "unknown key"]),
  BadInput(
    "unknown lesson key", ["l.json": #"{"titel": "x"}"#], ["trace", "l.json"],
    ["l.json: titel (line 1)", "did you mean \"title\""]),
  BadInput(
    "NaN", ["l.json": lessonJSON(sequences: #"[{"name": "A", "values": [0, NaN]}]"#)],
    ["trace", "l.json"], ["l.json: sequences[0].values[1] (line 4,", "finite"]),
  BadInput(
    "overflowing number",
    ["l.json": lessonJSON(gates: #""forget": {"stmWeight": 1e999}"#)],
    ["trace", "l.json"], ["l.json: model.forget.stmWeight (line 3,", "overflows"]),
  BadInput(
    "ragged matrix", ["m.json": stateDictJSON(ih: "[[1, 2], [2], [3, 1], [4, 1]]")],
    ["trace", "--model", "m.json", "--input", "1,2"],
    ["m.json: weight_ih_l0[1] (line 1)", "the row has 1 number, but row 0 has 2"]
  ),
  BadInput(
    "matrix sizes disagree",
    ["m.json": stateDictJSON(ih: "[[1], [2], [3], [4], [5], [6], [7], [8]]")],
    ["trace", "--model", "m.json"], ["m.json: weight_ih_l0 (line 1)", "4n rows"]),
  BadInput(
    "weight_hh not 4n rows", ["m.json": stateDictJSON(hh: "[[1], [2], [3]]")],
    ["trace", "--model", "m.json"], ["m.json: weight_hh_l0 (line 1)", "4n rows"]),
  BadInput(
    "bias of the wrong length",
    [
      "m.json":
        #"{"weight_ih_l0": [[1], [2], [3], [4]], "weight_hh_l0": [[1], [2], [3], [4]], "bias_hh_l0": [1]}"#
    ],
    ["trace", "--model", "m.json"], ["m.json: bias_hh_l0 (line 1)", "4n = 4"]),
  BadInput(
    "projection key inside the LSTM",
    ["m.json": stateDictJSON(extra: #", "weight_hr_l0": [[1]]"#)], ["trace", "--model", "m.json"],
    ["m.json: weight_hr_l0 (line 1)", "proj_size"]),
  BadInput(
    "bidirectional LSTM",
    ["m.json": stateDictJSON(extra: #", "weight_ih_l0_reverse": [[1]]"#)],
    ["trace", "--model", "m.json"], ["m.json: weight_ih_l0_reverse (line 1)", "bidirectional"]),
  BadInput(
    "unknown key inside a prefixed LSTM",
    [
      "m.json":
        #"{"lstm.weight_ih_l0": [[1], [2], [3], [4]], "lstm.weight_hh_l0": [[1], [2], [3], [4]], "lstm.extra": 1}"#
    ],
    ["trace", "--model", "m.json"], [#"m.json: ["lstm.extra"] (line 1)"#, "unknown key"]),
  BadInput(
    "sequence entry of the wrong length",
    [
      "m.json": stateDictJSON(ih: "[[1, 0], [2, 0], [3, 0], [4, 0]]"),
      "s.json": #"{"sequences": [{"name": "v", "values": [[1, 2], [3], [4, 5]]}]}"#,
    ],
    ["trace", "--model", "m.json", "--sequences", "s.json"],
    ["s.json: sequences[0].values[1] (line 1)", "takes 2"]),
  BadInput(
    "CSV sequence of the wrong width",
    ["m.json": stateDictJSON(ih: "[[1, 0], [2, 0], [3, 0], [4, 0]]"), "s.csv": "a\n1\n2\n"],
    ["trace", "--model", "m.json", "--sequences", "s.csv"], ["s.csv: line 1, column 1", "takes 2"]),
  BadInput(
    "target of the wrong length",
    ["l.json": lessonJSON(sequences: #"[{"name": "A", "values": [0, 1], "target": [1, 2]}]"#)],
    ["trace", "l.json"], ["l.json: sequences[0].target (line 4)", "predicts 1"]),
  BadInput(
    "no sequences", ["l.json": lessonJSON(sequences: "[]")], ["trace", "l.json"],
    ["l.json: sequences (line 4)", "no sequences"]),
  BadInput(
    "gate that is not an object", ["l.json": #"{"title": "t", "model": {"forget": 1}}"#],
    ["trace", "l.json"], ["l.json: model.forget (line 1)", "expected a gate"]),
  BadInput(
    "missing sequences",
    [
      "l.json":
        #"{"model": {"forget": \#(gate), "input": \#(gate), "candidate": \#(gate), "output": \#(gate)}}"#
    ],
    ["trace", "l.json"], ["l.json: line 1", "missing \"sequences\""]),
  BadInput(
    "empty sequence", ["l.json": lessonJSON(sequences: #"[{"name": "A", "values": []}]"#)],
    ["trace", "l.json"], ["l.json: sequences[0].values (line 4)", "empty"]),
  BadInput(
    "empty CSV column", ["s.csv": "a,b\n1,\n2,\n"], ["trace", "--sequences", "s.csv"],
    ["s.csv: line 1, column 2 (\"b\")", "empty sequence"]),
  BadInput(
    "empty --input", [:], ["trace", "--input", ""], ["--input \"\"", "empty"]),
  BadInput(
    "bad --input", [:], ["trace", "--input", "0,abc"], ["--input \"0,abc\"", "number 2"]),
  BadInput("missing file", [:], ["trace", "nowhere.json"], ["nowhere.json: cannot be read"]),
  BadInput("directory", ["d/x": ""], ["trace", "d"], ["d: cannot be read", "directory"]),
  BadInput(
    "CSV given as the lesson", ["s.csv": "a\n1\n"], ["trace", "s.csv"],
    ["s.csv: a lesson is a JSON file", "--sequences"]),
  BadInput("not JSON", ["l.json": "hello"], ["trace", "l.json"], ["l.json: line 1, column 1"]),
  BadInput(
    "truncated JSON", ["l.json": "{\"title\": \"x\",\n \"model\": {"], ["trace", "l.json"],
    ["l.json: model (line 2, column 12)", "end of the file"]),
  BadInput(
    "duplicate key", ["l.json": #"{"title": "a", "title": "b"}"#], ["trace", "l.json"],
    ["l.json: title (line 1, column", "twice"]),
  BadInput(
    "CSV cell that is not a number", ["s.csv": "a,b\n1,2\n3,x\n"],
    ["trace", "--sequences", "s.csv"],
    ["s.csv: line 3, column 2 (\"b\")", "\"x\" is not a number"]),
  BadInput(
    "CSV number after the end of its column", ["s.csv": "a,b\n1,2\n,3\n4,5\n"],
    ["trace", "--sequences", "s.csv"], ["s.csv: line 4, column 1 (\"a\")", "empty cell (line 3)"]),
  BadInput(
    "CSV with an open quote", ["s.csv": "a\n\"1\n"], ["trace", "--sequences", "s.csv"],
    ["s.csv: line 2, column 1", "not closed"]),
  BadInput(
    "CSV row too long", ["s.csv": "a\n1,2\n"], ["trace", "--sequences", "s.csv"],
    ["s.csv: line 2, column 2", "more cells"]),
  BadInput(
    "CSV infinity", ["s.csv": "a\n1\ninf\n"], ["trace", "--sequences", "s.csv"],
    ["s.csv: line 3, column 1", "not a finite number"]),
  BadInput(
    "sequences file read as CSV", ["s.txt": "a\nzero\n"], ["trace", "--sequences", "s.txt"],
    ["s.txt: line 2, column 1", "read as CSV"]),
  BadInput(
    "sequences file read as JSON", ["s.txt": "{\"sequences\": 1}"],
    ["trace", "--sequences", "s.txt"],
    ["s.txt: sequences (line 1)", "read as JSON"]),
  BadInput(
    "binary garbage", bytes: ["g.json": [0x7B, 0x00, 0xFF, 0xFE, 0x13, 0x80, 0x22, 0x41]],
    ["trace", "g.json"], ["g.json: line 1, column 2", "NUL"]),
  BadInput(
    "invalid UTF-8 in a string",
    bytes: ["g.json": Array(#"{"title": ""#.utf8) + [0xC3, 0x28, 0x22, 0x7D]],
    ["trace", "g.json"], ["g.json: title (line 1, column 11)", "UTF-8"]),
  BadInput(
    "binary CSV", bytes: ["g.csv": [0x61, 0x0A, 0x00, 0x01, 0xFF]],
    ["trace", "--sequences", "g.csv"],
    ["g.csv: ", "NUL"]),
  BadInput(
    "empty lesson file", ["l.json": ""], ["trace", "l.json"], ["l.json: the file is empty"]),
  BadInput(
    "empty CSV file", ["s.csv": ""], ["trace", "--sequences", "s.csv"], ["s.csv: the file is empty"]
  ),
  BadInput(
    "deep nesting", ["l.json": String(repeating: "[", count: 100_000)], ["trace", "l.json"],
    ["l.json: ", "nested more than 256"]),
  BadInput(
    "model given as a lesson", ["m.json": stateDictJSON()], ["trace", "m.json"],
    ["m.json: line 1", "--model"]),
  BadInput(
    "layer that is not there", ["m.json": stateDictJSON()],
    ["trace", "--model", "m.json", "--layer", "1"],
    ["m.json: line 1", "no layer 1"]),
  BadInput(
    "a layer left out, though layer 0 is shown",
    [
      "m.json": stateDictJSON(
        extra: #", "weight_ih_l2": [[1], [2], [3], [4]], "weight_hh_l2": [[1], [2], [3], [4]]"#)
    ], ["trace", "--model", "m.json"], ["m.json: line 1", "layer 1 is missing"]),
  BadInput(
    "a broken upper layer, though layer 0 is shown",
    ["m.json": stateDictJSON(extra: #", "weight_ih_l1": [[1], [2], [3], [4]]"#)],
    ["trace", "--model", "m.json"], ["m.json: line 1", "missing weight_hh_l1"]),
  BadInput(
    "a negative layer", ["m.json": stateDictJSON()],
    ["trace", "--model", "m.json", "--layer", "-1"], ["--layer must be 0 or more, got -1"]),
  BadInput(
    "weights that overflow a gate's x",
    [
      "l.json": lessonJSON(
        gates: #""forget": {"stmWeight": 1, "inputWeight": 1e308, "bias": 0}, "#
          + #""input": \#(gate), "candidate": \#(gate), "output": \#(gate)"#,
        sequences: #"[{"name": "Company A", "values": [0, 10]}]"#)
    ], ["trace", "--format", "json", "l.json"],
    [
      #"l.json: sequences[0] ("Company A"), t = 2: the forget gate's x overflows"#,
      "the weights or inputs are too large",
    ]),
  BadInput(
    "weights whose terms overflow with opposite signs",
    ["m.json": stateDictJSON(ih: "[[1e308, -1e308], [2, 0], [3, 0], [4, 0]]")],
    ["render", "--model", "m.json", "--input", "10,10"],
    [#"m.json: sequence "--input 1" (from --input "10,10"), t = 1: the input gate's x is not a"#]),
  BadInput(
    "inputs that overflow the built-in model", ["s.csv": "a\n0\n1.7e308\n"],
    ["trace", "--format", "csv", "--sequences", "s.csv"],
    [#"s.csv: sequence "a", t = 2: the forget gate's x overflows"#]),
  BadInput(
    "layers whose sizes do not chain",
    [
      "m.json": stateDictJSON(
        extra: #", "weight_ih_l1": [[1, 2], [1, 2], [1, 2], [1, 2]], "#
          + #""weight_hh_l1": [[1], [2], [3], [4]]"#)
    ], ["trace", "--model", "m.json", "--layer", "1"],
    ["m.json: weight_ih_l1 (line 1)", "has 2 columns, but layer 0's hidden size is 1"]),
  BadInput(
    "a lower layer that overflows",
    [
      "m.json": stateDictJSON(
        ih: "[[1e308], [2], [3], [4]]",
        extra: #", "weight_ih_l1": [[1], [2], [3], [4]], "weight_hh_l1": [[1], [2], [3], [4]]"#)
    ], ["trace", "--model", "m.json", "--layer", "1", "--input", "10"],
    [#"m.json: sequence "--input 1" (from --input "10"), t = 1: in layer 0, the input gate's x"#]),
  BadInput(
    "CSV without a header row", ["n.csv": "1,2\n3,4\n"], ["trace", "--sequences", "n.csv"],
    [
      #"n.csv: line 1: the first row must name the sequences (it holds numbers); add a header "#
        + #"row such as "a,b""#
    ]),
  BadInput(
    "one number where a step needs two",
    ["m.json": stateDictJSON(ih: "[[1, 0], [2, 0], [3, 0], [4, 0]]")],
    ["trace", "--model", "m.json", "--input", "1;2,3"],
    [#"--input "1;2,3": step 1 has 1 number, but the model takes 2 per step"#]),
  BadInput(
    "a target that is a string",
    ["l.json": lessonJSON(sequences: #"[{"name": "A", "values": [0, 1], "target": "one"}]"#)],
    ["trace", "l.json"],
    [
      "l.json: sequences[0].target (line 4",
      "expected a target (a number, or a list of numbers), found a string",
    ]),
  BadInput("unknown option", [:], ["trace", "--colour"], ["--colour"]),
  BadInput("unknown format", [:], ["trace", "--format", "xml"], ["xml"]),
  BadInput("precision out of range", [:], ["trace", "--precision", "13"], ["--precision"]),
]

@Suite struct BadInputTests {
  @Test(arguments: badInputs)
  func badInputIsRefusedWithOneLine(_ bad: BadInput) throws {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, bytes) in bad.files {
      let url = directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    expectRefusal(try lstmviz(bad.arguments, in: directory), mentioning: bad.needles)
  }

  @Test func randomBytesNeverCrash() throws {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    var generator = SystemRandomNumberGenerator()
    for k in 0..<12 {
      let count = Int.random(in: 1...400, using: &generator)
      var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      if k % 3 == 0 { bytes[0] = UInt8(ascii: "{") }
      let url = directory.appendingPathComponent("r\(k).json")
      try Data(bytes).write(to: url)
      let asLesson = try lstmviz(["trace", url.path])
      expectRefusal(asLesson, mentioning: [url.path])
      let asSequences = try lstmviz(["trace", "--sequences", url.path])
      #expect([0, 2].contains(asSequences.status), "\(asSequences.stderr)")
    }
  }

  /// Every command that shows numbers refuses a --precision outside 0...12 with the same line,
  /// a negative one included (not as a missing value).
  @Test func everyCommandRefusesABadPrecisionAlike() throws {
    for command in [["trace"], ["render"], []] {
      for value in ["13", "-1", "99", "abc", "2.5"] {
        let outcome = try lstmviz(command + ["--precision", value])
        #expect(outcome.status == 2, "\(command) \(value)")
        #expect(outcome.stdout.isEmpty)
        #expect(
          outcome.stderr == "lstmviz: --precision: expected 0 to 12 decimals, got '\(value)'\n",
          "\(command) \(value)")
      }
    }
    let zero = try lstmviz(["trace", "--precision", "0"])
    #expect(zero.status == 0)
    #expect(zero.stdout.contains(" 0 "))
  }

  @Test func helpStillPrintsHelpAndSucceeds() throws {
    let outcome = try lstmviz(["trace", "--help"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("--format"))
    #expect(outcome.stderr.isEmpty)
  }
}
