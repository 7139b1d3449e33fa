import Foundation
import LSTMCore

/// The `table` and `markdown` traces with what `TraceOptions` adds: after each sequence's
/// forward steps, a backward block (∂J/∂LTM_t, ∂J/∂STM_t, ∂J/∂input_t at every step, the
/// direct-path product, and the weight gradients); for `--cell rnn`, the twin's forward steps
/// (input, STM in, x, new STM) in place of the LSTM's.
struct TraceBackwardText {
  let lesson: Lesson
  let options: TraceOptions
  let precision: Int
  /// Markdown tables rather than the terminal's blocks.
  let markdown: Bool
  let writer: ByteWriter

  /// One row of a block: its label and its number at step t (1...T).
  struct Row {
    var label: String
    var value: (Int) -> Double
  }

  func write() throws {
    switch (options.cell, lesson.rnn, markdown) {
    case (.rnn, let twin?, _):
      try rnnHeader(twin)
      for sequence in lesson.sequences { try rnnSequence(sequence, twin) }
    case (_, _, false):
      try TraceTable(
        lesson: lesson, precision: precision, writer: writer, afterSequence: lstmBackward
      ).write()
    case (_, _, true):
      try TraceMarkdown(
        lesson: lesson, precision: precision, writer: writer, afterSequence: lstmBackward
      ).write()
    }
  }

  // MARK: The LSTM

  private func lstmBackward(_ sequence: InputSequence) throws {
    guard let request = options.gradients else { return }
    let run = SequenceRun(model: lesson.model, sequence: sequence)
    let gradients = run.gradients(of: request.objective(for: sequence))
    let n = gradients.hiddenSize
    var rows = unitRows("∂J/∂LTM_t", n) { gradients.ltm(after: $0, unit: $1) }
    rows += unitRows("∂J/∂STM_t", n) { gradients.stm(after: $0, unit: $1) }
    rows += inputRows(gradients.inputGradients, inputSize: gradients.inputSize)
    rows += unitRows("∏f from t+1 to T", n) { gradients.directPathProduct(after: $0, unit: $1) }
    try backwardHeading(request, value: gradients.objectiveValue, count: run.count)
    try block(rows, count: run.count)
    try weightGradients(
      Gate.pytorchOrder.map { ($0.rawValue, gradients.weightGradients[$0]) }, hiddenSize: n)
  }

  // MARK: The twin

  private func rnnHeader(_ twin: RNNModel) throws {
    let sizes =
      "input size \(twin.inputSize), hidden size \(twin.hiddenSize); the STM starts at 0; "
      + "same weights every step"
    let formula = "new STM = tanh(x), x = STM·w + input·w + b: no gates, no LTM"
    if markdown {
      try writer.write("# \(TraceMarkdown.escape(lesson.title))\n\n")
      if let description = lesson.description {
        try writer.write(TraceMarkdown.escape(description) + "\n\n")
      }
      try writer.write("The lesson's plain-RNN twin: \(sizes).\n\n```\n\(formula)\n```\n")
      if twin.isScalar {
        let w = twin.weights
        try writer.write(
          "\n| STM weight | input weight | bias |\n|--:|--:|--:|\n| "
            + [w.stmWeights[0, 0], w.inputWeights[0, 0], w.bias[0]].map { format($0) }.joined(
              separator: " | ") + " |\n")
      }
      return
    }
    for line in lesson.title.wrapped(width: TraceTable.width)
      + (lesson.description ?? "").wrapped(width: TraceTable.width)
    {
      try writer.write(line.printable + "\n")
    }
    try writer.write("The plain-RNN twin: \(sizes)\n\(formula)\n")
  }

  private func rnnSequence(_ sequence: InputSequence, _ twin: RNNModel) throws {
    let run = RNNRun(model: twin, sequence: sequence)
    let n = twin.hiddenSize
    var rows = inputRows(sequence.values, inputSize: twin.inputSize, label: "input")
    rows += unitRows("STM in", n) { run.stm(after: $0 - 1, unit: $1) }
    rows += unitRows("x = STM·w + input·w + b", n) { run.step(at: $0).x[$1] }
    rows += unitRows("new STM = tanh(x)", n) { run.stm(after: $0, unit: $1) }
    let steps = sequence.count == 1 ? "1 step" : "\(sequence.count) steps"
    if markdown {
      try writer.write("\n## \(TraceMarkdown.escape(sequence.name))\n\n")
    } else {
      try writer.write("\n\(sequence.name.printable) · \(steps)\n")
    }
    try block(rows, count: run.count)
    var summary =
      markdown
      ? "\n**Prediction** (the STM after t = \(sequence.count)): \(list(run.prediction))"
      : "prediction (STM after t = \(sequence.count)): " + list(run.prediction)
    if let target = sequence.target {
      summary += markdown ? ", **target** \(list(target))" : "    target: " + list(target)
    }
    try writer.write(summary + "\n")
    guard let request = options.gradients else { return }
    let gradients = run.gradients(of: request.objective(for: sequence))
    var backward = unitRows("∂J/∂STM_t", n) { gradients.stm(after: $0, unit: $1) }
    backward += inputRows(gradients.inputGradients, inputSize: gradients.inputSize)
    backward += unitRows("∏ w·(1−STM²) from t+1 to T", n) {
      gradients.directPathProduct(after: $0, unit: $1)
    }
    try backwardHeading(request, value: gradients.objectiveValue, count: run.count)
    try block(backward, count: run.count)
    try weightGradients([("rnn", gradients.weightGradients)], hiddenSize: n)
  }

