import Foundation
import Testing

/// A gradient reference and the `trace` arguments that reproduce it.
struct GradientCase: CustomTestStringConvertible, Sendable {
  /// The reference file in Tests/Fixtures/golden.
  var reference: String
  /// The lesson file in Tests/Fixtures/golden, nil for the built-in lesson.
  var lesson: String?
  /// What is added to `trace --format json --gradients`.
  var options: [String]
  /// Whether the reference has exactly the CLI's shape (the golden and autograd files), not the
  /// CLI's shape plus the numpy references' extras (each step's gate gradients and so on).
  var exactShape: Bool

  var testDescription: String { reference }

  /// The command line.
  var arguments: [String] {
    ["trace", "--format", "json", "--gradients"] + (lesson.map { [golden($0)] } ?? []) + options
  }
}

let gradientCases: [GradientCase] = [
  GradientCase(reference: "statquest.gradients.json", options: [], exactShape: true),
  GradientCase(
    reference: "statquest.loss-gradients.json", options: ["--of", "loss"], exactShape: true),
  GradientCase(
    reference: "statquest.rnn-gradients.json", options: ["--cell", "rnn"], exactShape: true),
  GradientCase(
    reference: "statquest.rnn-loss-gradients.json", options: ["--cell", "rnn", "--of", "loss"],
    exactShape: true),
  GradientCase(
    reference: "statquest-long.gradients.json", lesson: "statquest-long.lesson.json", options: [],
    exactShape: true),
  GradientCase(
    reference: "statquest-long.loss-gradients.json", lesson: "statquest-long.lesson.json",
    options: ["--of", "loss"], exactShape: true),
  GradientCase(
    reference: "statquest-long.rnn-gradients.json", lesson: "statquest-long.lesson.json",
    options: ["--cell", "rnn"], exactShape: true),
  GradientCase(
    reference: "statquest-long.rnn-loss-gradients.json", lesson: "statquest-long.lesson.json",
    options: ["--cell", "rnn", "--of", "loss"], exactShape: true),
  GradientCase(
    reference: "vector-3x2.lstm-gradients.json", lesson: "vector-3x2.lesson.json",
    options: ["--of", "prediction:1"], exactShape: false),
  GradientCase(
    reference: "vector-3x2.lstm-loss-gradients.json", lesson: "vector-3x2.lesson.json",
    options: ["--of", "loss"], exactShape: false),
  GradientCase(
    reference: "vector-3x2.rnn-gradients.json", lesson: "vector-3x2.lesson.json",
    options: ["--cell", "rnn"], exactShape: false),
  GradientCase(
    reference: "vector-3x2.rnn-loss-gradients.json", lesson: "vector-3x2.lesson.json",
    options: ["--cell", "rnn", "--of", "loss"], exactShape: false),
]

/// Expects `actual` to have `expected`'s shape and numbers (within 1e-9, relative above 1): with
/// `exact`, the same keys in every object; without, every key of `actual` in `expected`.
func expectReproduces(
  _ actual: Any?, _ expected: Any?, at path: String, exact: Bool,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  switch actual {
  case let object as [String: Any]:
    guard let expected = expected as? [String: Any] else {
      Issue.record("\(path): not an object in the reference", sourceLocation: sourceLocation)
      return
    }
    if exact {
      #expect(
        Set(object.keys) == Set(expected.keys), "\(path) keys", sourceLocation: sourceLocation)
    }
    for (key, value) in object {
      expectReproduces(
        value, expected[key], at: "\(path).\(key)", exact: exact, sourceLocation: sourceLocation)
    }
  case let array as [Any]:
    guard let expected = expected as? [Any], expected.count == array.count else {
      Issue.record("\(path): expected a list as long", sourceLocation: sourceLocation)
      return
    }
    for (k, value) in array.enumerated() {
      expectReproduces(
        value, expected[k], at: "\(path)[\(k)]", exact: exact, sourceLocation: sourceLocation)
    }
  case let string as String:
    // The numpy references' titles say how they were made; the CLI writes the lesson's.
    if !path.hasSuffix(".title") {
      #expect(string == expected as? String, "\(path)", sourceLocation: sourceLocation)
    }
  case let number as NSNumber:
    guard let expected = expected as? NSNumber else {
      Issue.record("\(path): not a number in the reference", sourceLocation: sourceLocation)
      return
    }
    let want = expected.doubleValue
    #expect(
      abs(number.doubleValue - want) <= 1e-9 * max(1, abs(want)),
      "\(path): \(number) vs \(want)", sourceLocation: sourceLocation)
  default:
    Issue.record("\(path): unexpected value \(String(describing: actual))")
  }
}

