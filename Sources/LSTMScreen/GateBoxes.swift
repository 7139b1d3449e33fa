import LSTMCore
import LSTMViewModel

/// The wide layout of the cell: the three stages side by side in boxes, as in colah's diagram,
/// each deriving its numbers top to bottom and ending in a plot of its activations.
struct GateBoxes {
  let state: State
  let step: StepTrace
  let model: LSTMModel
  let unit: Int
  let numbers: NumberStyle
  /// The width of the three boxes together.
  let width: Int
  /// Whether a vector cell's boxes show the selected unit's rows of U and W under each gate's
  /// general form (when `weightsFit`), so that a student can check which row was used.
  var showsWeights = false
  /// The number under the edit cursor, and the ghost's numbers beside those that differ.
  var marks = Annotations.none

  /// The formulas' text for the selected unit.
  private var text: CellText {
    CellText(
      step: step, model: model, unit: unit, numbers: numbers,
      percentages: state.showsPercentages, marks: marks)
  }

  /// Rows of each activation plot: 7, or 5 to make room for the rows of U and W, or for the
  /// ghost's numbers.
  var plotHeight: Int { (showsWeights && weightsFit) || text.hasNotes ? 5 : 7 }

  /// The columns inside one box: the width less four borders, shared by three boxes.
  private var inner: Int { (width - 4) / 3 }
  /// The columns of text inside a box, after a one-column margin.
  private var textWidth: Int { inner - 1 }

  /// The first column inside stage `stage`'s box.
  func left(of stage: Stage) -> Int { 1 + stage.rawValue * (inner + 1) }
  /// The middle column of stage `stage`'s box.
  func middle(of stage: Stage) -> Int { left(of: stage) + inner / 2 }

  /// The boxes' rows: one frame split in three, each box as tall as the tallest.
  func lines() -> [Line] {
    let contents = Stage.allCases.map { content(of: $0) }
    let textRows = contents.map(\.count).max() ?? 0
    let height = textRows + 1 + plotHeight
    var bodies: [[Line]] = []
    for stage in Stage.allCases {
      var body = contents[stage.rawValue]
      while body.count < textRows + 1 { body.append(Line()) }
      body += plot(of: stage)
      if !state.reveals(stage) {
        let isNext = state.stage?.next == stage
        body = [Line([Span(isNext ? "→ reveals this stage" : "", .dim)])]
        while body.count < height { body.append(Line()) }
      }
      bodies.append(body)
    }
    let frame = Style(.dim)
    var top = Line([Span("┌", frame)])
    var bottom = Line([Span("└", frame)])
    for stage in Stage.allCases {
      let revealed = state.reveals(stage)
      let title = " \(stage.number) \(stage.title) "
      top += Span("─", frame)
      top += Span(title, revealed ? Style(.heading, bold: true) : Style(.dim))
      top += Span(String(repeating: "─", count: max(inner - 1 - title.count, 0)), frame)
      top += Span(stage == .output ? "┐" : "┬", frame)
      bottom += Span(String(repeating: "─", count: inner) + (stage == .output ? "┘" : "┴"), frame)
    }
    var lines = [top]
    for row in 0..<height {
      var line = Line([Span("│", frame)])
      for body in bodies {
        let text = body[row]
        let fitted =
          text.width > textWidth ? Line([Span(shortened(text.text, to: textWidth))]) : text
        line += Span(" ")
        line += fitted.padded(to: textWidth)
        line += Span("│", frame)
      }
      lines.append(line)
    }
    lines.append(bottom)
    return lines
  }

  /// `f  % of LTM to remember`.
  private func heading(_ gate: Gate) -> Line {
    Line([
      Span(gate.symbol, Style(.gate(gate), bold: true)), Span("  " + gate.meaning, Style(.heading)),
    ])
  }

  /// Whether a vector cell's terms carry their labels (`STM·U (…) + input·W (…) + b (…)`):
  /// only when every gate's labelled terms fit on one line of a box, since they are not wrapped.
  private var labelsTerms: Bool {
    !model.isScalar
      && Gate.allCases.allSatisfy { gate in
        4 + text.terms(gate, labelled: true).width <= textWidth
      }
  }

  /// `₂`: the selected unit's number as a subscript.
  private var unitSubscript: String { CellText.subscript(unit + 1) }

  /// The selected unit's rows of the gate's U and W: `  U₂ = (0.5207, -0.2958, 0.3265)`,
  /// `  W₂ = (1.5390, -0.1815)`.
  private func weightRows(_ gate: Gate) -> [Line] {
    text.weightRows(gate, unit: unit).map { Line([Span("  ", .dim)]) + $0 }
  }

