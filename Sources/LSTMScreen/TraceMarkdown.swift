import LSTMCore

/// The trace for a handout: the title, the equations, the weights, and per sequence a table with
/// one row per timestep (per hidden unit), headed with the seed's words.
struct TraceMarkdown {
  let lesson: Lesson
  let precision: Int
  let writer: ByteWriter
  /// What follows each sequence's block: `trace --gradients` adds its backward block.
  var afterSequence: ((InputSequence) throws -> Void)? = nil

  /// The seed's three stages, as lstmviz computes them.
  static let equations = """
    x = STM·w + input·w + b                  (one x per gate, same weights every step)
    remembered LTM = σ(x_forget) · LTM       (forget gate: % of LTM to remember)
    added LTM      = σ(x_input) · tanh(x_candidate)
                                             (input gate: % of potential retained × potential LTM)
    new LTM        = remembered LTM + added LTM
    potential STM  = tanh(new LTM)
    new STM        = σ(x_output) · potential STM
                                             (output gate: % of potential STM retained)
    prediction     = the STM after the last step
    """

  func write() throws {
    let model = lesson.model
    try writer.write("# \(Self.escape(lesson.title))\n\n")
    if let description = lesson.description { try writer.write(Self.escape(description) + "\n\n") }
    try writer.write(
      "An LSTM cell (a recurrent neural network) with input size \(model.inputSize) and hidden "
        + "size \(model.hiddenSize). Both memories start at 0.\n\n```\n\(Self.equations)\n```\n")
    if model.isScalar {
      try writer.write("\n| gate | STM weight | input weight | bias |\n|---|--:|--:|--:|\n")
      for gate in Gate.allCases {
        let weights = model.gates[gate]
        let numbers = [weights.stmWeights[0, 0], weights.inputWeights[0, 0], weights.bias[0]]
        try writer.write(
          "| \(gate.rawValue) (\(gate.meaning)) | "
            + numbers.map { NumberFormatting.fixed($0, precision: precision) }.joined(
              separator: " | ") + " |\n")
      }
    }
    let units = model.hiddenSize > 1
    var header = ["t"] + (units ? ["unit"] : [])
    header += model.inputSize == 1 ? ["input"] : (1...model.inputSize).map { "input \($0)" }
    header += TraceQuantity.all.map(\.heading)
    let rule = header.map { _ in "--:" }
    for sequence in lesson.sequences {
      try writer.write("\n## \(Self.escape(sequence.name))\n\n")
      try writer.write("| " + header.joined(separator: " | ") + " |\n")
      try writer.write("|" + rule.joined(separator: "|") + "|\n")
      var last: [Double] = []
      try model.forEachStep(of: sequence) { step in
        for unit in 0..<model.hiddenSize {
          var cells = ["\(step.t)"] + (units ? ["\(unit + 1)"] : [])
          cells += step.input.map(format)
          cells += TraceQuantity.all.map { format($0.value(step, unit)) }
          try writer.write("| " + cells.joined(separator: " | ") + " |\n")
        }
        last = step.stm
      }
      var summary = "\n**Prediction** (the STM after t = \(sequence.count)): \(list(last))"
      if let target = sequence.target { summary += ", **target** \(list(target))" }
      try writer.write(summary + "\n")
      try afterSequence?(sequence)
    }
  }

  func format(_ value: Double) -> String { NumberFormatting.fixed(value, precision: precision) }

  func list(_ values: [Double]) -> String { values.map(format).joined(separator: ", ") }

  /// Text with Markdown's special characters escaped, on one line, and other controls (escape,
  /// tab) shown as `�`. An `_` inside a word (`weight_ih_l0`) is left alone, and `#` is escaped
  /// only where it would start a heading.
  static func escape(_ text: String) -> String {
    let characters = Array(text)
    var escaped = ""
    for (k, character) in characters.enumerated() {
      let inWord =
        k > 0 && k + 1 < characters.count && characters[k - 1].isLetterOrDigit
        && characters[k + 1].isLetterOrDigit
      let special =
        "\\`*[]|<>".contains(character) || (character == "_" && !inWord)
        || (character == "#" && k == 0)
      if special { escaped.append("\\") }
      escaped.append(character.isNewline ? " " : character)
    }
    return escaped.printable
  }

}

extension Character {
  /// Whether this is a letter or a digit.
  fileprivate var isLetterOrDigit: Bool { isLetter || isNumber }
}
