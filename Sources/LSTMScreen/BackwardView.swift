import LSTMCore
import LSTMViewModel

/// The backward view of the LSTM (b): step t's gradients with their numbers, stacked in backward
/// order (output, input, forget gate, then what is sent back to step t − 1 and the direct path
/// ∏f), a note on what J is, and from 100×30 the gradients over t on a log scale.
///
/// Costs O(n²) a frame, whatever the length: one backward step, and the plot's downsampled
/// series.
struct BackwardView {
  let state: State
  let run: SequenceRun
  let step: BackwardStep
  let gradients: SequenceGradients
  let numbers: NumberStyle

  /// The view of `step`, with the numbers of `run`'s model.
  init(state: State, run: SequenceRun, step: BackwardStep, gradients: SequenceGradients) {
    self.state = state
    self.run = run
    self.step = step
    self.gradients = gradients
    numbers = NumberStyle(precision: state.precision, model: run.model)
  }

  /// The selected unit, within the model.
  var unit: Int { min(max(state.unit, 0), run.model.hiddenSize - 1) }

  /// Draws the frame above the footer.
  func draw(on canvas: inout Canvas) {
    let width = min(state.width, LessonView.maximumWidth)
    let rows = Screen.contentRows(state)
    let text = BackwardText(
      step: step, gradients: gradients.lstm, model: run.model, objective: gradients.objective,
      count: run.count, unit: unit, numbers: numbers)
    let title = ViewTitle(state: state, run: run, numbers: numbers)
    var groups: [[Line]] = [
      [title.line(width: width, input: step.forward.input, view: "backward")],
      [objectiveNote(state: state, value: gradients.lstm.objectiveValue, width: width)],
    ]
    let stages: [Stage] = [.output, .input, .forget]
    let laidOut = layOut(
      annotated(stages.flatMap { text.rows(of: $0) } + text.sentBackRows()), width: width,
      numbers: numbers)
    var next = 0
    for stage in stages {
      let count = text.rows(of: stage).count
      let lines = [text.heading(stage)] + laidOut[next..<next + count].flatMap { $0 }
      next += count
      groups.append(state.reveals(stage) ? lines : hidden(stage, lines: lines))
    }
    let sentBack = Array(laidOut[next...].joined())
    groups.append(
      state.reveals(.forget)
        ? sentBack : Array(repeating: Line(), count: sentBack.count))
    let used = groups.reduce(0) { $0 + $1.count }
    let room = rows - used - 1
    if room >= GradientPlot.minimumHeight {
      let plot = GradientPlot(
        history: gradients.history, t: state.t, hasTwin: state.lesson.rnn != nil)
      groups.append(plot.lines(width: width, height: min(room, 18)))
    }
    place(groups, rows: rows, on: &canvas)
  }

  /// `rows` with the ghost's value beside each that differs (`(was 0.4567)`), when the ghost's
  /// gradients are there: its rows are made by the same text, so they match one for one.
  private func annotated(_ rows: [FormulaRow]) -> [FormulaRow] {
    guard let ghostGradients = state.ghostStepGradients, let ghostRun = state.ghostRun,
      ghostRun.count == run.count
    else { return rows }
    let ghostStep = ghostRun.backwardStep(at: step.t, of: ghostGradients.lstm)
    let ghostText = BackwardText(
      step: ghostStep, gradients: ghostGradients.lstm, model: ghostRun.model,
      objective: gradients.objective, count: run.count, unit: unit, numbers: numbers)
    let ghostRows =
      [Stage.output, .input, .forget].flatMap { ghostText.rows(of: $0) }
      + ghostText.sentBackRows()
    guard ghostRows.count == rows.count else { return rows }
    let word = state.ghost.isComparison ? "vs" : "was"
    return zip(rows, ghostRows).map { row, ghost in
      var row = row
      if let value = row.value, let was = ghost.value,
        numbers.gradient(value) != numbers.gradient(was)
      {
        row.note = Span(" (\(word) \(numbers.gradient(was)))", .dim)
      }
      return row
    }
  }