  /// Whether every gate's weight rows fit on a line of a box: only then are they shown.
  var weightsFit: Bool {
    !model.isScalar
      && Gate.allCases.allSatisfy { gate in weightRows(gate).allSatisfy { $0.width <= textWidth } }
  }

  /// A gate's derivation: `x = STM·w + input·w + b` (with the weights shown, the unit's rows
  /// `x = STM·U₂ + input·W₂ + b₂` and their weights), `  = terms`, then
  /// `  = x   f = σ(x) = value`.
  private func derivation(_ gate: Gate) -> [Line] {
    var lines: [Line] = []
    if showsWeights, weightsFit {
      let j = unitSubscript
      lines.append(Line([Span("x = STM·U\(j) + input·W\(j) + b\(j)", .dim)]))
      lines += weightRows(gate)
    } else {
      lines.append(Line([Span(text.generalForm, .dim)]))
    }
    let terms = text.terms(gate, labelled: labelsTerms)
    lines += wrap(Line([Span("  = ")]) + terms, indent: "    ")
    let result = Line([Span("  = ")]) + numbers.span(step.gates[gate].x[unit], signed: true)
    let activation = Line([
      Span(gate.symbol, Style(.gate(gate), bold: true)),
      Span(" = \(gate.activation.symbol)(x) = "), text.valueSpan(gate),
    ])
    if result.width + 3 + activation.width <= textWidth {
      lines.append(result.padded(to: result.width + 3) + activation)
    } else {
      lines += [result, activation]
    }
    // The ghost's x and value under them, when they differ: `  (was  2.0901, f = 0.8899)`.
    if text.xNote(gate) != nil || text.valueNote(gate) != nil, let ghost = marks.ghost {
      lines.append(
        Line([
          Span("  (\(marks.word) ", .dim), Span(numbers.signed(ghost.gates[gate].x[unit]), .dim),
          Span(", \(gate.symbol) = " + numbers.plain(ghost.gates[gate].value[unit]) + ")", .dim),
        ]))
    }
    return lines
  }

  /// `name = meaning` then `  = expression = value`, wrapped to the box, and the ghost's value
  /// when it differs, on a line of its own if it does not fit after the value.
  private func lines(of result: CellText.Result) -> [Line] {
    var lines =
      [
        Line([
          Span(result.name, Style(result.role, bold: true)), Span(" = " + result.meaning, .dim),
        ])
      ]
      + wrap(
        Line([Span("  = ")]) + result.expression + Span(" = ")
          + numbers.span(result.value, signed: true, bold: true), indent: "  ")
    if let note = text.note(result), let last = lines.last {
      if last.width + note.text.count <= textWidth {
        lines[lines.count - 1] = last + note
      } else {
        lines.append(Line([Span("   "), note]))
      }
    }
    return lines
  }

  /// The text rows of a stage's box: each gate's derivation, then the results.
  private func content(of stage: Stage) -> [Line] {
    var lines: [Line] = []
    for gate in stage.gates {
      lines.append(heading(gate))
      lines += derivation(gate)
    }
    return lines + text.results(of: stage).flatMap { self.lines(of: $0) }
  }

  /// The plots at the foot of a stage's box: each gate's x marked on its activation.
  private func plot(of stage: Stage) -> [Line] {
    func mark(_ gate: Gate) -> ActivationPlot.Mark {
      ActivationPlot.Mark(
        label: Character(gate.symbol), x: step.gates[gate].x[unit],
        style: Style(.gate(gate), bold: true))
    }
    let ltm = ActivationPlot.Mark(label: "c", x: step.ltm[unit], style: Style(.ltm, bold: true))
    let plots: [ActivationPlot] =
      switch stage {
      case .forget: [ActivationPlot(activation: .sigmoid, marks: [mark(.forget)])]
      case .input:
        [
          ActivationPlot(activation: .tanh, marks: [mark(.candidate)]),
          ActivationPlot(activation: .sigmoid, marks: [mark(.input)]),
        ]
      case .output:
        [
          ActivationPlot(activation: .sigmoid, marks: [mark(.output)]),
          ActivationPlot(activation: .tanh, marks: [ltm], title: "tanh(new LTM c)"),
        ]
      }
    let plotWidth = plots.count == 1 ? textWidth - 1 : (textWidth - 3) / 2
    let drawn = plots.map { $0.lines(width: plotWidth, height: plotHeight) }
    return (0..<plotHeight).map { row in
      var line = Line()
      for (index, plot) in drawn.enumerated() {
        if index > 0 { line += Span("  ") }
        line += plot[row]
      }
      return line
    }
  }

  /// `line` broken before its operators to fit the box, continued under `indent`.
  private func wrap(_ line: Line, indent: String) -> [Line] {
    line.wrapped(to: textWidth, indent: indent)
  }
}