  // MARK: Shared

  /// ` [j]` for a vector cell's unit j (from 1), nothing for the scalar cell.
  private func unit(_ j: Int, _ n: Int) -> String { n == 1 ? "" : " [\(j + 1)]" }

  /// One row per hidden unit j of n, labelled `label [j]`, whose value at step t is
  /// `value(t, j)`.
  private func unitRows(
    _ label: String, _ n: Int, _ value: @escaping (Int, Int) -> Double
  ) -> [Row] {
    (0..<n).map { j in Row(label: label + unit(j, n)) { value($0, j) } }
  }

  /// One row per input number k of flat per-step `values`, labelled `∂J/∂input_t` or `label`.
  private func inputRows(
    _ values: [Double], inputSize m: Int, label: String = "∂J/∂input_t"
  ) -> [Row] {
    (0..<m).map { k in
      Row(label: label + (m == 1 ? "" : " \(k + 1)")) { values[($0 - 1) * m + k] }
    }
  }

  private func backwardHeading(_ request: GradientRequest, value: Double, count: Int) throws {
    let what =
      switch request {
      case .prediction(let unit): "the prediction of unit \(unit + 1) (its STM after t = \(count))"
      case .loss: "the loss Σ (prediction − target)²"
      }
    let text = "Backward through time: J = \(what) = \(format(value))"
    let note = "LTM_t and STM_t are the memories after step t"
    try writer.write(markdown ? "\n### Backward\n\n\(text); \(note).\n" : "\n\(text)\n(\(note))\n")
  }

  /// The rows at every step: a Markdown table with a row per step, or the terminal's blocks of
  /// steps across, as many as fit in 80 columns.
  private func block(_ rows: [Row], count: Int) throws {
    if markdown {
      try writer.write("\n| t | " + rows.map(\.label).joined(separator: " | ") + " |\n")
      try writer.write("|--:|" + rows.map { _ in "--:" }.joined(separator: "|") + "|\n")
      for t in stride(from: 1, through: count, by: 1) {
        try writer.write(
          "| \(t) | " + rows.map { format($0.value(t)) }.joined(separator: " | ") + " |\n")
      }
      return
    }
    let labelWidth = rows.map(\.label.count).max() ?? 0
    let estimate = max(precision + 8, "t = \(count)".count + 2)
    let perBlock = max(1, (TraceTable.width - labelWidth) / estimate)
    var first = 1
    while first <= count {
      let times = first...min(count, first + perBlock - 1)
      let cells = rows.map { row in times.map { format(row.value($0), signed: true) } }
      let headers = times.map { "t = \($0)" }
      let widest = max(
        headers.map(\.count).max() ?? 0, cells.joined().map(\.count).max() ?? 0)
      if first > 1 { try writer.write("\n") }
      try writer.write(
        pad("", labelWidth) + headers.map { pad($0, widest + 2, right: true) }.joined() + "\n")
      for (row, line) in zip(rows, cells) {
        try writer.write(
          pad(row.label, labelWidth) + line.map { pad($0, widest + 2, right: true) }.joined()
            + "\n")
      }
      first = times.upperBound + 1
    }
  }

  private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
  }

  /// ∂J/∂ each weight, summed over the steps, for each named part (a gate, or the twin).
  private func weightGradients(_ parts: [(String, GateWeights)], hiddenSize n: Int) throws {
    let title = "Weight gradients ∂J/∂w, summed over the steps"
    if markdown {
      try writer.write("\n\(title):\n\n| weights | STM weight | input weight | bias |\n")
      try writer.write("|---|---|---|--:|\n")
    } else {
      try writer.write("\n\(title):\n")
    }
    let labelWidth = (parts.map(\.0.count).max() ?? 0) + unit(n - 1, n).count + 1
    for (name, weights) in parts {
      for j in 0..<n {
        let stm = (0..<weights.stmWeights.columns).map { weights.stmWeights[j, $0] }
        let input = (0..<weights.inputWeights.columns).map { weights.inputWeights[j, $0] }
        let label = name + unit(j, n)
        if markdown {
          try writer.write(
            "| \(label) | \(list(stm)) | \(list(input)) | \(format(weights.bias[j])) |\n")
        } else {
          try writer.write(
            "  " + pad(label + ":", labelWidth)
              + "  STM weight \(list(stm))  input weight \(list(input))  bias "
              + "\(format(weights.bias[j]))\n")
        }
      }
    }
  }

  /// A gradient at the trace's precision: fixed from 0.001 up, scientific below (`3.1416e-12`),
  /// so that a gradient that vanishes shows how far it has fallen rather than `0.0000`.
  private func format(_ value: Double, signed: Bool = false) -> String {
    let magnitude = value.magnitude
    guard magnitude != 0, magnitude < 1e-3, value.isFinite else {
      return NumberFormatting.fixed(value, precision: precision, signed: signed)
    }
    let body = String(format: "%.\(max(precision, 1))e", magnitude)
    return value < 0 ? "-" + body : signed ? " " + body : body
  }

  private func list(_ values: [Double]) -> String {
    let texts = values.map { format($0) }
    return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
  }
}
