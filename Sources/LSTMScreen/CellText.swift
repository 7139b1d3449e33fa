import LSTMCore
import LSTMViewModel

/// The formulas of one timestep, with the real numbers, for one hidden unit.
///
/// Every stage is a block of lines: a heading in the seed's words with the standard symbol, then
/// each gate's `x` and activation, then what the stage does to the memories. Results are aligned
/// in two columns: the gates' x, and the values (activations and memories).
struct CellText {
  let step: StepTrace
  let model: LSTMModel
  let unit: Int
  let numbers: NumberStyle
  /// Whether the σ gates' values are written as percentages (`83.48 %`), as the seed speaks of
  /// them; the potential LTM g, a tanh between -1 and 1, stays a number.
  var percentages = false
  /// The number under the edit cursor, and the ghost's numbers beside those that differ.
  var marks = Annotations.none

  /// The indent of formula lines under a heading.
  static let indent = "  "

  /// The terms of a gate's x with the numbers in, in the order the cell sums them: for the
  /// scalar cell `-0.1278·2.70 + 0.5000·1.63 + 1.62`; for a vector cell the weighted sums
  /// `STM·U (-0.1200) + input·W (0.3100) + b (0.0500)`, or without their labels when `labelled`
  /// is false.
  func terms(_ gate: Gate, labelled: Bool) -> Line {
    let weights = model.gates[gate]
    if model.isScalar {
      return Line([numbers.span(step.stmIn[0]), Span("·")])
        + factor(
          marks.cursor(
            numbers.weightSpan(weights.stmWeights[0, 0]),
            at: .gate(gate, .stmWeights, column: 0)))
        + Span(" + ")
        + factor(marks.cursor(numbers.span(step.input[0]), at: .input(component: 0)))
        + Span("·")
        + factor(
          marks.cursor(
            numbers.weightSpan(weights.inputWeights[0, 0]),
            at: .gate(gate, .inputWeights, column: 0)))
        + plusOrMinus(weights.bias[0], weight: true, cursor: .gate(gate, .bias, column: 0))
    }
    let stmPart = weights.stmTerm(unit: unit, stm: step.stmIn[...])
    let inputPart = weights.inputTerm(unit: unit, input: step.input[...])
    let bias = weights.bias[unit]
    // A vector cell's terms are sums: the one holding the entry under the cursor is marked.
    let stmMarked = marksPart(of: gate, .stmWeights)
    let inputMarked = marksPart(of: gate, .inputWeights)
    let biasField = EditField.gate(gate, .bias, column: 0)
    func marked(_ span: Span, _ isMarked: Bool) -> Span {
      isMarked ? marks.cursor(span, at: marks.cursor ?? biasField) : span
    }
    if labelled {
      return Line([
        Span("STM·U (", .dim), marked(numbers.span(stmPart), stmMarked), Span(") + ", .dim),
        Span("input·W (", .dim), marked(numbers.span(inputPart), inputMarked),
        Span(") + ", .dim), Span("b (", .dim), marks.cursor(numbers.span(bias), at: biasField),
        Span(")", .dim),
      ])
    }
    return Line([marked(numbers.span(stmPart), stmMarked)])
      + plusOrMinus(inputPart, marked: inputMarked)
      + plusOrMinus(bias, cursor: biasField)
  }

  /// Whether the cursor is on an entry of `part` of `gate` (any column of the unit's row).
  private func marksPart(of gate: Gate, _ part: GateWeights.Part) -> Bool {
    guard case .gate(let marked, let markedPart, _) = marks.cursor else { return false }
    return marked == gate && markedPart == part
  }

  /// A number after an operator: `1.63`, or in parentheses when negative, `(-0.19)`, so that the
  /// line reads, and can be typed into a calculator, as `0.5000·(-0.19)` rather than
  /// `0.5000·-0.19`.
  func factor(_ number: Span) -> Line {
    guard number.text.hasPrefix("-") else { return Line([number]) }
    return Line([Span("("), number, Span(")")])
  }

