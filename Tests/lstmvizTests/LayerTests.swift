import Foundation
import Testing

/// A plain LSTM written out here, PyTorch's formulas with gate blocks i, f, g, o, as the
/// reference `--layer` is checked against.
struct ReferenceLSTM {
  var ih: [[Double]]
  var hh: [[Double]]
  var bias: [Double]

  /// The STM after each step of `inputs`, from zero memories.
  func stm(_ inputs: [[Double]]) -> [[Double]] {
    let n = hh[0].count
    var h = Array(repeating: 0.0, count: n)
    var c = Array(repeating: 0.0, count: n)
    var out: [[Double]] = []
    for x in inputs {
      func pre(_ row: Int) -> Double {
        zip(ih[row], x).map(*).reduce(0, +) + zip(hh[row], h).map(*).reduce(0, +) + bias[row]
      }
      let sigmoid = { (v: Double) in 1 / (1 + exp(-v)) }
      var newH = h
      for j in 0..<n {
        let i = sigmoid(pre(j))
        let f = sigmoid(pre(n + j))
        let g = tanh(pre(2 * n + j))
        let o = sigmoid(pre(3 * n + j))
        c[j] = f * c[j] + i * g
        newH[j] = o * tanh(c[j])
      }
      h = newH
      out.append(h)
    }
    return out
  }
}

@Suite struct LayerTests {
  /// `nn.LSTM(1, 2, num_layers=2)` followed by `fc = nn.Linear(2, 1)`, as a state_dict.
  static let layer0 = ReferenceLSTM(
    ih: [[0.3], [-0.7], [1.1], [0.2], [-0.4], [0.9], [0.5], [-1.2]],
    hh: [
      [0.1, -0.2], [0.3, 0.4], [-0.5, 0.6], [0.7, -0.8], [0.2, 0.2], [-0.1, 0.3], [0.4, -0.6],
      [0.9, 0.1],
    ],
    bias: [0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.05, -0.05])
  static let layer1 = ReferenceLSTM(
    ih: [
      [0.5, -0.3], [0.2, 0.8], [-0.6, 0.1], [0.4, 0.4], [1.0, -1.0], [-0.2, 0.7], [0.3, 0.3],
      [0.6, -0.9],
    ],
    hh: [
      [-0.3, 0.2], [0.1, 0.1], [0.5, -0.4], [-0.2, 0.6], [0.3, 0.3], [0.8, -0.1], [-0.7, 0.2],
      [0.2, 0.5],
    ],
    bias: [0.2, 0.1, -0.3, 0.4, 0.0, 0.1, -0.1, 0.3])

  static func stateDict() throws -> Data {
    var object: [String: Any] = ["fc.weight": [[0.5, -0.5]], "fc.bias": [0.1]]
    for (k, layer) in [layer0, layer1].enumerated() {
      object["lstm.weight_ih_l\(k)"] = layer.ih
      object["lstm.weight_hh_l\(k)"] = layer.hh
      object["lstm.bias_ih_l\(k)"] = layer.bias
      object["lstm.bias_hh_l\(k)"] = Array(repeating: 0.0, count: 8)
    }
    return try JSONSerialization.data(withJSONObject: object)
  }

  @Test func layerOneRunsTheSequenceThroughLayerZeroFirst() throws {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.stateDict().write(to: directory.appendingPathComponent("model.json"))
    let inputs: [[Double]] = [[0.5], [-1], [2], [0.25]]
    let arguments = [
      "trace", "--format", "json", "--model", "model.json", "--input", "0.5,-1,2,0.25",
    ]
    let shown = try lstmviz(arguments + ["--layer", "1"], in: directory)
    #expect(shown.status == 0, "\(shown.stderr)")
    let traced = try TracedInputs(shown)
    let below = Self.layer0.stm(inputs)
    let expected = Self.layer1.stm(below)
    #expect(traced.inputs.first?.count == 4)
    for (t, step) in (traced.inputs.first ?? []).enumerated() {
      for (value, reference) in zip(step, below[t]) { #expect(abs(value - reference) < 1e-9) }
    }
    for (t, step) in (traced.stm.first ?? []).enumerated() {
      #expect(step.count == 2)
      for (value, reference) in zip(step, expected[t]) { #expect(abs(value - reference) < 1e-9) }
    }
    let object = try JSONSerialization.jsonObject(with: shown.data) as? [String: Any]
    let title = object?["title"] as? String ?? ""
    #expect(title.hasPrefix("model.json · layer 1 of 2"))
    #expect(title.contains("fc.* ignored"))

    let bottom = try lstmviz(arguments, in: directory)
    let bottomTitle =
      (try JSONSerialization.jsonObject(with: bottom.data) as? [String: Any])?["title"] as? String
    #expect(bottomTitle?.hasPrefix("model.json · layer 0 of 2") == true)
    for (t, step) in (try TracedInputs(bottom).stm.first ?? []).enumerated() {
      #expect(step == traced.inputs.first?[t])
    }

    // With a lesson and --model, --layer is the new model's, not the lesson's scalar cell's.
    let lesson = Support.packageRoot.appendingPathComponent(
      "Tests/Fixtures/golden/statquest.lesson.json")
    let overLesson = try lstmviz(
      ["trace", lesson.path] + arguments.dropFirst() + ["--layer", "1"], in: directory)
    #expect(overLesson.status == 0, "\(overLesson.stderr)")
    #expect(try TracedInputs(overLesson).stm == traced.stm)
  }
}
