import LSTMCore
import LSTMViewModel

/// The formulas of the plain-RNN twin at one step, with the real numbers, for one hidden unit:
/// forward `x = STM·w + input·w + b`, `h = tanh(x)`; backward `∂J/∂h_t = ∂J/∂h_{t+1} · w_h ·
/// (1 − h²_{t+1})` and the running product of those factors.
struct RNNText {
  let model: RNNModel
  let run: RNNRun
  let step: RNNStepTrace
  /// The number of timesteps T.
  let count: Int
  let unit: Int
  let numbers: NumberStyle
  /// The number under the edit cursor, shown in reverse video.
  var marks = Annotations.none
  /// The ghost twin's step (the twin as the lesson was opened), when its numbers can differ.
  var ghost: RNNStepTrace?
  /// The ghost twin's prediction, when its numbers can differ.
  var ghostPrediction: Double?

  /// The ghost's `value` beside `now` when they differ.
  private func note(_ now: Double, _ value: Double?) -> Span? {
    marks.note(now, value, numbers: numbers)
  }

  /// Unit `unit` of the ghost's `values`, if there is a ghost.
  private func ghostValue(_ values: (RNNStepTrace) -> [Double]) -> Double? {
    ghost.flatMap { values($0).indices.contains(unit) ? values($0)[unit] : nil }
  }

  private var t: Int { step.t }
  private var isScalar: Bool { model.isScalar }

  /// `STM (h) -0.1278 ━━━━(tanh)━━━━▶ 0.2007`: the twin's one memory line.
  func stmLine(width: Int) -> Line {
    var start = Line([
      Span("STM (h) ", Style(.stm, bold: true)), numbers.span(step.stmIn[unit], signed: true),
    ])
    if let note = note(step.stmIn[unit], ghostValue(\.stmIn)) { start += note }
    start += Span(" ")
    var end = Line([Span("▶ ", Style(.stm, bold: true)), numbers.span(step.stm[unit], bold: true)])
    if let note = note(step.stm[unit], ghostValue(\.stm)) { end += note }
    let room = max(min(width, 80) - start.width - end.width - 8, 4)
    let rule = Span(String(repeating: "━", count: room / 2), Style(.stm, bold: true))
    return start + rule + Span("(tanh)", Style(.gate(.candidate), bold: true)) + rule + end
  }

  /// `x = STM·w + input·w + b` and `new STM = h = tanh(x)`.
  func forwardRows() -> [FormulaRow] {
    let weights = model.weights
    let terms: Line
    if isScalar {
      terms =
        Line([
          numbers.span(step.stmIn[0]), Span("·"),
          marks.cursor(
            numbers.weightSpan(weights.stmWeights[0, 0]), at: .twin(.stmWeights, column: 0)),
          Span(" + "), marks.cursor(numbers.span(step.input[0]), at: .input(component: 0)),
          Span("·"),
          marks.cursor(
            numbers.weightSpan(weights.inputWeights[0, 0]), at: .twin(.inputWeights, column: 0)),
        ]) + signed(weights.bias[0], weight: true, cursor: .twin(.bias, column: 0))
    } else {
      // The sum that holds the entry under the cursor is marked.
      func marked(_ span: Span, _ part: GateWeights.Part) -> Span {
        guard case .twin(part, let column) = marks.cursor else { return span }
        return marks.cursor(span, at: .twin(part, column: column))
      }
      terms = Line([
        Span("STM·U (", .dim),
        marked(numbers.span(weights.stmTerm(unit: unit, stm: step.stmIn[...])), .stmWeights),
        Span(") + input·W (", .dim),
        marked(numbers.span(weights.inputTerm(unit: unit, input: step.input[...])), .inputWeights),
        Span(") + b (", .dim), marked(numbers.span(weights.bias[unit]), .bias), Span(")", .dim),
      ])
    }
    return [
      FormulaRow(
        label: "x", meaning: isScalar ? "STM·w + input·w + b" : "STM·U + input·W + b",
        expression: terms, value: step.x[unit], note: note(step.x[unit], ghostValue(\.x))),
      FormulaRow(
        label: Line([Span("new STM", Style(.stm, bold: true)), Span(" = h")]),
        meaning: "tanh(x)",
        expression: Line([Span("tanh("), numbers.span(step.x[unit]), Span(")")]),
        value: step.stm[unit], note: note(step.stm[unit], ghostValue(\.stm))),
    ]
  }