  /// ` + 0.62` or ` - 0.32`: a term added, its sign folded into the operator; the number in
  /// reverse video when it is under the edit cursor (`cursor`), or `marked`.
  func plusOrMinus(
    _ value: Double, weight: Bool = false, cursor: EditField? = nil, marked: Bool = false
  ) -> Line {
    let text = weight ? numbers.weight(value) : numbers.plain(value)
    func mark(_ span: Span) -> Span {
      if let cursor { return marks.cursor(span, at: cursor) }
      guard marked else { return span }
      return Span(span.text, Style(span.style.role, bold: true, reverse: true))
    }
    if text.hasPrefix("-") {
      return Line([Span(" - "), mark(Span(String(text.dropFirst()), .negative))])
    }
    return Line([Span(" + "), mark(Span(text, numbers.role(value)))])
  }

  /// Whether `gate`'s value is written as a percentage.
  private func inPercent(_ gate: Gate) -> Bool {
    percentages && gate.activation == .sigmoid
  }

  /// `gate`'s value as the formulas write it: ` 0.8348`, or as a percentage ` 83.48 %`.
  func valueText(_ gate: Gate, signed: Bool = true) -> String {
    let value = step.gates[gate].value[unit]
    guard inPercent(gate) else { return signed ? numbers.signed(value) : numbers.plain(value) }
    return numbers.percent(value, signed: signed)
  }

  /// `gate`'s value as a bold span coloured by its sign.
  func valueSpan(_ gate: Gate, signed: Bool = true) -> Span {
    Span(
      valueText(gate, signed: signed),
      Style(numbers.role(step.gates[gate].value[unit]), bold: true))
  }

  /// `₂₃`: `number` in subscript digits.
  static func `subscript`(_ number: Int) -> String {
    let digits = Array("₀₁₂₃₄₅₆₇₈₉")
    return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
  }

  /// Unit `unit`'s rows of `gate`'s U and W, the weights its x was made with:
  /// `U₂ = (0.5207, -0.2958, 0.3265)`, `W₂ = (1.5390, -0.1815)`.
  func weightRows(_ gate: Gate, unit: Int) -> [Line] {
    let weights = model.gates[gate]
    func row(_ name: String, _ matrix: Matrix) -> Line {
      var line = Line([Span("\(name)\(CellText.subscript(unit + 1)) = (", .dim)])
      let part: GateWeights.Part = name == "U" ? .stmWeights : .inputWeights
      for column in 0..<matrix.columns {
        if column > 0 { line += Span(", ", .dim) }
        // The entry under the edit cursor in reverse video.
        line += marks.cursor(
          numbers.weightSpan(matrix[unit, column]), at: .gate(gate, part, column: column))
      }
      return line + Span(")", .dim)
    }
    return [row("U", weights.stmWeights), row("W", weights.inputWeights)]
  }

  /// Unit `unit`'s rows of `gate`'s U and W and its bias, each broken after a comma to fit in
  /// `width` columns: `U₂ = (0.5207, -0.2958, 0.3265)`, `W₂ = (…)`, `b₂ = 0.3092`.
  func weightLines(_ gate: Gate, unit: Int, width: Int) -> [Line] {
    let bias = Line([
      Span("b\(CellText.subscript(unit + 1)) = ", .dim),
      numbers.weightSpan(model.gates[gate].bias[unit]),
    ])
    var lines: [Line] = []
    for row in weightRows(gate, unit: unit) + [bias] {
      var current = Line()
      for span in row.spans {
        // A comma stays with its number; a number that would pass the edge (with the comma or
        // parenthesis after it) starts a line.
        if span.text != ", ", current.width + span.text.count + 2 > width, current.width > 6 {
          lines.append(current)
          current = Line([Span("      ")])
        }
        current += span
      }
      lines.append(current)
    }
    return lines
  }

  /// The general form of x, shown once beside the first heading.
  var generalForm: String {
    model.isScalar ? "x = STM·w + input·w + b" : "x = STM·U + input·W + b"
  }

