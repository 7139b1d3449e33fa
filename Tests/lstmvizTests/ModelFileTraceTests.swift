import Foundation
import Testing

/// A model fixture traced at one layer, and the float64 reference it must reproduce.
struct ModelTraceCase: CustomTestStringConvertible, Sendable {
  var file: String
  var reference: String
  var layer: Int?
  var testDescription: String { "\(file) layer \(layer ?? 0)" }
}

/// Every stacked fixture at layers 0 and 1, and the one-layer ones.
let modelTraceCases: [ModelTraceCase] =
  [
    ("stack-head.f32.safetensors", "stack-head.f32"),
    ("stack-head.f64.safetensors", "stack-head.f64"),
    ("stack-head.f16.safetensors", "stack-head.f16"),
    ("stack-head.bf16.safetensors", "stack-head.bf16"), ("stack-head.f32.pt", "stack-head.f32"),
    ("stack-head.f64.pt", "stack-head.f64"), ("stack-head.ckpt", "stack-head.f32"),
  ].flatMap { file, reference in
    [0, 1].map { (layer: Int) in
      ModelTraceCase(file: file, reference: "\(reference).layer\(layer)", layer: layer)
    }
  } + [
    ModelTraceCase(file: "lstm-only.pt", reference: "lstm-only", layer: nil),
    ModelTraceCase(file: "lstmcell.pt", reference: "lstmcell", layer: nil),
    ModelTraceCase(file: "lstmcell.safetensors", reference: "lstmcell", layer: nil),
  ]

/// The steps and predictions of `trace`, the parts a head does not change.
func stepsAndPredictions(_ trace: Any) -> [[String: Any]] {
  let sequences = (trace as? [String: Any])?["sequences"] as? [[String: Any]] ?? []
  return sequences.map { sequence in
    [
      "name": sequence["name"] ?? "", "prediction": sequence["prediction"] ?? [],
      "steps": sequence["steps"] ?? [],
    ]
  }
}

@Suite struct ModelFileTraceTests {
  @Test(arguments: modelTraceCases)
  func traceReproducesTheFloat64Reference(_ test: ModelTraceCase) throws {
    var arguments = [
      "trace", "--model", ModelFixtures.path(test.file), "--sequences",
      ModelFixtures.path("sequences.json"), "--format", "json",
    ]
    if let layer = test.layer { arguments += ["--layer", "\(layer)"] }
    let outcome = try lstmviz(arguments)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.isEmpty)
    let actual = try JSONSerialization.jsonObject(with: outcome.data)
    let expected = try JSONSerialization.jsonObject(
      with: Data(
        contentsOf: URL(fileURLWithPath: ModelFixtures.path("\(test.reference).trace.json"))))
    let expectedSequences = stepsAndPredictions(expected)
    #expect(expectedSequences.count == 2)
    expectContains(stepsAndPredictions(actual), expectedSequences, at: test.testDescription)
    let object = actual as? [String: Any]
    #expect(object?["inputSize"] as? Int == (test.layer == 1 ? 4 : 3))
    #expect(object?["hiddenSize"] as? Int == 4)
  }

  @Test func aBinaryModelGivenAsTheLessonIsReadAsTheModel() throws {
    let outcome = try lstmviz([
      "trace", ModelFixtures.path("stack-head.f32.pt"), "--sequences",
      ModelFixtures.path("sequences.json"), "--format", "json",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let title = (try JSONSerialization.jsonObject(with: outcome.data) as? [String: Any])?["title"]
    #expect(title as? String == "stack-head.f32.pt · layer 0 of 2 · fc.* ignored")
  }

  @Test func aFileWithTwoLSTMsListsThemAndLSTMChoosesOne() throws {
    let file = ModelFixtures.path("two-lstms.safetensors")
    let sequences = ModelFixtures.path("sequences.json")
    expectRefusal(
      try lstmviz(["trace", "--model", file, "--sequences", sequences]),
      mentioning: ["two-lstms.safetensors", "2 LSTMs", "\"decoder\"", "\"encoder\"", "--lstm"])
    var traces: [String: Any] = [:]
    for name in ["encoder", "decoder"] {
      let outcome = try lstmviz([
        "trace", "--model", file, "--sequences", sequences, "--lstm", name, "--format", "json",
      ])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      let trace = try JSONSerialization.jsonObject(with: outcome.data) as? [String: Any]
      let other = name == "encoder" ? "decoder" : "encoder"
      #expect(
        trace?["title"] as? String == "two-lstms.safetensors · layer 0 of 1 · \(other).* ignored")
      traces[name] = stepsAndPredictions(trace as Any)
    }
    // The decoder's weight_ih is half the encoder's: the two traces differ.
    #expect(
      (traces["encoder"] as? [[String: Any]])?.first?["prediction"] as? [Double]
        != (traces["decoder"] as? [[String: Any]])?.first?["prediction"] as? [Double])
    expectRefusal(
      try lstmviz(["trace", "--model", file, "--sequences", sequences, "--lstm", "fc"]),
      mentioning: ["--lstm \"fc\"", "no LSTM of that name", "\"decoder\" and \"encoder\""])
  }

  @Test func forbiddenPicklesRunNothing() throws {
    let marker = "/tmp/lstmviz-pwned"
    try? FileManager.default.removeItem(atPath: marker)
    for file in ["evil.pt", "evil-plain.pt"] {
      expectRefusal(
        try lstmviz(["trace", "--model", ModelFixtures.path(file)]),
        mentioning: [
          "\(file): ",
          "refused to load: the file asks for os.system, which a state_dict never needs",
        ])
      expectRefusal(try lstmviz(["render", ModelFixtures.path(file)]), mentioning: ["os.system"])
    }
    #expect(!FileManager.default.fileExists(atPath: marker))
  }
}
