import LSTMCore
import LSTMViewModel

/// The main frame: title, the cell between its LTM and STM lines, history, prediction.
///
/// Three arrangements, by size: from 80×24 the stages stacked with sparklines for history; from
/// 100×30 also the σ and tanh curves beside them and a history plot; from 120×40 (when it fits)
/// the stages side by side in boxes, as in colah's diagram, each with its own curves.
struct LessonView {
  let state: State
  let step: StepTrace
  let run: SequenceRun

  /// How numbers are written, weights to the decimals this model needs.
  let numbers: NumberStyle

  /// How the frame is drawn beyond the state: the plots' glyphs.
  let options: ScreenOptions

  /// The number under the edit cursor, and the ghost's numbers beside those that differ.
  let marks: Annotations

  /// The layout of step `step` of `run`, as `state` shows it.
  init(state: State, step: StepTrace, run: SequenceRun, options: ScreenOptions = ScreenOptions()) {
    self.state = state
    self.step = step
    self.run = run
    self.options = options
    numbers = NumberStyle(precision: state.precision, model: run.model)
    marks = Annotations(state: state)
  }

  /// The selected unit, within the model.
  var unit: Int { min(max(state.unit, 0), run.model.hiddenSize - 1) }
  /// The formulas of the selected unit.
  var text: CellText {
    CellText(
      step: step, model: run.model, unit: unit, numbers: numbers,
      percentages: state.showsPercentages, marks: marks)
  }

  /// The widest the cell is drawn: beyond this, lines grow too long to follow across a room.
  static let maximumWidth = 160

  /// A block of rows, and whether it wants a blank row above it when there is room.
  private struct Group {
    var lines: [Line]
    var spaced: Bool
  }

  /// Draws the frame above the footer.
  func draw(on canvas: inout Canvas) {
    let width = min(state.width, LessonView.maximumWidth)
    let rows = Screen.contentRows(state)
    var boxes = GateBoxes(
      state: state, step: step, model: run.model, unit: unit, numbers: numbers, width: width,
      marks: marks)
    let strip =
      run.model.hiddenSize > 1
      ? UnitStrip(state: state, step: step, unit: unit, numbers: numbers).lines(width: width) : []
    let end = state.isAtEnd ? [endLine(width: width)] : []
    // A vector cell's boxes show the unit's rows of U and W where they fit across, and down
    // with room left for the end line and the history (their curves two rows shorter).
    if width >= 120, boxes.weightsFit {
      boxes.showsWeights = true
      let weighted = boxes.lines().count
      boxes.showsWeights = 1 + 2 + weighted + 2 + strip.count + 1 + 6 <= rows
    }
    let boxLines = width >= 120 ? boxes.lines() : []
    let wide = width >= 120 && 1 + 2 + boxLines.count + 2 + strip.count + end.count + 6 <= rows

    let columns = stackedColumns(width: width)
    let cell: [Line]
    let diagram: Diagram
    if wide {
      cell = boxLines
      diagram = Diagram(
        state: state, step: step, unit: unit, numbers: numbers, width: width,
        gateColumns: (
          boxes.middle(of: .forget), boxes.middle(of: .input), boxes.middle(of: .output)
        ), marks: marks)
    } else {
      cell = stackedStages(columns: columns)
      diagram = Diagram(
        state: state, step: step, unit: unit, numbers: numbers,
        width: width >= 100 ? width : min(width, max(columns.width, 80)), marks: marks)
    }
    var groups = [
      Group(lines: [titleLine(width: width)], spaced: false),
      Group(lines: diagram.ltmLines(), spaced: true), Group(lines: cell, spaced: false),
      Group(lines: diagram.stmLines(), spaced: false),
    ]
    if !strip.isEmpty { groups.append(Group(lines: strip, spaced: true)) }
    let used = groups.reduce(0) { $0 + $1.lines.count } + end.count
    // The plot takes every row left, the blank rows between groups too when it is short.
    let spacious = rows - used - 2
    let room = spacious >= 12 ? spacious : rows - used
    if let history = state.history {
      let now = RevealedMemories(
        ltm: state.reveals(.input) ? step.ltm[unit] : nil,
        stm: state.reveals(.output) ? step.stm[unit] : nil)
      if room >= HistoryPlot.minimumHeight {
        var plot = HistoryPlot(
          history: history, t: state.t, unit: unit, numbers: numbers, now: now,
          glyphs: options.plotGlyphs)
        if state.showsGhost, let ghost = state.ghostHistory {
          plot.ghost = HistoryPlot.Ghost(
            history: ghost, word: marks.word,
            now: RevealedMemories(
              ltm: now.ltm == nil ? nil : marks.ghost?.ltm[unit],
              stm: now.stm == nil ? nil : marks.ghost?.stm[unit]))
        }
        // As wide as the terminal: the time axis gains from every column.
        groups.append(
          Group(lines: plot.lines(width: state.width, height: room), spaced: true))
      } else {
        // With too few rows for the sparklines and the mark under them, the sparklines alone.
        let sparks = Sparklines(history: history, t: state.t, unit: unit, now: now)
        let lines = sparks.lines(width: width)
        groups.append(Group(lines: Array(lines.prefix(max(rows - used, 0))), spaced: true))
      }
    }
    if !end.isEmpty { groups.append(Group(lines: end, spaced: true)) }
    let starts = place(groups, rows: rows, on: &canvas)
    if !wide, width >= 100, let top = starts.dropFirst(2).first {
      drawCurves(on: &canvas, top: top, left: columns.width + 4, rows: cell.count)
    }
  }

