import Foundation
import Testing

/// A file of `Tests/Fixtures/training`.
func trainingFixture(_ name: String) -> String {
  Support.packageRoot.appendingPathComponent("Tests/Fixtures/training/\(name)").path
}

/// A sample lesson of `Samples/`.
func sample(_ name: String) -> String {
  Support.packageRoot.appendingPathComponent("Samples/\(name)").path
}

/// The numbers of a JSON value, keys in sorted order: a model in either form, flattened.
func numbers(in value: Any?) -> [Double] {
  switch value {
  case let object as [String: Any]: object.keys.sorted().flatMap { numbers(in: object[$0]) }
  case let list as [Any]: list.flatMap { numbers(in: $0) }
  case let number as Double: [number]
  default: []
  }
}

/// Runs `lstmviz train arguments… --format json` and reads the object it prints.
func trainJSON(_ arguments: [String]) throws -> [String: Any] {
  let outcome = try lstmviz(["train"] + arguments + ["--format", "json"])
  #expect(outcome.status == 0, "\(outcome.stderr)")
  #expect(outcome.stderr.isEmpty, "stderr is no terminal, so no progress bar: \(outcome.stderr)")
  return try JSONSerialization.jsonObject(with: outcome.data) as? [String: Any] ?? [:]
}

/// `|a − b| ≤ 1e-9·|b|`, elementwise, with the place of the first that is not.
func expectClose(
  _ found: [Double], _ expected: [Double], _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(found.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
  if let k = zip(found, expected).map({ abs($0 - $1) > 1e-9 * abs($1) }).firstIndex(of: true) {
    Issue.record(
      "\(what)[\(k)]: \(found[k]) against \(expected[k])", sourceLocation: sourceLocation)
  }
}

@Suite struct TrainCLITests {
  /// Every reference trajectory: torch's (Adam and SGD with momentum on a scalar lesson and on
  /// an nn.LSTM(2, 3) with two biases, and the twins) and numpy's independent Adam.
  static let references = [
    "scalar-adam.json", "scalar-adam.numpy.json", "scalar-sgd.json", "scalar-rnn-adam.json",
    "vector-adam.json", "vector-rnn-sgd.json",
  ]

  @Test(arguments: references)
  func everyEpochsLossAndTheFinalWeightsAreTheReferences(_ name: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: trainingFixture(name)))
    let reference = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let lesson = try #require(reference["lesson"] as? String)
    let arguments = try #require(reference["arguments"] as? [String])
    let trained = try trainJSON([trainingFixture(lesson)] + arguments)
    expectClose(
      trained["losses"] as? [Double] ?? [], reference["losses"] as? [Double] ?? [], "loss")
    expectClose(
      [trained["finalLoss"] as? Double ?? .nan], [reference["finalLoss"] as? Double ?? 0],
      "final loss")
    let model = try #require(trained["model"] as? [String: Any])
    let expected = try #require(reference["model"] as? [String: Any])
    // The same form as the lesson's: the scalar gates, or the state_dict under its own keys.
    #expect(model.keys.sorted() == expected.keys.sorted())
    expectClose(numbers(in: model), numbers(in: expected), "weight")
  }

  @Test func csvHasARowPerEpochWithEveryParameterNamedAsTheLessonNamesIt() throws {
    let lesson = trainingFixture("vector.lesson.json")
    let csv = try lstmviz(["train", lesson, "--epochs", "12", "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    let header = try #require(rows.first)
    // nn.LSTM(2, 3): weight_ih 12×2, weight_hh 12×3, bias_ih 12, bias_hh 12.
    #expect(header.count == 2 + 24 + 36 + 12 + 12)
    #expect(
      Array(header.prefix(4)) == [
        "epoch", "loss", "lstm.weight_ih_l0[0][0]", "lstm.weight_ih_l0[0][1]",
      ])
    #expect(header.last == "lstm.bias_hh_l0[11]")
    #expect(rows.dropFirst().map { $0[0] } == (1...12).map(String.init))
    // The JSON's own digits, read as Swift reads them: every loss and weight is the CSV's,
    // bit for bit (Foundation's JSON reader rounds some of them differently).
    let json = try lstmviz(["train", lesson, "--epochs", "12", "--format", "json"]).stdout
    func list(after key: String) -> [Double] {
      guard let start = json.range(of: "\"\(key)\": [") else { return [] }
      let text = json[start.upperBound...].prefix { $0 != "]" }
      return text.split(separator: ",").compactMap {
        Double($0.trimmingCharacters(in: .whitespaces))
      }
    }
    #expect(rows.dropFirst().map { Double($0[1]) ?? .nan } == list(after: "losses"))
    let weightIH = json.components(separatedBy: "\"lstm.weight_ih_l0\": [")[1]
      .components(separatedBy: "\"lstm.weight_hh_l0\"")[0]
      .split(whereSeparator: { "[], \n".contains($0) }).compactMap { Double(String($0)) }
    #expect(rows.last.map { $0[2..<26].compactMap(Double.init) } == weightIH)
    let thinned = try lstmviz([
      "train", lesson, "--epochs", "12", "--every", "5", "--format", "csv",
    ])
    #expect(
      thinned.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        == ["1", "5", "10", "12"])
  }

  @Test func theTablePrintsTheDefaultsTheLossTheWeightsAndThePredictions() throws {
    let outcome = try lstmviz(["train", sample("statquest-untrained.json")])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let text = outcome.stdout
    for needle in [
      "Adam (β1 0.9, β2 0.999, ε 1e-8) (default), learning rate 0.1 (default), 300 epochs (default)",
      "\n  300  ", "\nafter  ", "Company A  0.0000  0.1502", "forget.stmWeight        0.1300",
    ] {
      #expect(text.contains(needle), "\(needle) in\n\(text)")
    }
    let sgd = try lstmviz(["train", sample("statquest-untrained.json"), "--optimizer", "sgd"])
    #expect(sgd.stdout.contains("SGD, learning rate 0.1 (default), momentum 0.9 (default)"))
  }

  @Test func theUntrainedSampleLearnsTheStatQuestTaskWithTheDefaults() throws {
    let folder = try Support.scratchFolder()
    let saved = folder.appendingPathComponent("trained.json").path
    let outcome = try lstmviz(["train", sample("statquest-untrained.json"), "--save", saved])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let predictions = try tracePredictions(saved)
    #expect(predictions[0] < 0.05 && predictions[1] > 0.95, "\(predictions)")
    let lesson =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: saved))) as? [String: Any]
    #expect(
      lesson?["title"] as? String
        == "StatQuest stock example, untrained · trained: Adam, learning rate 0.1, 300 epochs")
    let sequences = lesson?["sequences"] as? [[String: Any]]
    #expect(sequences?.map { $0["target"] as? Double } == [0, 1])
  }

  @Test func overFortyDaysTheLSTMSeparatesTheCompaniesAndItsTwinCannot() throws {
    let folder = try Support.scratchFolder()
    let lstm = folder.appendingPathComponent("lstm.json").path
    let rnn = folder.appendingPathComponent("rnn.json").path
    let lstmRun = try trainJSON([sample("forty-days.json"), "--save", lstm])
    let rnnRun = try trainJSON([sample("forty-days.json"), "--cell", "rnn", "--save", rnn])
    #expect((lstmRun["finalLoss"] as? Double ?? 1) < 1e-4)
    #expect((rnnRun["finalLoss"] as? Double ?? 0) > 0.49)
    let lstmPredictions = try tracePredictions(lstm)
    #expect(lstmPredictions[0] < 0.05 && lstmPredictions[1] > 0.95, "\(lstmPredictions)")
    let rnnPredictions = try tracePredictions(rnn, ["--cell", "rnn"])
    #expect(abs(rnnPredictions[0] - rnnPredictions[1]) < 1e-3, "\(rnnPredictions)")
  }

  @Test func theReadmeShowsWhatTrainPrints() throws {
    let readme = try String(
      contentsOf: Support.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let marker = "`lstmviz train Samples/statquest-untrained.json`:\n\n```\n"
    let start = try #require(readme.range(of: marker))
    let block = readme[start.upperBound...].components(separatedBy: "```")[0]
    let outcome = try lstmviz(["train", "Samples/statquest-untrained.json"])
    #expect(block == outcome.stdout)
  }

  /// Each sequence's prediction (unit 1) in the JSON trace of `path`.
  func tracePredictions(_ path: String, _ options: [String] = []) throws -> [Double] {
    let outcome = try lstmviz(["trace", path, "--format", "json"] + options)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let trace = try JSONSerialization.jsonObject(with: outcome.data) as? [String: Any]
    let sequences = trace?["sequences"] as? [[String: Any]] ?? []
    return sequences.map { ($0["prediction"] as? [Double])?.first ?? .nan }
  }
}

