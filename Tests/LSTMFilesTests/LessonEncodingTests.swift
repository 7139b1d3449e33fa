import LSTMCore
import LessonFixtures
import Testing

@testable import LSTMFiles

/// Every number of a lesson, as bits: weights of each gate (and the twin), the layouts' two
/// biases, every input and target. Two lessons with the same bits are the same to the last bit,
/// `-0.0` and `0.0` told apart.
private func bits(_ lesson: Lesson) -> [UInt64] {
  var numbers: [Double] = []
  for gate in Gate.allCases {
    let weights = lesson.model.gates[gate]
    numbers += weights.stmWeights.storage + weights.inputWeights.storage + weights.bias
  }
  if let rnn = lesson.rnn {
    numbers += rnn.weights.stmWeights.storage + rnn.weights.inputWeights.storage + rnn.weights.bias
  }
  for layout in [lesson.modelLayout, lesson.rnnLayout] {
    numbers += (layout?.inputBias ?? []) + (layout?.stmBias ?? [])
  }
  for sequence in lesson.sequences {
    numbers += sequence.values + (sequence.target ?? [])
  }
  return numbers.map(\.bitPattern)
}

/// `lesson` written by `LessonEncoding` and read back through `Lesson.load`, as a file would be.
private func reloaded(_ lesson: Lesson) throws -> Lesson {
  try load(
    LessonSources(lesson: "saved.json"), files: ["saved.json": LessonEncoding.json(for: lesson)])
}

@Suite struct LessonEncodingTests {
  /// Numbers whose shortest text is easy to get wrong.
  static let awkward: [Double] = [
    0.1, 0.30000000000000004, -0.0, .leastNonzeroMagnitude, 2.2250738585072014e-308, 1e-300,
    123456789.12345679,
    -1.7976931348623157e30, 9_007_199_254_740_991, 0.5, 1, -2.7, 3.141592653589793, 1e-05, 1e16,
  ]

  @Test func theScalarFormComesBackBitForBitWithItsTitleAndTexts() throws {
    var lesson = Lesson.statQuest
    lesson.title = "Quotes \"here\", a back\\slash, a tab\t, a line\nend, \u{01}, Ünïcødé 📈 股票"
    lesson.description = "Line one\nline two \u{2028} and \u{7F}; {\"json\": [1]}"
    let w = Self.awkward
    lesson.model = try LSTMModel(
      scalar: PerGate { gate in
        let k = Gate.allCases.firstIndex(of: gate) ?? 0
        return GateWeights(stmWeight: w[3 * k], inputWeight: w[3 * k + 1], bias: w[3 * k + 2])
      })
    lesson.sequences = [
      InputSequence(name: "odd \"name\" ✓", values: w, target: -0.0),
      InputSequence(name: "", values: [0], target: nil),
    ]
    lesson.rnn = RNNModel(stmWeight: 0.1, inputWeight: -0.0, bias: .leastNonzeroMagnitude)
    let back = try reloaded(lesson)
    #expect(back == lesson)
    #expect(bits(back) == bits(lesson))
    #expect(back.modelLayout == nil && back.rnnLayout == nil)
    let text = LessonEncoding.json(for: lesson)
    #expect(text.contains(#""forget": {"stmWeight": 0.1, "inputWeight": 0.30000000000000004"#))
    #expect(text.contains(#""target": -0.0"#))
  }