  /// The narrowest room the σ and tanh curves are drawn in, beside the stacked stages.
  private static let curvesWidth = 16

  /// The columns of the stacked stages. With numbers that differ from the ghost's, the form
  /// that shows the ghost's beside them if it fits. Else, from 100 wide, they leave room for
  /// the curves when a form of the formulas that keeps every number whole fits beside them (a
  /// vector cell's labelled form does not); else they take the whole width, without curves.
  private func stackedColumns(width: Int) -> CellText.Columns {
    // The ghost's numbers beside the changed ones come before the curves.
    if text.hasNotes {
      let annotated = text.columns(fitting: width)
      if annotated.annotated { return annotated }
    }
    let besideCurves = width - LessonView.curvesWidth - 5
    if width >= 100 {
      let columns = text.columns(fitting: besideCurves)
      if !columns.wrapsX, columns.width <= besideCurves { return columns }
    }
    return text.columns(fitting: width)
  }

  /// Puts `groups` top to bottom, a blank row above each spaced one while there is room.
  /// Returns the row each group starts at.
  private func place(_ groups: [Group], rows: Int, on canvas: inout Canvas) -> [Int] {
    var spare = max(rows - groups.reduce(0) { $0 + $1.lines.count }, 0)
    var row = 0
    var starts: [Int] = []
    for group in groups {
      if group.spaced, spare > 0 {
        row += 1
        spare -= 1
      }
      starts.append(row)
      for line in group.lines {
        canvas.put(line, row: row, column: 0)
        row += 1
      }
    }
    return starts
  }

  /// The stages one under another, each formula's results in aligned columns.
  private func stackedStages(columns: CellText.Columns) -> [Line] {
    var lines: [Line] = []
    for stage in Stage.allCases {
      let stageLines = text.lines(of: stage, columns: columns)
      if state.reveals(stage) {
        lines += stageLines
      } else {
        // A hidden stage's heading without the compact form's gate values.
        var plain = columns
        (plain.compact, plain.wrapsX) = (false, false)
        let heading = text.lines(of: stage, columns: plain).prefix(1)
        lines += hidden(stage, lines: Array(heading) + stageLines.dropFirst())
      }
    }
    return lines
  }

