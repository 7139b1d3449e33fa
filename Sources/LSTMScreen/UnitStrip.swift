import LSTMCore
import LSTMViewModel

/// Every hidden unit's new LTM and STM for the current step, the selected unit marked.
struct UnitStrip {
  let state: State
  let step: StepTrace
  let unit: Int
  let numbers: NumberStyle

  /// Two rows, LTM and STM, showing as many units around the selected one as fit in `width`.
  func lines(width: Int) -> [Line] {
    let n = step.ltm.count
    let label = 12
    let entryWidth =
      ([step.ltm, step.stm].flatMap { $0 }.map { numbers.signed($0).count }.max() ?? 7)
      + "▸\(n): ".count + 2
    let fits = max((width - label) / entryWidth, 1)
    let first = min(max(unit - fits / 2, 0), max(n - fits, 0))
    let units = first..<min(first + fits, n)
    func row(_ name: String, _ values: [Double], _ role: StyleRole, shown: Bool) -> Line {
      var line = Line([Span(name, Style(role, bold: true))]).padded(to: label - 1)
      line += Span(first > 0 ? "…" : " ", .dim)
      for j in units {
        let selected = j == unit
        var entry = Line([
          Span(selected ? "▸" : " ", Style(.highlight, bold: true)),
          Span("\(j + 1): ", selected ? Style(.highlight, bold: true) : Style(.dim)),
          shown ? numbers.span(values[j], signed: true, bold: selected) : Span(" ?", .dim),
        ])
        entry = entry.padded(to: entryWidth)
        line += entry
      }
      if units.upperBound < n { line += Span("…", .dim) }
      return line
    }
    return [
      row("new LTM", step.ltm, .ltm, shown: state.reveals(.input)),
      row("new STM", step.stm, .stm, shown: state.reveals(.output)),
    ]
  }
}
