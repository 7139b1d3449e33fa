import LSTMCore
import LSTMViewModel

/// The backward formulas of one LSTM step, with the real numbers, for one hidden unit: what the
/// gradient of J coming back from step t + 1 (and from J itself at the last step) makes of each
/// gate, and what step t sends back to step t − 1.
///
/// In backward order: the output gate (with ∂J/∂LTM_t, which the other gates need), the input
/// gate, the forget gate; then ∂J/∂STM_{t−1}, ∂J/∂input_t and the direct path ∏f.
struct BackwardText {
  let step: BackwardStep
  /// The sequence's gradients, which `step` was made from.
  let gradients: LSTMGradients
  let model: LSTMModel
  let objective: Objective
  /// The number of timesteps T.
  let count: Int
  let unit: Int
  let numbers: NumberStyle

  private var t: Int { step.t }
  private var forward: StepTrace { step.forward }
  private var now: String { subscripted(t) }
  private var next: String { subscripted(t + 1) }
  private var before: String { subscripted(t - 1) }

  /// `∂J/∂LTM₂` in the LTM's colour, or another quantity's label.
  private func label(_ text: String, _ role: StyleRole = .plain) -> Line {
    Line([Span(text, Style(role, bold: role != .plain))])
  }

  /// The heading of a stage: `3 Output gate   o  % of potential STM retained`.
  func heading(_ stage: Stage) -> Line {
    let gate = stage.gates[0]
    var line = Line([
      Span("\(stage.number) ", Style(.gate(gate), bold: true)),
      Span(
        stage.title.padding(toLength: 14, withPad: " ", startingAt: 0), Style(.heading, bold: true)),
    ])
    for (index, gate) in stage.gates.enumerated() {
      line += Span(index == 0 ? "" : "  ")
      line += Span(gate.symbol, Style(.gate(gate), bold: true))
    }
    return line + Span("  " + stage.gates.map(\.meaning).joined(separator: ", "), .dim)
  }

  /// The rows of `stage`, in the order backpropagation computes them.
  func rows(of stage: Stage) -> [FormulaRow] {
    switch stage {
    case .output: return [stmRow()] + gateRows(.output) + ltmRows()
    case .input: return gateRows(.candidate) + gateRows(.input)
    case .forget: return gateRows(.forget)
    }
  }

  /// ∂J/∂STM_t: J's own gradient at the last step, else what step t + 1 sent back.
  private func stmRow() -> FormulaRow {
    let name = label("∂J/∂STM" + now, .stm)
    let value = step.stm[unit]
    guard t == count else {
      return FormulaRow(
        label: name, meaning: "sent back by step \(t + 1)'s gates", expression: Line(),
        value: value)
    }
    switch objective {
    case .prediction(let wanted):
      let meaning =
        wanted == unit ? "1: J is this STM" : "0: J is unit \(wanted + 1)'s STM, not this one"
      return FormulaRow(label: name, meaning: meaning, expression: Line(), value: value)
    case .loss(let target):
      return FormulaRow(
        label: name, meaning: "2·(STM\(now) − target)",
        expression: Line([
          Span("2 × ("), numbers.span(forward.stm[unit]), Span(" − "),
          numbers.span(target[unit]), Span(")"),
        ]), value: value)
    }
  }

  /// What the LTM's gradient is made of: the part carried back along the LTM line from step
  /// t + 1, the part that comes through this step's STM, and their sum.
  private func ltmRows() -> [FormulaRow] {
    let potential = forward.stmPotential[unit]
    let carried: FormulaRow
    if t == count {
      carried = FormulaRow(
        label: label("carried"), meaning: "0: no step after the last", expression: Line(),
        value: step.ltmCarried[unit])
    } else {
      carried = FormulaRow(
        label: label("carried"), meaning: "∂J/∂LTM\(next) × f\(next)",
        expression: numbers.product([step.ltmNext[unit], step.forgetNext[unit]]),
        value: step.ltmCarried[unit])
    }
    let through = FormulaRow(
      label: label("through STM"), meaning: "∂J/∂STM\(now) × o × (1 − tanh²(LTM\(now)))",
      expression: numbers.product([
        step.stm[unit], forward.gates.output.value[unit], 1 - potential * potential,
      ]), value: step.ltmThroughSTM[unit])
    let total = FormulaRow(
      label: label("∂J/∂LTM" + now, .ltm), meaning: "carried + through STM",
      expression: Line([numbers.gradientSpan(step.ltmCarried[unit])])
        + plusOrMinus(step.ltmThroughSTM[unit]), value: step.ltm[unit])
    return [carried, through, total]
  }

