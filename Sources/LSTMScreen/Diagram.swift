import LSTMCore
import LSTMViewModel

/// The memory lines: the LTM across the top of the cell and the STM along the bottom, each from
/// its value coming in on the left to its new value on the right, with the gates' operations on
/// them marked where they act.
struct Diagram {
  /// Whether a stage is revealed (stage mode), so that its marks and new values show.
  let reveals: (Stage) -> Bool
  let step: StepTrace
  let unit: Int
  let numbers: NumberStyle
  /// The columns the lines span.
  let width: Int
  /// Where the forget, input and output gates act on the lines, if the layout places them.
  var gateColumns: (forget: Int, input: Int, output: Int)?
  /// The ghost's memories, beside the ones that differ: `-0.2022 (was -0.1900)`.
  var marks = Annotations.none

  /// The lines of step `step` as `state` reveals it, with `marks`.
  init(
    state: State, step: StepTrace, unit: Int, numbers: NumberStyle, width: Int,
    gateColumns: (forget: Int, input: Int, output: Int)? = nil, marks: Annotations = .none
  ) {
    self.init(
      reveals: state.reveals, step: step, unit: unit, numbers: numbers, width: width,
      gateColumns: gateColumns)
    self.marks = marks
  }

  /// The lines of step `step`, with the stages `reveals` reveals.
  init(
    reveals: @escaping (Stage) -> Bool, step: StepTrace, unit: Int, numbers: NumberStyle,
    width: Int, gateColumns: (forget: Int, input: Int, output: Int)? = nil
  ) {
    self.reveals = reveals
    self.step = step
    self.unit = unit
    self.numbers = numbers
    self.width = width
    self.gateColumns = gateColumns
  }

  /// `LTM (c) `, or for a vector cell `LTM (c₂) `: which unit's memory the line shows.
  private func memoryLabel(_ name: String, _ symbol: String) -> String {
    guard step.ltm.count > 1 else { return "\(name) (\(symbol)) " }
    return "\(name) (\(symbol)\(CellText.subscript(unit + 1))) "
  }

  /// Where the line starts: after the label, the incoming value and the ghost's.
  private var start: Int { memoryLabel("LTM", "c").count + valueWidth + 1 + notesWidth.left }
  /// Where the line ends: before the arrow head, the new value, the ghost's, and its name if
  /// there is room.
  private var end: Int { width - valueWidth - 3 - tailWidth - notesWidth.right }

  /// The ghost's memories coming in (left) and going out (right), where they differ.
  private var notes: (ltmIn: Span?, stmIn: Span?, ltm: Span?, stm: Span?) {
    func note(_ value: Double, _ pick: (StepTrace) -> [Double]) -> Span? {
      marks.note(value, marks.ghostValue(pick, unit: unit), numbers: numbers)
    }
    return (
      note(step.ltmIn[unit], \.ltmIn), note(step.stmIn[unit], \.stmIn),
      reveals(.input) ? note(step.ltm[unit], \.ltm) : nil,
      reveals(.output) ? note(step.stm[unit], \.stm) : nil
    )
  }

  /// `notes`, less those of a side with no room for them.
  private var shownNotes: (ltmIn: Span?, stmIn: Span?, ltm: Span?, stm: Span?) {
    let (notes, room) = (self.notes, notesWidth)
    return (
      room.left > 0 ? notes.ltmIn : nil, room.left > 0 ? notes.stmIn : nil,
      room.right > 0 ? notes.ltm : nil, room.right > 0 ? notes.stm : nil
    )
  }

  /// The columns the ghost's memories take on each side, the same on both lines: 0 for a side
  /// where they would run into the gates' marks (the boxes of the wide layout place those).
  private var notesWidth: (left: Int, right: Int) {
    let notes = self.notes
    let left = max(notes.ltmIn?.text.count ?? 0, notes.stmIn?.text.count ?? 0)
    let right = max(notes.ltm?.text.count ?? 0, notes.stm?.text.count ?? 0)
    guard let gateColumns else { return (left, right) }
    let start = memoryLabel("LTM", "c").count + valueWidth + 1
    let end = width - valueWidth - 3 - tailWidth
    return (
      start + left + 3 <= gateColumns.forget ? left : 0,
      gateColumns.output + 3 <= end - right ? right : 0
    )
  }
  /// The room for `  new LTM` after the new value.
  private var tailWidth: Int { width >= 90 ? 9 : 0 }
  private var valueWidth: Int {
    [step.ltmIn[unit], step.ltm[unit], step.stmIn[unit], step.stm[unit]]
      .map { numbers.signed($0).count }.max() ?? 7
  }

