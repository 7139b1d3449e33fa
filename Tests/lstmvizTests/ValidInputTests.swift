import Foundation
import Testing

/// The trace of a run as JSON: sequence names, and each sequence's inputs step by step.
struct TracedInputs {
  var names: [String] = []
  var inputs: [[[Double]]] = []
  var stm: [[[Double]]] = []

  init(_ outcome: Support.Outcome) throws {
    let object = try JSONSerialization.jsonObject(with: outcome.data) as? [String: Any]
    for sequence in object?["sequences"] as? [[String: Any]] ?? [] {
      names.append(sequence["name"] as? String ?? "")
      let steps = sequence["steps"] as? [[String: Any]] ?? []
      inputs.append(steps.map { $0["input"] as? [Double] ?? [] })
      stm.append(steps.map { $0["stm"] as? [Double] ?? [] })
    }
  }
}

@Suite struct ValidInputTests {
  func trace(_ files: [String: [UInt8]], _ arguments: [String]) throws -> Support.Outcome {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, bytes) in files {
      try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
    return try lstmviz(["trace", "--format", "json"] + arguments, in: directory)
  }

  @Test func oddButValidCSVIsReadCorrectly() throws {
    let csv =
      "\u{FEFF}\"Company A\", \"B \"\"quoted\"\"\" ,c\r\n"
      + " 0 ,  1e0,+2\r\n\"0.5\",.5,\t-7. \r\n0.25,,\r\n1"
    let outcome = try trace(["s.csv": Array(csv.utf8)], ["--sequences", "s.csv", "--input", "9"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let traced = try TracedInputs(outcome)
    #expect(traced.names == ["Company A", "B \"quoted\"", "c", "--input 1"])
    #expect(traced.inputs[0] == [[0], [0.5], [0.25], [1]])
    #expect(traced.inputs[1] == [[1], [0.5]])
    #expect(traced.inputs[2] == [[2], [-7]])
    #expect(traced.inputs[3] == [[9]])
    // Two columns named "wave" are one sequence of two inputs; the scalar cell refuses it.
    let vector = try trace(["s.csv": Array("wave,wave\n1,2\n".utf8)], ["--sequences", "s.csv"])
    expectRefusal(vector, mentioning: ["s.csv: line 1, columns 1, 2 (\"wave\")", "takes 1"])
  }

  @Test func repeatedCSVNamesFormOneVectorSequence() throws {
    let outcome = try lstmviz([
      "trace", "--format", "json", "--model", golden("torch-3x2.state_dict.json"), "--sequences",
      golden("torch-3x2.sequences.json"),
    ])
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let rows = try TracedInputs(outcome).inputs[0].map { "\($0[0]),\($0[1])" }
    let csv = directory.appendingPathComponent("wave.csv")
    try Data(("wave,wave\n" + rows.joined(separator: "\n")).utf8).write(to: csv)
    let fromCSV = try lstmviz([
      "trace", "--format", "json", "--model", golden("torch-3x2.state_dict.json"), "--sequences",
      csv.path,
    ])
    #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
    #expect(fromCSV.stdout == outcome.stdout)
  }

  @Test func stateDictWithAModulePrefixAndOtherModulesGivesTheSameTrace() throws {
    let plain = try lstmviz([
      "trace", "--format", "json", "--model", golden("torch-1x1.state_dict.json"),
    ])
    let object = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: golden("torch-1x1.state_dict.json"))))
    var prefixed: [String: Any] = ["fc.weight": [[0.5]], "fc.bias": [0.1]]
    for (key, value) in object as? [String: Any] ?? [:] { prefixed["lstm." + key] = value }
    // A second layer does not change what layer 0 shows.
    prefixed["lstm.weight_ih_l1"] = [[1], [2], [3], [4]]
    prefixed["lstm.weight_hh_l1"] = [[1], [2], [3], [4]]
    let data = try JSONSerialization.data(withJSONObject: prefixed)
    let outcome = try trace(
      ["torch-1x1.state_dict.json": Array(data)], ["--model", "torch-1x1.state_dict.json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(plain.status == 0)
    #expect(try TracedInputs(outcome).stm == TracedInputs(plain).stm)
    #expect(
      outcome.stdout.contains(
        "\"title\": \"torch-1x1.state_dict.json · layer 0 of 2 · fc.* ignored\""))
  }

  @Test func optionsReplaceTheLessonsModelAndSequences() throws {
    let lesson = golden("statquest.lesson.json")
    let model = golden("torch-1x1.state_dict.json")
    let both = try lstmviz([
      "trace", "--format", "json", lesson, "--model", model, "--input", "1,0",
    ])
    #expect(both.status == 0, "\(both.stderr)")
    let traced = try TracedInputs(both)
    #expect(traced.names == ["--input 1"])
    #expect(traced.inputs[0] == [[1], [0]])
    #expect(both.stdout.contains("\"title\": \"StatQuest stock example"))
    let torch = try TracedInputs(lstmviz(["trace", "--format", "json", "--model", model]))
    let sameModel = try TracedInputs(
      lstmviz(["trace", "--format", "json", lesson, "--model", model]))
    #expect(sameModel.stm == torch.stm)
  }

  @Test func vectorInputsOnTheCommandLine() throws {
    let outcome = try lstmviz([
      "trace", "--format", "json", "--model", golden("torch-3x2.state_dict.json"),
      "--input", "0,1; 0.5,0.25",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(try TracedInputs(outcome).inputs == [[[0, 1], [0.5, 0.25]]])
  }
}