  /// ∂J/∂(the gate's value) and ∂J/∂x of one gate.
  private func gateRows(_ gate: Gate) -> [FormulaRow] {
    let symbol = gate.symbol
    let gradient = step.gates[gate]
    let source: String
    switch gate {
    case .output: source = "∂J/∂STM\(now) × tanh(LTM\(now))"
    case .forget: source = "∂J/∂LTM\(now) × LTM\(before)"
    case .input: source = "∂J/∂LTM\(now) × g"
    case .candidate: source = "∂J/∂LTM\(now) × i"
    }
    let factor: Double
    switch gate {
    case .output: factor = forward.stmPotential[unit]
    case .forget: factor = forward.ltmIn[unit]
    case .input: factor = forward.gates.candidate.value[unit]
    case .candidate: factor = forward.gates.input.value[unit]
    }
    let memory = gate == .output ? step.stm[unit] : step.ltm[unit]
    let slope = gate.activation == .tanh ? "(1 − \(symbol)²)" : "\(symbol)(1 − \(symbol))"
    return [
      FormulaRow(
        label: Line([Span("∂J/∂"), Span(symbol, Style(.gate(gate), bold: true))]),
        meaning: source, expression: numbers.product([memory, factor]),
        value: gradient.value[unit]),
      FormulaRow(
        label: Line([Span("∂J/∂x_"), Span(symbol, Style(.gate(gate), bold: true))]),
        meaning: "∂J/∂\(symbol) × \(slope)",
        expression: numbers.product([gradient.value[unit], gradient.slope[unit]]),
        value: gradient.x[unit]),
    ]
  }

  /// What step t sends back, and the LTM's direct path: ∂J/∂STM_{t−1}, ∂J/∂input_t, ∏f.
  func sentBackRows() -> [FormulaRow] {
    [
      FormulaRow(
        label: label("∂J/∂STM" + before, .stm),
        meaning: model.isScalar ? "Σ ∂J/∂x·w_stm" : "Σ gates U_stmᵀ·∂J/∂x",
        expression: sentBack(\.stmWeights, contributions: step.stmInContributions, column: unit),
        value: step.stmIn[unit]),
      inputRow(), directPathRow(),
    ]
  }

  /// `∂J/∂input_t`: the sum with its numbers for one input, else each input's value.
  private func inputRow() -> FormulaRow {
    let name = label("∂J/∂input" + now)
    guard step.input.count == 1 else {
      var values = Line([Span("(")])
      for (index, value) in step.input.enumerated() {
        if index > 0 { values += Span(", ") }
        values += numbers.gradientSpan(value)
      }
      return FormulaRow(
        label: name, meaning: "Σ gates W_inᵀ·∂J/∂x", expression: values + Span(")"), value: nil)
    }
    return FormulaRow(
      label: name, meaning: model.isScalar ? "Σ ∂J/∂x·w_in" : "Σ gates W_inᵀ·∂J/∂x",
      expression: sentBack(\.inputWeights, contributions: step.inputContributions, column: 0),
      value: step.input[0])
  }

  /// The sum of the four gates' parts: `x·w` terms for the scalar cell, each gate's part
  /// (`f (0.0012)`) for a vector cell.
  private func sentBack(
    _ weights: KeyPath<GateWeights, Matrix>, contributions: PerGate<[Double]>, column: Int
  ) -> Line {
    var line = Line()
    for (index, gate) in Gate.allCases.enumerated() {
      if model.isScalar {
        let x = step.gates[gate].x[0]
        line += index == 0 ? Line([numbers.gradientSpan(x)]) : plusOrMinus(x)
        line += Span("·")
        line += numbers.weightSpan(model.gates[gate][keyPath: weights][0, 0])
      } else {
        if index > 0 { line += Span(" + ") }
        line += Span(gate.symbol + " (", Style(.gate(gate), bold: true))
        line += numbers.gradientSpan(contributions[gate][column])
        line += Span(")", Style(.gate(gate), bold: true))
      }
    }
    return line
  }

  /// `∏f (3…4) = f₃ × ∏f (4…4)`: how much of ∂J/∂LTM_T reaches LTM_t along the LTM line alone.
  private func directPathRow() -> FormulaRow {
    let product = step.directPathProduct[unit]
    guard t < count else {
      return FormulaRow(
        label: label("∏f", .ltm), meaning: "1: no forget gate after the last step",
        expression: Line(), value: product)
    }
    let rest = gradients.directPathProduct(after: t + 1, unit: unit)
    let range = "(\(t + 1)…\(count))"
    return FormulaRow(
      label: label("∏f " + range, .ltm),
      meaning: t + 1 == count ? "f\(next)" : "f\(next) × ∏f (\(t + 2)…\(count))",
      expression: t + 1 == count
        ? numbers.product([step.forgetNext[unit]])
        : numbers.product([step.forgetNext[unit], rest]), value: product)
  }

  /// ` + 0.0123` or ` - 0.0123`.
  private func plusOrMinus(_ value: Double) -> Line {
    let text = numbers.gradient(value)
    if text.hasPrefix("-") {
      return Line([Span(" - "), Span(String(text.dropFirst()), .negative)])
    }
    return Line([Span(" + "), Span(text, value > 0 ? .positive : .plain)])
  }
}
