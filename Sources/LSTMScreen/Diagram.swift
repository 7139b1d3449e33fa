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

  /// The lines of step `step` as `state` reveals it.
  init(
    state: State, step: StepTrace, unit: Int, numbers: NumberStyle, width: Int,
    gateColumns: (forget: Int, input: Int, output: Int)? = nil
  ) {
    self.init(
      reveals: state.reveals, step: step, unit: unit, numbers: numbers, width: width,
      gateColumns: gateColumns)
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

  /// Where the line starts: after the label and the incoming value.
  private var start: Int { memoryLabel("LTM", "c").count + valueWidth + 1 }
  /// Where the line ends: before the arrow head, the new value and its name if there is room.
  private var end: Int { width - valueWidth - 3 - tailWidth }
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
    // The value always; its name only if it fits whole.
    for (index, span) in tail.enumerated() where index == 0 || line.width + span.text.count <= width
    {
      line += span
    }
    return line
  }

  /// The LTM line and, under it, what flows into it.
  func ltmLines() -> [Line] {
    let lineStyle = Style(.ltm, bold: true)
    let label = Line([
      Span(memoryLabel("LTM", "c"), lineStyle), numbers.span(step.ltmIn[unit], signed: true),
    ])
    let line = row(
      label: label, fill: "━",
      marks: [
        (forgetColumn, "(×)", style(.gate(.forget), .forget)),
        (inputColumn, "(+)", style(.gate(.input), .input)),
        (outputColumn, "┳", style(.ltm, .output)),
      ], lineStyle: lineStyle,
      tail: [newValue(step.ltm[unit], .input), Span(tailWidth > 0 ? "  new LTM" : "", .dim)])
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
    let label = Line([
      Span(memoryLabel("STM", "h"), lineStyle), numbers.span(step.stmIn[unit], signed: true),
    ])
    let line = row(
      label: label, fill: "━",
      marks: [(start + 1, "┻", lineStyle), (outputColumn, "(×)", style(.gate(.output), .output))],
      lineStyle: lineStyle,
      tail: [newValue(step.stm[unit], .output), Span(tailWidth > 0 ? "  new STM" : "", .dim)])
    return [above, line]
  }
}