/// Every `"key":` of a JSON text, in order.
func keysInOrder(_ text: String) -> [String] {
  text.matches(of: /"([A-Za-z]+)":/).map { String($0.output.1) }
}

@Suite struct GradientTraceCLITests {
  @Test(arguments: gradientCases)
  func traceReproducesTheReference(_ reference: GradientCase) throws {
    let outcome = try lstmviz(reference.arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.isEmpty)
    let actual = try JSONSerialization.jsonObject(with: outcome.data)
    let expected = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: golden(reference.reference))))
    expectReproduces(actual, expected, at: reference.reference, exact: reference.exactShape)
  }

  /// The keys come in the golden files' order, not only with their names.
  @Test(arguments: gradientCases.filter(\.exactShape))
  func keysComeInTheReferencesOrder(_ reference: GradientCase) throws {
    let outcome = try lstmviz(reference.arguments)
    let expected = try String(contentsOfFile: golden(reference.reference), encoding: .utf8)
    #expect(keysInOrder(outcome.stdout) == keysInOrder(expected))
  }

  @Test func ofPredictionIsTheDefaultAndOfImpliesGradients() throws {
    let plain = try lstmviz(["trace", "--format", "json", "--gradients"])
    let named = try lstmviz(["trace", "--format", "json", "--of", "prediction:1"])
    #expect(plain.status == 0 && named.status == 0)
    #expect(plain.stdout == named.stdout)
  }

  @Test func aChosenUnitIsDifferentiated() throws {
    let outcome = try lstmviz([
      "trace", "--format", "json", "--of", "prediction:3", golden("vector-3x2.lesson.json"),
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try JSONSerialization.jsonObject(with: outcome.data) as? [String: Any]
    #expect(object?["gradientOf"] as? String == "prediction unit 3")
    let sequences = object?["sequences"] as? [[String: Any]]
    let last = (sequences?.first?["steps"] as? [[String: Any]])?.last
    let stm = (last?["gradients"] as? [String: Any])?["stm"] as? [Double]
    #expect(stm == [0, 0, 1])
  }

  @Test func withoutTheNewOptionsTheTraceIsUnchanged() throws {
    for format in ["table", "csv", "json", "markdown"] {
      let plain = try lstmviz(["trace", "--format", format])
      let withLSTM = try lstmviz(["trace", "--format", format, "--cell", "lstm"])
      #expect(plain.stdout == withLSTM.stdout)
      #expect(!plain.stdout.contains("∂J") && !plain.stdout.contains("gradient"))
    }
  }

  @Test func everyFormatCarriesTheGradients() throws {
    let table = try lstmviz(["trace", "--gradients"])
    #expect(table.stdout.contains("Backward through time: J = the prediction of unit 1"))
    for label in ["∂J/∂LTM_t", "∂J/∂STM_t", "∂J/∂input_t", "∏f from t+1 to T", "Weight gradients"] {
      #expect(table.stdout.contains(label), "\(label)")
    }
    let markdown = try lstmviz(["trace", "--format", "markdown", "--of", "loss"])
    #expect(markdown.stdout.contains("### Backward"))
    #expect(
      markdown.stdout.contains("| t | ∂J/∂LTM_t | ∂J/∂STM_t | ∂J/∂input_t | ∏f from t+1 to T |"))
    let csv = try lstmviz(["trace", "--format", "csv", "--gradients"])
    let header = csv.stdout.split(separator: "\n").first ?? ""
    #expect(header.hasSuffix(",stm,gradient_ltm,gradient_stm,gradient_input,directPath"))
    let rnn = try lstmviz(["trace", "--format", "csv", "--cell", "rnn", "--gradients"])
    #expect(
      rnn.stdout.hasPrefix(
        "sequence,t,unit,input,stmIn,x,stm,gradient_stm,gradient_input,directPath\n"))
    let rnnTable = try lstmviz(["trace", "--cell", "rnn"])
    #expect(rnnTable.stdout.contains("new STM = tanh(x)"))
    #expect(!rnnTable.stdout.contains("Forget gate"))
  }

  /// The CSV's gradients are the JSON's, digit for digit.
  @Test func csvGradientsAreTheJSONs() throws {
    let json = try lstmviz(["trace", "--format", "json", "--of", "loss"])
    let csv = try lstmviz(["trace", "--format", "csv", "--of", "loss"])
    let match = json.stdout.firstMatch(
      of: /"gradients": \{"ltm": \[([^\]]+)\], "stm": \[([^\]]+)\], "input": \[([^\]]+)\]\}/)
    let row = csv.stdout.split(separator: "\n")[1].split(separator: ",").map(String.init)
    #expect(match != nil)
    if let match {
      #expect(
        Array(row.suffix(4).prefix(3))
          == [String(match.output.1), String(match.output.2), String(match.output.3)])
    }
  }
}