@Suite struct TrainRefusalTests {
  @Test func aLessonWithoutTargetsIsRefusedNamingItsSequences() throws {
    expectRefusal(
      try lstmviz(["train", "--input", "1,2", "--input", "3"]),
      mentioning: ["no sequence has a target", "\"--input 1\", \"--input 2\""])
    let folder = try Support.scratchFolder()
    let lesson = folder.appendingPathComponent("l.json")
    try
      #"{"title": "t", "model": {"weight_ih_l0": [[1], [2], [3], [4], [1], [2], [3], [4]], "weight_hh_l0": [[1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1], [1, 0], [0, 1]]}, "sequences": [{"name": "s", "values": [1], "target": [1]}]}"#
      .write(to: lesson, atomically: true, encoding: .utf8)
    expectRefusal(
      try lstmviz(["train", lesson.path]),
      mentioning: ["l.json", "target of \"s\" has 1 number", "predicts 2 numbers"])
  }

  @Test func badOptionsAreRefusedBeforeTraining() throws {
    let lesson = sample("statquest-untrained.json")
    expectRefusal(try lstmviz(["train", lesson, "--epochs", "0"]), mentioning: ["--epochs"])
    expectRefusal(
      try lstmviz(["train", lesson, "--learning-rate", "-1"]), mentioning: ["--learning-rate"])
    expectRefusal(
      try lstmviz(["train", lesson, "--momentum", "0.5"]), mentioning: ["--momentum is SGD's"])
    expectRefusal(try lstmviz(["train", lesson, "--every", "0"]), mentioning: ["--every"])
    expectRefusal(
      try lstmviz(["train", lesson, "--optimizer", "rmsprop"]), mentioning: ["rmsprop"])
    expectRefusal(
      try lstmviz(["train", lesson, "--cell", "rnn", "--rnn", "none"]),
      mentioning: ["no plain-RNN twin"])
    expectRefusal(try lstmviz(["train", lesson, "--force"]), mentioning: ["--save"])
  }