  /// The label of a gate's activation: `f = σ(x)`, or when tight only `f`.
  private func activationLabel(_ gate: Gate, tight: Bool) -> Line {
    Line([
      Span(gate.symbol, Style(.gate(gate), bold: true)),
      Span(tight ? "" : " = \(gate.activation.symbol)(x)"),
    ])
  }

  /// What a stage does to the memories: a named value, its meaning, and its computation.
  struct Result {
    /// `remembered LTM`.
    var name: String
    /// `f × LTM`.
    var meaning: String
    /// `0.8899 × (-0.2012)`.
    var expression: Line
    /// `-0.1791`.
    var value: Double
    /// How the name is drawn: the new memories in their own colour.
    var role: StyleRole = .plain
    /// The ghost's value, when there is a ghost.
    var ghost: Double?
  }

  /// The results of `stage`, in the order they are computed, each with the ghost's value.
  func results(of stage: Stage) -> [Result] {
    let picks: [Stage: [(StepTrace) -> [Double]]] = [
      .forget: [\.ltmRemembered], .input: [\.ltmAdded, \.ltm], .output: [\.stmPotential, \.stm],
    ]
    return zip(plainResults(of: stage), picks[stage] ?? []).map { result, pick in
      var result = result
      result.ghost = marks.ghostValue(pick, unit: unit)
      return result
    }
  }

  /// The results of `stage`, without the ghost's values.
  private func plainResults(of stage: Stage) -> [Result] {
    switch stage {
    case .forget:
      return [
        Result(
          name: "remembered LTM", meaning: "f × LTM",
          expression: product(step.gates.forget.value[unit], step.ltmIn[unit]),
          value: step.ltmRemembered[unit])
      ]
    case .input:
      return [
        Result(
          name: "added LTM", meaning: "i × g",
          expression: product(step.gates.input.value[unit], step.gates.candidate.value[unit]),
          value: step.ltmAdded[unit]),
        Result(
          name: "new LTM", meaning: "remembered + added",
          expression: Line([numbers.span(step.ltmRemembered[unit])])
            + plusOrMinus(step.ltmAdded[unit]),
          value: step.ltm[unit], role: .ltm),
      ]
    case .output:
      return [
        Result(
          name: "potential STM", meaning: "tanh(new LTM)",
          expression: Line([Span("tanh("), numbers.span(step.ltm[unit]), Span(")")]),
          value: step.stmPotential[unit]),
        Result(
          name: "new STM", meaning: "o × potential STM",
          expression: product(step.gates.output.value[unit], step.stmPotential[unit]),
          value: step.stm[unit], role: .stm),
      ]
    }
  }

  /// The lines of one stage, laid out with `columns`: a heading, each gate's x and value, and
  /// the results.
  func lines(of stage: Stage, columns: Columns) -> [Line] {
    var lines: [Line] = []
    for (index, gate) in stage.gates.enumerated() {
      if index == 0 {
        let heading = heading(stage, gate, compact: columns.compact)
        lines.append(
          stage == .forget && !columns.compact ? heading + Span("   " + generalForm, .dim) : heading
        )
      } else {
        lines.append(subheading(gate, compact: columns.compact))
      }
      lines += xLines(gate, columns: columns)
    }
    return lines + results(of: stage).map { memoryLine($0, columns: columns) }
  }

  /// `1 Forget gate   f  % of LTM to remember`; when compact, with the gate's value:
  /// `1 Forget gate   f = σ(x) = 0.8949  % of LTM to remember`.
  private func heading(_ stage: Stage, _ gate: Gate, compact: Bool) -> Line {
    Line([
      Span("\(stage.number) ", Style(.gate(gate), bold: true)),
      Span(
        stage.title.padding(toLength: 14, withPad: " ", startingAt: 0), Style(.heading, bold: true)),
    ]) + gateLabel(gate, compact: compact)
  }

  /// A second gate within a stage: `i  % of potential retained` under the first's symbol.
  private func subheading(_ gate: Gate, compact: Bool) -> Line {
    Line([Span(String(repeating: " ", count: 16))]) + gateLabel(gate, compact: compact)
  }