  private func at(_ fraction: Double) -> Int {
    start + Int(Double(end - start) * fraction)
  }
  /// The forget gate's ×, the input gate's + and the tap into tanh for the output.
  private var forgetColumn: Int { gateColumns?.forget ?? at(0.22) }
  private var inputColumn: Int { gateColumns?.input ?? at(0.5) }
  private var outputColumn: Int { gateColumns?.output ?? at(0.8) }

  private func style(_ role: StyleRole, _ stage: Stage) -> Style {
    reveals(stage) ? Style(role, bold: true) : Style(.dim)
  }

  /// The value at the end of a line, or a blank of its width while it is not revealed.
  private func newValue(_ value: Double, _ stage: Stage) -> Span {
    reveals(stage)
      ? numbers.span(value, signed: true, bold: true)
      : Span(" ?".padding(toLength: valueWidth, withPad: " ", startingAt: 0), .dim)
  }

  /// A line's label and incoming value, and the ghost's when it differs.
  private func label(
    _ name: String, _ symbol: String, _ style: Style, _ value: Double, _ note: Span?
  )
    -> Line
  {
    Line([Span(memoryLabel(name, symbol), style), numbers.span(value, signed: true)])
      + Line(note.map { [$0] } ?? [])
  }

  /// Writes `marks` into a row of `fill`, each centred on its column.
  private func row(
    label: Line, fill: Character, marks: [(Int, String, Style)], lineStyle: Style, tail: [Span]
  ) -> Line {
    var line = label.padded(to: start)
    var column = start
    for (center, mark, style) in marks.sorted(by: { $0.0 < $1.0 }) {
      let left = center - mark.count / 2
      if left > column {
        line += Span(String(repeating: fill, count: left - column), lineStyle)
        column = left
      }
      line += Span(mark, style)
      column += mark.count
    }
    if fill != " " {
      if end > column { line += Span(String(repeating: fill, count: end - column), lineStyle) }
      line += Span("▶ ", lineStyle)
    } else {
      line = line.padded(to: end + 2)
    }
    // The value and the ghost's always; the name only if it fits whole.
    for (index, span) in tail.enumerated()
    where index < tail.count - 1 || line.width + span.text.count <= width {
      line += span
    }
    return line
  }

  /// The LTM line and, under it, what flows into it.
  func ltmLines() -> [Line] {
    let lineStyle = Style(.ltm, bold: true)
    let notes = shownNotes
    let label = label("LTM", "c", lineStyle, step.ltmIn[unit], notes.ltmIn)
    let line = row(
      label: label, fill: "━",
      marks: [
        (forgetColumn, "(×)", style(.gate(.forget), .forget)),
        (inputColumn, "(+)", style(.gate(.input), .input)),
        (outputColumn, "┳", style(.ltm, .output)),
      ], lineStyle: lineStyle,
      tail: [newValue(step.ltm[unit], .input)] + (notes.ltm.map { [$0] } ?? [])
        + [Span(tailWidth > 0 ? "  new LTM" : "", .dim)])
    let below = row(
      label: Line(), fill: " ",
      marks: [
        (forgetColumn + 1, "▲ f", style(.gate(.forget), .forget)),
        (inputColumn + 3, "▲ i × g", style(.gate(.input), .input)),
        (outputColumn + 3, "▼ tanh", style(.gate(.output), .output)),
      ], lineStyle: .plain, tail: [])
    return [line, below]
  }

  /// What flows out of the STM line into the gates and back, and the STM line.
  func stmLines() -> [Line] {
    let lineStyle = Style(.stm, bold: true)
    let above = row(
      label: Line(), fill: " ",
      marks: [
        (start + 9, "▲ into every gate", Style(.dim)),
        (outputColumn + 5, "▼ o × tanh", style(.gate(.output), .output)),
      ], lineStyle: .plain, tail: [])
    let notes = shownNotes
    let label = label("STM", "h", lineStyle, step.stmIn[unit], notes.stmIn)
    let line = row(
      label: label, fill: "━",
      marks: [(start + 1, "┻", lineStyle), (outputColumn, "(×)", style(.gate(.output), .output))],
      lineStyle: lineStyle,
      tail: [newValue(step.stm[unit], .output)] + (notes.stm.map { [$0] } ?? [])
        + [Span(tailWidth > 0 ? "  new STM" : "", .dim)])
    return [above, line]
  }
}