  @Test func aSavedLessonReadsLikeTheSamples() throws {
    let description = try #require(Lesson.statQuest.description)
    #expect(
      LessonEncoding.json(for: Lesson.statQuest) == """
        {
         "title": "StatQuest stock example (weights as shown in the video)",
         "description": "\(description)",
         "model": {
          "forget": {"stmWeight": 2.7, "inputWeight": 1.63, "bias": 1.62},
          "input": {"stmWeight": 2, "inputWeight": 1.65, "bias": 0.62},
          "candidate": {"stmWeight": 1.41, "inputWeight": 0.94, "bias": -0.32},
          "output": {"stmWeight": 4.38, "inputWeight": -0.19, "bias": 0.59}
         },
         "sequences": [
          {"name": "Company A", "values": [0, 0.5, 0.25, 1], "target": 0},
          {"name": "Company B", "values": [1, 0.5, 0.25, 1], "target": 1}
         ],
         "rnn": {"stmWeight": 1.89, "inputWeight": 2.29, "bias": -0.7}
        }

        """)
  }

  @Test func theBuiltInLessonReadsBackAsItself() throws {
    let back = try reloaded(Lesson.statQuest)
    #expect(back == Lesson.statQuest)
    #expect(bits(back) == bits(Lesson.statQuest))
  }

  @Test func aStateDictKeepsItsNamesItsTwoBiasesAndItsVectorTargets() throws {
    let model = """
      {"lstm.weight_ih_l0": [[0.1, 0.2], [0.3, -0.4], [0.5, 0.6], [0.7, 0.8], [0.9, 1.0],
         [1.1, 1.2], [-1.3, 1.4], [1.5, 1.6], [1.7, 1.8], [1.9, 2.0], [2.1, 2.2], [2.3, 2.4]],
       "lstm.weight_hh_l0": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9], [1.0, 1.1, 1.2],
         [0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9], [1.0, 1.1, 1.2],
         [0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9], [1.0, 1.1, 1.2]],
       "lstm.bias_ih_l0": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2],
       "lstm.bias_hh_l0": [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, -0.0],
       "fc.weight": [[1, 2, 3]]}
      """
    let twin = """
      {"rnn.weight_ih_l0": [[0.5, 0.25], [1, 2], [3, 4]],
       "rnn.weight_hh_l0": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]],
       "rnn.bias_ih_l0": [0.1, 0.2, 0.3], "rnn.bias_hh_l0": [0.3, 0.2, 0.1]}
      """
    let lessonText = """
      {"title": "vector", "model": \(model), "rnn": \(twin), "sequences": [
        {"name": "a", "values": [[1, 2], [0.1, 0.7], [-3, 1e-300]], "target": [0, 0.5, 1]},
        {"name": "b", "values": [[0, 0]]}]}
      """
    let lesson = try load(LessonSources(lesson: "l.json"), files: ["l.json": lessonText])
    #expect(lesson.modelLayout?.prefix == "lstm.")
    #expect(lesson.modelLayout?.stmBias?.last?.sign == .minus)
    // 0.1 + 0.2 is not 0.3: the two biases are kept apart, not their sum.
    #expect(lesson.model.gates.input.bias[0] == 0.1 + 0.2)
    let text = LessonEncoding.json(for: lesson)
    for name in [
      "lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0",
      "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
    ] {
      #expect(text.contains("\"\(name)\": "), "\(name)")
    }
    #expect(!text.contains("fc.weight"))
    #expect(text.contains("\"lstm.weight_ih_l0\": [\n   [0.1, 0.2],\n   [0.3, -0.4],\n"))
    #expect(text.contains("\"lstm.bias_hh_l0\": [0.2, 0.1, 0.1"))
    #expect(
      text.contains(
        #"{"name": "a", "values": [[1, 2], [0.1, 0.7], [-3, 1e-300]], "target": [0, 0.5, 1]}"#))
    let back = try reloaded(lesson)
    #expect(back == lesson)
    #expect(bits(back) == bits(lesson))
  }

  @Test func anLSTMCellKeepsItsNamesWithoutALayer() throws {
    let cell = """
      {"cell.weight_ih": [[1], [2], [3], [4]], "cell.weight_hh": [[5], [6], [7], [8]],
       "cell.bias_hh": [0.25, 0.5, 0.75, 1]}
      """
    let lesson = try load(LessonSources(model: "c.json"), files: ["c.json": cell])
    let text = LessonEncoding.json(for: lesson)
    #expect(text.contains(#""cell.weight_ih": "#) && text.contains(#""cell.bias_hh": [0.25"#))
    #expect(!text.contains("bias_ih") && !text.contains("_l0"))
    let back = try reloaded(lesson)
    #expect(back == lesson)
    #expect(bits(back) == bits(lesson))
  }

  @Test func aVectorModelMadeInCodeIsWrittenAsAStateDict() throws {
    let n = 2
    func matrix(_ columns: Int, _ seed: Double) -> Matrix {
      Matrix(rows: n, columns: columns, storage: (0..<n * columns).map { seed + Double($0) / 7 })
    }
    let model = try LSTMModel(
      inputSize: 1, hiddenSize: n,
      gates: PerGate { gate in
        let seed = Double(Gate.allCases.firstIndex(of: gate) ?? 0) / 3
        return GateWeights(
          stmWeights: matrix(n, seed), inputWeights: matrix(1, -seed), bias: [seed, -0.0])
      })
    let lesson = Lesson(
      title: "made in code", model: model,
      sequences: [InputSequence(name: "s", inputSize: 1, values: [1, 0.5], target: [0.25, -1])])
    let back = try reloaded(lesson)
    #expect(back.model == lesson.model && back.sequences == lesson.sequences)
    var bare = back
    bare.modelLayout = nil
    #expect(bits(bare) == bits(lesson))
    #expect(back.modelLayout?.inputBias?.count == 4 * n && back.modelLayout?.stmBias == nil)
  }

  @Test func aBiasChangedAfterLoadingStillReadsBackExactly() throws {
    let model = """
      {"weight_ih_l0": [[1], [2], [3], [4]], "weight_hh_l0": [[5], [6], [7], [8]],
       "bias_ih_l0": [0.1, 0.2, 0.3, 0.4], "bias_hh_l0": [0.7, 1e300, 0.5, 0.5]}
      """
    var lesson = try load(LessonSources(model: "m.json"), files: ["m.json": model])
    // The forget gate is PyTorch's second block: its bias_hh is 1e300, so a small change of the
    // sum cannot be taken by bias_ih alone.
    try lesson.model.setWeight(0.30000000000000004, gate: .forget, part: .bias, row: 0)
    try lesson.model.setWeight(-0.0, gate: .output, part: .bias, row: 0)
    let back = try reloaded(lesson)
    #expect(bits(Array(back.model.torchOrderBias)) == bits(lesson.model.torchOrderBias))
    #expect(back.model == lesson.model)
    // The input gate was not changed: its two biases are written as they were.
    #expect(back.modelLayout?.inputBias?[0] == 0.1 && back.modelLayout?.stmBias?[0] == 0.7)
  }

  @Test func randomNumbersComeBackBitForBit() throws {
    var generator = SplitMix(seed: 14)
    var values: [Double] = []
    while values.count < 4000 {
      let value = Double(bitPattern: generator.next())
      // Inputs this large would overflow the cell, which loading refuses.
      if value.isFinite && value.magnitude < 1e12 { values.append(value) }
    }
    let lesson = Lesson(
      title: "random", model: Lesson.statQuest.model,
      sequences: [InputSequence(name: "r", values: values, target: values[0])])
    let back = try reloaded(lesson)
    #expect(back.sequences[0].values.map(\.bitPattern) == values.map(\.bitPattern))
    for value in values.prefix(500) {
      #expect(DecimalNumber.read(blankPadded: LessonEncoding.number(value)) == .value(value))
    }
  }
}

/// `bits` of a list of numbers.
private func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

/// A small, seeded generator of 64-bit patterns (SplitMix64), so the test is the same each run.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
