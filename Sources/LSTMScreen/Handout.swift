import LSTMCore
import LSTMViewModel

/// How a handout is written down: Markdown (`TraceMarkdown`) or HTML (`TraceHTML`). `Handout`
/// says what comes in which order; a format says how each piece looks.
protocol HandoutFormat {
  /// A heading of `level` (1 the title, 2 a sequence, 3 a step).
  func heading(_ level: Int, _ text: String) throws
  /// A paragraph of prose.
  func paragraph(_ text: String) throws
  /// Lines as the screen shows them, in a monospace block: the cell's memory lines and its
  /// formulas with the numbers filled in.
  func formulas(_ lines: [Line]) throws
  /// A table of numbers: `columns`, and rows that `rows` hands to its argument one by one (it
  /// may be called more than once, if the table is written in parts).
  func table(
    _ columns: [HandoutColumn], rows: (([String]) throws -> Void) throws -> Void
  ) throws
}

/// A column of a handout's table: its heading, and the widest its cells are.
struct HandoutColumn {
  /// The heading.
  var heading: String
  /// The widest cell, in characters.
  var width: Int
}

/// The handout of a lesson, for print: the model and its weights, then for each sequence one
/// section per step with the formulas filled in as on the screen (`Diagram`, `CellText`), in
/// the seed's words, and a compact table of every step. Every line fits in `Handout.width`
/// columns.
///
/// It streams: a sequence is run once for its steps and once more for its table, and nothing
/// kept grows with its length.
struct Handout {
  let lesson: Lesson
  let precision: Int
  /// What follows each sequence (`trace --gradients` adds its backward block).
  var afterSequence: ((InputSequence) throws -> Void)?

  /// The widest line a handout has.
  static let width = 100

  private var model: LSTMModel { lesson.model }
  private let numbers: NumberStyle

  /// The handout of `lesson` at `precision` decimals, weights to as few as show them exactly.
  init(lesson: Lesson, precision: Int, afterSequence: ((InputSequence) throws -> Void)? = nil) {
    self.lesson = lesson
    self.precision = precision
    self.afterSequence = afterSequence
    numbers = NumberStyle(precision: precision, model: lesson.model, everyModel: true)
  }

  func format(_ value: Double) -> String { NumberFormatting.fixed(value, precision: precision) }

  /// `0.5000`, or for several values `(0.4794, 0.9450)`.
  func list(_ values: [Double]) -> String {
    values.count == 1 ? format(values[0]) : "(" + values.map(format).joined(separator: ", ") + ")"
  }

  /// Writes the whole handout in `output`'s format.
  func write(to output: some HandoutFormat) throws {
    try output.heading(1, lesson.title)
    if let description = lesson.description { try output.paragraph(description) }
    let symbols = model.isScalar ? "w" : "U, W"
    try output.paragraph(
      "An LSTM cell (a recurrent neural network) with input size \(model.inputSize) and hidden "
        + "size \(model.hiddenSize). Both memories start at 0. Each gate has its own weights "
        + "(\(symbols)) and bias (b), the same at every step.")
    try output.formulas(equations.map { Line(stringLiteral: $0) })
    try weights(to: output)
    for sequence in lesson.sequences {
      try output.heading(2, sequence.name)
      try model.forEachStep(of: sequence) { step in try self.step(step, of: sequence, to: output) }
      try table(of: sequence, to: output)
      try afterSequence?(sequence)
    }
  }

  /// The seed's three stages, as lstmviz computes them, in the symbols of this model.
  var equations: [String] {
    let x =
      model.isScalar
      ? "x = STM·w + input·w + b                  (one x per gate, same weights every step)"
      : "x = STM·U + input·W + b                  (U: n×n, W: n×m, b: n; one x per gate)"
    return [
      x,
      "remembered LTM = σ(x_forget) · LTM       (forget gate: % of LTM to remember)",
      "added LTM      = σ(x_input) · tanh(x_candidate)",
      "                                         (input gate: % of potential retained × potential LTM)",
      "new LTM        = remembered LTM + added LTM",
      "potential STM  = tanh(new LTM)",
      "new STM        = σ(x_output) · potential STM",
      "                                         (output gate: % of potential STM retained)",
      "prediction     = the STM after the last step",
    ]
  }