  @Test func saveRefusesToOverwriteWithoutForce() throws {
    let folder = try Support.scratchFolder()
    let saved = folder.appendingPathComponent("kept.json")
    try "mine".write(to: saved, atomically: true, encoding: .utf8)
    let lesson = sample("statquest-untrained.json")
    expectRefusal(
      try lstmviz(["train", lesson, "--epochs", "2", "--save", saved.path]),
      mentioning: ["kept.json", "already exists; add --force"])
    #expect(try String(contentsOf: saved, encoding: .utf8) == "mine")
    let forced = try lstmviz(["train", lesson, "--epochs", "2", "--save", saved.path, "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    let reloaded = try lstmviz(["trace", saved.path, "--format", "json"])
    #expect(reloaded.status == 0 && reloaded.stdout.contains("trained: Adam"))
  }

  @Test func aLossOrWeightThatStopsBeingFiniteStopsTrainingAndWritesNothing() throws {
    let folder = try Support.scratchFolder()
    let saved = folder.appendingPathComponent("never.json")
    let outcome = try lstmviz([
      "train", sample("statquest-untrained.json"), "--optimizer", "sgd", "--learning-rate",
      "1e308", "--save", saved.path,
    ])
    #expect(outcome.status == 1)
    #expect(outcome.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: saved.path))
    #expect(
      outcome.stderr.hasPrefix("lstmviz: ") && outcome.stderr.contains("statquest-untrained.json")
        && outcome.stderr.contains("training stopped at epoch ")
        && outcome.stderr.contains("nothing was written"), "\(outcome.stderr)")
    #expect(outcome.stderr.split(separator: "\n").count == 1)
  }
}
