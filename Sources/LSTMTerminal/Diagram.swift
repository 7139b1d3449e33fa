import LSTMCore
import LSTMViewModel

/// The memory lines: the LTM across the top of the cell and the STM along the bottom, each from
/// its value coming in on the left to its new value on the right, with the gates' operations on
/// them marked where they act.
struct Diagram {
  let state: State
  let step: StepTrace
  let unit: Int
  let numbers: Numbers
  /// The columns the lines span.
  let width: Int

  private static let labelWidth = 8

  /// Where the line starts: after the label and the incoming value.
  private var start: Int { Diagram.labelWidth + valueWidth + 1 }
  /// Where the line ends: before the arrow head and the new value.
  private var end: Int { width - valueWidth - 3 }
  private var valueWidth: Int {
    [step.ltmIn[unit], step.ltm[unit], step.stmIn[unit], step.stm[unit]]
      .map { numbers.signed($0).count }.max() ?? 7
  }

  private func at(_ fraction: Double) -> Int {
    start + Int(Double(end - start) * fraction)
  }
  /// The forget gate's ×, the input gate's + and the tap into tanh for the output.
  private var forgetColumn: Int { at(0.22) }
  private var inputColumn: Int { at(0.5) }
  private var outputColumn: Int { at(0.8) }

  private func style(_ role: StyleRole, _ stage: Stage) -> Style {
    state.reveals(stage) ? Style(role, bold: true) : Style(.dim)
  }

  /// The value at the end of a line, or a blank of its width while it is not revealed.
  private func newValue(_ value: Double, _ stage: Stage) -> Span {
    state.reveals(stage)
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
    for span in tail { line += span }
    return line
  }

  /// The LTM line and, under it, what flows into it.
  func ltmLines() -> [Line] {
    let lineStyle = Style(.ltm, bold: true)
    let label = Line([Span("LTM (c) ", lineStyle), numbers.span(step.ltmIn[unit], signed: true)])
    let line = row(
      label: label, fill: "━",
      marks: [
        (forgetColumn, "(×)", style(.gate(.forget), .forget)),
        (inputColumn, "(+)", style(.gate(.input), .input)),
        (outputColumn, "┳", style(.ltm, .output)),
      ], lineStyle: lineStyle,
      tail: [newValue(step.ltm[unit], .input), Span("  new LTM", .dim)])
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
    let label = Line([Span("STM (h) ", lineStyle), numbers.span(step.stmIn[unit], signed: true)])
    let line = row(
      label: label, fill: "━",
      marks: [(start + 1, "┻", lineStyle), (outputColumn, "(×)", style(.gate(.output), .output))],
      lineStyle: lineStyle,
      tail: [newValue(step.stm[unit], .output), Span("  new STM", .dim)])
    return [above, line]
  }
}