  /// The weights that were used: a table for the scalar cell; for a vector cell each gate's
  /// rows of U and W and its bias, unit by unit, and where they sit in PyTorch's tensors.
  private func weights(to output: some HandoutFormat) throws {
    if model.isScalar {
      let columns = ["gate", "STM weight", "input weight", "bias"].map {
        HandoutColumn(heading: $0, width: max($0.count, precision + 8))
      }
      try output.table(columns) { row in
        for gate in Gate.allCases {
          let weights = model.gates[gate]
          try row(
            ["\(gate.rawValue) (\(gate.meaning))"]
              + [weights.stmWeights[0, 0], weights.inputWeights[0, 0], weights.bias[0]].map(
                format))
        }
      }
      return
    }
    let n = model.hiddenSize
    for gate in Gate.allCases {
      let block = Gate.pytorchOrder.firstIndex(of: gate) ?? 0
      let rows = "rows \(block * n + 1)–\((block + 1) * n)"
      try output.paragraph(
        "\(gate.rawValue.capitalized) gate \(gate.symbol) (\(gate.meaning)): U is \(rows) of "
          + "weight_hh, W \(rows) of weight_ih, b \(rows) of bias_ih + bias_hh (PyTorch's order "
          + "i, f, g, o).")
      let cell = CellText(
        step: StepTrace(t: 0, inputSize: model.inputSize, hiddenSize: n), model: model, unit: 0,
        numbers: numbers)
      var lines: [Line] = []
      for unit in 0..<n {
        lines += cell.weightLines(gate, unit: unit, width: Handout.width)
      }
      try output.formulas(lines)
    }
  }

  /// One step: its heading, what comes in, then for each unit the memory lines and the
  /// formulas as the screen shows them.
  private func step(
    _ step: StepTrace, of sequence: InputSequence, to output: some HandoutFormat
  ) throws {
    try output.heading(3, "\(sequence.name) · t = \(step.t) / \(sequence.count)")
    try output.paragraph(
      "input \(list(step.input)) · STM in \(list(step.stmIn)) · LTM in \(list(step.ltmIn))")
    for unit in 0..<model.hiddenSize {
      let text = CellText(step: step, model: model, unit: unit, numbers: numbers)
      let columns = text.columns(fitting: Handout.width)
      let diagram = Diagram(
        reveals: { _ in true }, step: step, unit: unit, numbers: numbers,
        width: min(max(columns.width, 80), Handout.width))
      var lines: [Line] =
        model.hiddenSize > 1 ? [Line([Span("unit \(unit + 1) of \(model.hiddenSize)", .dim)])] : []
      lines += diagram.ltmLines()
      lines += Stage.allCases.flatMap { text.lines(of: $0, columns: columns) }
      lines += diagram.stmLines()
      try output.formulas(lines)
    }
  }

  /// The compact table of every step (and unit): the input, each gate's value, the new
  /// memories; then the prediction and the target.
  private func table(of sequence: InputSequence, to output: some HandoutFormat) throws {
    try output.heading(3, "\(sequence.name): every step")
    let units = model.hiddenSize > 1
    let oneInput = model.inputSize == 1
    var headings = ["t"] + (units ? ["unit"] : []) + (oneInput ? ["input"] : [])
    headings += Gate.allCases.map(\.symbol) + ["new LTM", "new STM"]
    var widths = headings.map { max($0.count, "\(sequence.count)".count) }
    var last: [Double] = []
    func cells(_ step: StepTrace, _ unit: Int) -> [String] {
      var cells = ["\(step.t)"] + (units ? ["\(unit + 1)"] : [])
      if oneInput { cells.append(format(step.input[0])) }
      cells += Gate.allCases.map { format(step.gates[$0].value[unit]) }
      return cells + [format(step.ltm[unit]), format(step.stm[unit])]
    }
    // A first run for the widest cells, so that the table is split only where it must be.
    model.forEachStep(of: sequence) { step in
      for unit in 0..<model.hiddenSize {
        for (index, cell) in cells(step, unit).enumerated() {
          widths[index] = max(widths[index], cell.count)
        }
      }
      last = step.stm
    }
    let columns = zip(headings, widths).map { HandoutColumn(heading: $0, width: $1) }
    try output.table(columns) { row in
      try model.forEachStep(of: sequence) { step in
        for unit in 0..<model.hiddenSize { try row(cells(step, unit)) }
      }
    }
    var summary = "Prediction (the STM after t = \(sequence.count)): \(list(last))"
    if let target = sequence.target { summary += ", target \(list(target))" }
    try output.paragraph(summary + ". f, i and o are σ(x); g is tanh(x), the potential LTM.")
  }
}