  /// The σ and tanh curves beside the stacked stages, each gate's x marked.
  private func drawCurves(on canvas: inout Canvas, top: Int, left: Int, rows: Int) {
    let width = min(min(state.width, LessonView.maximumWidth) - left - 1, 40)
    guard width >= LessonView.curvesWidth, rows >= 10 else { return }
    func mark(_ gate: Gate) -> ActivationPlot.Mark? {
      guard state.reveals(gate.stage) else { return nil }
      return ActivationPlot.Mark(
        label: Character(gate.symbol), x: step.gates[gate].x[unit],
        style: Style(.gate(gate), bold: true))
    }
    var tanhMarks = [mark(.candidate)].compactMap { $0 }
    if state.reveals(.output) {
      tanhMarks.append(
        ActivationPlot.Mark(label: "c", x: step.ltm[unit], style: Style(.ltm, bold: true)))
    }
    let sigmoid = ActivationPlot(
      activation: .sigmoid, marks: [mark(.forget), mark(.input), mark(.output)].compactMap { $0 })
    let tanh = ActivationPlot(
      activation: .tanh, marks: tanhMarks, title: state.reveals(.output) ? "tanh(x), tanh(c)" : nil)
    let height = min(rows / 2, 7)
    let plots =
      sigmoid.lines(width: width, height: height) + tanh.lines(width: width, height: height)
    for (index, line) in plots.enumerated() {
      canvas.put(line, row: top + index + (index >= height ? rows - 2 * height : 0), column: left)
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

  /// `lstmviz · title      Company A (1/2)   t = 2 / 4   input 0.5000`.
  private func titleLine(width: Int) -> Line {
    let wide = titleFacts(separator: "   ", room: width)
    let right = width - wide.width >= 30 ? wide : titleFacts(separator: "  ", room: width - 12)
    let prefix = width - right.width >= 40 ? "lstmviz · " : ""
    let room = width - right.width - prefix.count - 3
    let title = shortened(state.lesson.title, to: max(room, 0))
    let left = Line([Span(prefix, .dim), Span(title, Style(.heading, bold: true))])
    return left.padded(to: width - right.width) + right
  }

  /// `Company A (1/2)   t = 2 / 4   input 0.5000`, the inputs cut with `…` to fit in `room`.
  private func titleFacts(separator: String, room: Int) -> Line {
    let number = " (\(state.sequenceIndex + 1)/\(state.sequenceCount))"
    let name = shortened(run.sequence.name, to: max(room / 3 - number.count, 8))
    var facts = Line([
      Span(name, Style(.heading, bold: true)), Span(number, .dim), Span(separator + "t = "),
      Span("\(step.t)", Style(.highlight, bold: true)), Span(" / \(run.count)"),
    ])
    if let stage = state.stage {
      facts += Span(separator + "stage ")
      facts += Span("\(stage.number)", Style(.highlight, bold: true))
      facts += Span(" / \(Stage.allCases.count)")
    }
    if run.model.hiddenSize > 1 {
      facts += Span(separator + "unit ")
      facts += Span("\(unit + 1)", Style(.highlight, bold: true))
      facts += Span(" / \(run.model.hiddenSize)")
    }
    facts += Span(separator + "input ")
    let values = step.input.enumerated().map { k, value in
      marks.cursor(numbers.span(value), at: .input(component: k))
    }
    guard values.count > 1 else {
      let note = marks.note(
        step.input[0], marks.ghostValue(\.input, unit: 0), numbers: numbers)
      return values.first.map { facts + $0 + Line(note.map { [$0] } ?? []) } ?? facts
    }
    facts += Span("(")
    for (index, value) in values.enumerated() {
      let rest = index == values.count - 1 ? 1 : 4
      if facts.width + 2 + value.text.count + rest > room, index > 0 {
        facts += Span(", …")
        break
      }
      if index > 0 { facts += Span(", ") }
      facts += value
    }
    return facts + Span(")")
  }

  /// The sequence's end: the prediction (the STM after the last step, the one shown), the
  /// ghost's beside it when it differs, and the target; the words `the last STM` left out when
  /// the line would not fit.
  private func endLine(width: Int) -> Line {
    let prediction = step.stm[unit]
    let note = marks.note(prediction, marks.ghostValue(\.stm, unit: unit), numbers: numbers)
    func line(words: Bool) -> Line {
      let which = run.model.hiddenSize > 1 ? " of unit \(unit + 1)" : ""
      var line = Line([
        Span("■ sequence ended", Style(.highlight, bold: true)),
        Span(" · prediction" + (words ? " = the last STM" + which : which) + " = "),
        numbers.span(prediction, bold: true),
      ])
      if let note { line += note }
      if let target = run.sequence.target, target.indices.contains(unit) {
        line += Span("   target ")
        line += numbers.span(target[unit], bold: true)
      }
      return line
    }
    let full = line(words: true)
    return full.width <= width ? full : line(words: false)
  }
}