  /// The backward rows of step t: ∂J/∂h_t, ∂J/∂x_t, what is sent back, this step's factor and the
  /// running product of the factors after it.
  func backwardRows(
    _ backward: RNNBackwardStep, gradients: RNNGradients, objective: Objective
  ) -> [FormulaRow] {
    let now = subscripted(t)
    let next = subscripted(t + 1)
    let before = subscripted(t - 1)
    let wh = model.weights.stmWeights[unit, unit]
    var rows: [FormulaRow] = []
    let name = Line([Span("∂J/∂h" + now, Style(.stm, bold: true))])
    if t == count {
      switch objective {
      case .prediction(let wanted):
        rows.append(
          FormulaRow(
            label: name, meaning: wanted == unit ? "1: J is this STM" : "0: J is another unit's",
            expression: Line(), value: backward.stm[unit]))
      case .loss(let target):
        rows.append(
          FormulaRow(
            label: name, meaning: "2·(h\(now) − target)",
            expression: Line([
              Span("2 × ("), numbers.span(step.stm[unit]), Span(" − "),
              numbers.span(target[unit]), Span(")"),
            ]), value: backward.stm[unit]))
      }
    } else if isScalar {
      let hNext = run.stm(after: t + 1, unit: 0)
      rows.append(
        FormulaRow(
          label: name, meaning: "∂J/∂h\(next) × w_h × (1 − h\(next)²)",
          expression: Line([
            numbers.gradientSpan(gradients.stm(after: t + 1, unit: 0)), Span(" × "),
            numbers.weightSpan(wh), Span(" × "), numbers.span(1 - hNext * hNext),
          ]), value: backward.stm[0]))
    } else {
      rows.append(
        FormulaRow(
          label: name, meaning: "W_hᵀ·∂J/∂x\(next), sent back by step \(t + 1)",
          expression: Line(), value: backward.stm[unit]))
    }
    rows.append(
      FormulaRow(
        label: Line([Span("∂J/∂x" + now)]), meaning: "∂J/∂h\(now) × (1 − h\(now)²)",
        expression: numbers.product([backward.stm[unit], backward.slope[unit]]),
        value: backward.x[unit]))
    rows.append(
      FormulaRow(
        label: Line([Span("∂J/∂h" + before, Style(.stm, bold: true))]),
        meaning: isScalar ? "∂J/∂x\(now) × w_h" : "W_hᵀ·∂J/∂x\(now)",
        expression: isScalar
          ? Line([numbers.gradientSpan(backward.x[0]), Span(" × "), numbers.weightSpan(wh)])
          : Line(), value: backward.stmIn[unit]))
    if backward.input.count == 1 {
      rows.append(
        FormulaRow(
          label: Line([Span("∂J/∂input" + now)]),
          meaning: isScalar ? "∂J/∂x\(now) × w_in" : "W_inᵀ·∂J/∂x\(now)",
          expression: isScalar
            ? Line([
              numbers.gradientSpan(backward.x[0]), Span(" × "),
              numbers.weightSpan(model.weights.inputWeights[0, 0]),
            ]) : Line(), value: backward.input[0]))
    }
    rows.append(
      FormulaRow(
        label: Line([Span("factor" + now)]), meaning: "w_h × (1 − h\(now)²)",
        expression: Line([
          numbers.weightSpan(wh), Span(" × "), numbers.span(backward.slope[unit]),
        ]), value: backward.selfLoopFactor[unit]))
    rows.append(productRow(backward, gradients: gradients))
    return rows
  }

  /// `∏ factor (3…4) = factor₃ × ∏ factor (4…4)`: what the RNN's one path does to ∂J/∂h_T.
  private func productRow(_ backward: RNNBackwardStep, gradients: RNNGradients) -> FormulaRow {
    let product = backward.directPathProduct[unit]
    let label = Line([Span("∏ factor (\(t + 1)…\(count))", Style(.stm, bold: true))])
    guard t < count else {
      return FormulaRow(
        label: Line([Span("∏ factor", Style(.stm, bold: true))]),
        meaning: "1: no step after the last", expression: Line(), value: product)
    }
    let factor = gradients.selfLoopFactor(at: t + 1, unit: unit)
    let rest = gradients.directPathProduct(after: t + 1, unit: unit)
    let next = subscripted(t + 1)
    return FormulaRow(
      label: label,
      meaning: t + 1 == count ? "factor\(next)" : "factor\(next) × ∏ factor (\(t + 2)…\(count))",
      expression: t + 1 == count ? numbers.product([factor]) : numbers.product([factor, rest]),
      value: product)
  }

  /// The sequence's end: the twin's prediction beside the LSTM's, and the target.
  func endLine(lstm: SequenceRun) -> Line {
    var line = Line([
      Span("■ sequence ended", Style(.highlight, bold: true)), Span(" · RNN prediction "),
      numbers.span(run.prediction[unit], bold: true),
    ])
    if let note = note(run.prediction[unit], ghostPrediction) { line += note }
    line += Span("   LSTM prediction ")
    line += numbers.span(lstm.prediction[unit], bold: true)
    if let target = lstm.sequence.target, target.indices.contains(unit) {
      line += Span("   target ")
      line += numbers.span(target[unit], bold: true)
    }
    return line
  }

  /// ` + 0.62` or ` - 0.70`.
  private func signed(_ value: Double, weight: Bool, cursor: EditField? = nil) -> Line {
    let text = weight ? numbers.weight(value) : numbers.plain(value)
    func mark(_ span: Span) -> Span { cursor.map { marks.cursor(span, at: $0) } ?? span }
    if text.hasPrefix("-") {
      return Line([Span(" - "), mark(Span(String(text.dropFirst()), .negative))])
    }
    return Line([Span(" + "), mark(Span(text, numbers.role(value)))])
  }
}