  /// A stage not yet revealed: its heading, dimmed, and blank rows where its numbers will be.
  private func hidden(_ stage: Stage, lines: [Line]) -> [Line] {
    guard let heading = lines.first else { return [] }
    var shown = [heading.restyled(Style(.dim))]
    let isNext = state.stage?.previous == stage
    shown.append(Line(isNext ? [Span(CellText.indent + "→ reveals this stage", .dim)] : []))
    while shown.count < lines.count { shown.append(Line()) }
    return shown
  }
}

/// Puts `groups` top to bottom from row 0, a blank row above each after the first two while
/// there is room.
func place(_ groups: [[Line]], rows: Int, on canvas: inout Canvas) {
  var spare = max(rows - groups.reduce(0) { $0 + $1.count }, 0)
  var row = 0
  for (index, group) in groups.enumerated() {
    if index >= 1, spare > 0 {
      row += 1
      spare -= 1
    }
    for line in group {
      canvas.put(line, row: row, column: 0)
      row += 1
    }
  }
}

/// One line saying what J is and which key changes it: `J = the prediction, the STM after
/// step 4 = -0.0965   o: J = the loss`, in words as long as fit in `width`.
func objectiveNote(state: State, value: Double, width: Int) -> Line {
  let numbers = NumberStyle(precision: state.precision)
  let last = "after step \(state.stepCount)"
  let descriptions: [String]
  let other: String
  switch state.objective {
  case .prediction(let unit):
    let which = state.hiddenSize > 1 ? "unit \(unit + 1) of the STM" : "the STM"
    descriptions = [
      "the prediction, \(which) \(last)", "the prediction (\(which))", "the prediction",
    ]
    other =
      state.lossTarget == nil
      ? (state.wantsLoss ? "(no target for the loss)" : "") : "o: J = the loss"
  case .loss:
    descriptions = [
      "the loss Σ (prediction − target)², the prediction the STM \(last)",
      "the loss Σ (prediction − target)² \(last)", "the loss Σ (prediction − target)²", "the loss",
    ]
    other = "o: J = the prediction"
  }
  let result = Line([Span(" = "), numbers.gradientSpan(value, bold: true)])
  let fits = { (text: String) in 4 + text.terminalColumns + result.width + 3 + other.count <= width
  }
  let description = descriptions.first(where: fits) ?? descriptions[descriptions.count - 1]
  let line = Line([Span("J", Style(.heading, bold: true)), Span(" = " + description)]) + result
  guard !other.isEmpty, line.width + 3 + other.count <= width else { return line }
  return line.padded(to: width - other.count) + Span(other, .dim)
}

/// The title row of the backward and RNN views: `lstmviz · title   Company A (1/2)   t = 2 / 4
/// backward`, with the stage and the unit when they apply.
struct ViewTitle {
  let state: State
  let run: SequenceRun
  let numbers: NumberStyle

  /// The row in `width` columns, `view` naming the view at its end.
  func line(width: Int, input: [Double], view: String) -> Line {
    let number = " (\(state.sequenceIndex + 1)/\(state.sequenceCount))"
    let name = shortened(run.sequence.name, to: max(width / 4 - number.count, 8))
    var facts = Line([
      Span(name, Style(.heading, bold: true)), Span(number, .dim), Span("   t = "),
      Span("\(min(max(state.t, 1), run.count))", Style(.highlight, bold: true)),
      Span(" / \(run.count)"),
    ])
    if let stage = state.stage {
      facts += Span("   stage ")
      facts += Span("\(stage.title.lowercased())", Style(.highlight, bold: true))
    }
    if state.hiddenSize > 1 {
      facts += Span("   unit ")
      facts += Span("\(unit + 1)", Style(.highlight, bold: true))
      facts += Span(" / \(state.hiddenSize)")
    }
    if input.count == 1, width >= 100 {
      facts += Span("   input ")
      facts += numbers.span(input[0])
    }
    facts += Span("   ")
    facts += Span(view, Style(.highlight, bold: true))
    let prefix = width - facts.width >= 40 ? "lstmviz · " : ""
    let room = width - facts.width - prefix.count - 3
    let title = shortened(state.lesson.title, to: max(room, 0))
    let left = Line([Span(prefix, .dim), Span(title, Style(.heading, bold: true))])
    return left.padded(to: width - facts.width) + facts
  }

  private var unit: Int { min(max(state.unit, 0), max(state.hiddenSize - 1, 0)) }
}
