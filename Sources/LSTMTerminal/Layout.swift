import LSTMCore
import LSTMViewModel

/// The main frame: title, the cell between its LTM and STM lines, history, prediction.
struct Layout {
  let state: State
  let step: StepTrace
  let run: SequenceRun

  var numbers: Numbers { Numbers(precision: state.precision) }
  var unit: Int { min(max(state.unit, 0), run.model.hiddenSize - 1) }
  var text: CellText { CellText(step: step, model: run.model, unit: unit, numbers: numbers) }

  /// Draws the frame above the footer.
  func draw(on canvas: inout Canvas) {
    let width = state.width
    let columns = text.columns(fitting: width)
    let diagram = Diagram(
      state: state, step: step, unit: unit, numbers: numbers,
      width: min(width, max(columns.width, 80)))
    var groups: [[Line]] = [[titleLine(width: width)]]
    groups.append(diagram.ltmLines())
    var gateLines: [Line] = []
    for stage in Stage.allCases {
      let lines = text.lines(of: stage, columns: columns)
      if state.reveals(stage) {
        gateLines += lines
      } else {
        gateLines += hidden(stage, lines: lines)
      }
    }
    groups.append(gateLines)
    groups.append(diagram.stmLines())
    if run.model.hiddenSize > 1 {
      groups.append(
        UnitStrip(state: state, step: step, unit: unit, numbers: numbers).lines(width: width))
    }
    if let history = state.history {
      groups.append(Sparklines(history: history, t: state.t, unit: unit).lines(width: width))
    }
    if state.isAtEnd { groups.append([endLine()]) }
    place(groups, rows: state.height - 1 - (state.statusMessage == nil ? 0 : 1), on: &canvas)
  }

  /// Puts `groups` top to bottom, with a blank row between them where there is room (but none
  /// between the memory lines and the gates they frame: groups 1, 2 and 3).
  private func place(_ groups: [[Line]], rows: Int, on canvas: inout Canvas) {
    let needed = groups.reduce(0) { $0 + $1.count }
    var spare = max(rows - needed, 0)
    var row = 0
    for (index, group) in groups.enumerated() {
      for line in group {
        canvas.put(line, row: row, column: 0)
        row += 1
      }
      if spare > 0, index < groups.count - 1, index != 1, index != 2 {
        row += 1
        spare -= 1
      }
    }
  }

  /// A stage not yet revealed: its heading, dimmed, and blank rows where its numbers will be.
  private func hidden(_ stage: Stage, lines: [Line]) -> [Line] {
    guard let heading = lines.first else { return [] }
    var shown = [heading.restyled(Style(.dim))]
    let isNext = state.stage?.next == stage
    shown.append(Line(isNext ? [Span(CellText.indent + "→ reveals this stage", .dim)] : []))
    while shown.count < lines.count { shown.append(Line()) }
    return shown
  }

  /// `lstmviz · title      Company A (1/2) · t = 2 / 4 · input 0.5000`.
  private func titleLine(width: Int) -> Line {
    var right = Line([
      Span(run.sequence.name, Style(.heading, bold: true)),
      Span(" (\(state.sequenceIndex + 1)/\(state.sequenceCount))", .dim), Span("   t = "),
      Span("\(step.t)", Style(.highlight, bold: true)), Span(" / \(run.count)"),
    ])
    if run.model.hiddenSize > 1 {
      right += Span("   unit ")
      right += Span("\(unit + 1)", Style(.highlight, bold: true))
      right += Span(" / \(run.model.hiddenSize)")
    }
    right += Span("   input ")
    let values = step.input.map { numbers.span($0) }
    if values.count == 1 {
      right += values[0]
    } else {
      right += Span("(")
      for (index, value) in values.enumerated() {
        if index > 0 { right += Span(", ") }
        right += value
      }
      right += Span(")")
    }
    let prefix = "lstmviz · "
    let room = width - right.width - prefix.count - 3
    let title = shortened(state.lesson.title, to: max(room, 0))
    let left = Line([Span(prefix, .dim), Span(title, Style(.heading, bold: true))])
    return left.padded(to: width - right.width) + right
  }

  /// The sequence's end: the prediction and the target.
  private func endLine() -> Line {
    var line = Line([
      Span("■ sequence ended", Style(.highlight, bold: true)),
      Span(" · prediction = the last STM = ", .plain),
      numbers.span(run.prediction[unit], bold: true),
    ])
    if let target = run.sequence.target, target.indices.contains(unit) {
      line += Span("   target ")
      line += numbers.span(target[unit], bold: true)
    }
    return line
  }
}

/// `text`, cut to `width` columns with an ellipsis if it is longer.
func shortened(_ text: String, to width: Int) -> String {
  guard text.count > width else { return text }
  guard width > 1 else { return String(text.prefix(width)) }
  return String(text.prefix(width - 1)) + "…"
}