  /// `f  % of LTM to remember`, or when compact `f = σ(x) = 0.8949  % of LTM to remember`.
  func gateLabel(_ gate: Gate, compact: Bool) -> Line {
    var line = Line([Span(gate.symbol, Style(.gate(gate), bold: true))])
    if compact {
      line += Span(" = \(gate.activation.symbol)(x) = ")
      line += valueSpan(gate, signed: false)
    }
    return line + Span("  " + gate.meaning)
  }

  /// `a × b` with both numbers coloured by sign, a negative b in parentheses:
  /// `0.8899 × (-0.2012)`.
  func product(_ a: Double, _ b: Double) -> Line {
    Line([numbers.span(a), Span(" × ")]) + factor(numbers.span(b))
  }

  /// `  x = terms = x      f = σ(x)    = value`; when the terms are too long to share a line
  /// with x, x on a line of its own under them.
  private func xLines(_ gate: Gate, columns: Columns) -> [Line] {
    let activity = step.gates[gate]
    let terms = Line([Span(CellText.indent + "x = ")]) + terms(gate, labelled: columns.labelled)
    guard !columns.wrapsX else {
      let line = terms + Span(" = ") + numbers.span(activity.x[unit], signed: true)
      return line.wrapped(to: columns.width, indent: CellText.indent + "    ")
    }
    return [xLine(gate, terms: terms, columns: columns)]
  }

  /// `  x = terms = x      f = σ(x)    = value`, from the line's `  x = terms`; annotated, each
  /// of x and the value followed by the ghost's when it differs: `= -5.0000 (was 2.0901)`.
  private func xLine(_ gate: Gate, terms: Line, columns: Columns) -> Line {
    let activity = step.gates[gate]
    var line =
      terms.padded(to: columns.xEquals) + Span(" = ")
      + numbers.span(activity.x[unit], signed: true)
    if columns.compact { return line }
    if columns.annotatesX, let note = xNote(gate) { line += note }
    line = line.padded(to: columns.activation) + activationLabel(gate, tight: columns.tight)
    line = line.padded(to: columns.valueEquals) + Span(" = ") + valueSpan(gate)
    if columns.annotated, let note = valueNote(gate) { line += note }
    return line
  }

  /// The ghost's x of `gate` beside this step's, when they differ.
  func xNote(_ gate: Gate) -> Span? {
    marks.note(
      step.gates[gate].x[unit], marks.ghostValue({ $0.gates[gate].x }, unit: unit),
      numbers: numbers)
  }

  /// The ghost's value of `gate` beside this step's, when they differ.
  func valueNote(_ gate: Gate) -> Span? {
    marks.note(
      step.gates[gate].value[unit], marks.ghostValue({ $0.gates[gate].value }, unit: unit),
      numbers: numbers)
  }

  /// The ghost's value of `result` beside it, when they differ.
  func note(_ result: Result) -> Span? {
    marks.note(result.value, result.ghost, numbers: numbers)
  }

  /// Whether any number of the formulas differs from the ghost's.
  var hasNotes: Bool {
    Gate.allCases.contains { xNote($0) != nil || valueNote($0) != nil }
      || Stage.allCases.contains { results(of: $0).contains { note($0) != nil } }
  }

  /// `  new STM = o × potential STM = 0.4839 × (-0.1995)`, before its value; when tight without
  /// the meaning.
  func memoryText(_ result: Result, tight: Bool) -> Line {
    var line = Line([
      Span(CellText.indent), Span(result.name, Style(result.role, bold: result.role != .plain)),
      Span(" = "),
    ])
    if !tight { line += Line([Span(result.meaning, .dim), Span(" = ")]) }
    return line + result.expression
  }

  /// `  new STM = o × potential STM = 0.4839 × (-0.1995)      = -0.0965`, annotated with the
  /// ghost's value when it differs.
  private func memoryLine(_ result: Result, columns: Columns) -> Line {
    let line =
      memoryText(result, tight: columns.tight).padded(to: columns.valueEquals) + Span(" = ")
      + numbers.span(result.value, signed: true, bold: true)
    guard columns.annotated, let note = note(result) else { return line }
    return line + note
  }
}
