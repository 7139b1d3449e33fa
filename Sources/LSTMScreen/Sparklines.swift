import LSTMViewModel

/// A history in one row: a sparkline each for the input, the LTM and the STM, and under them a
/// mark at the current step.
///
/// Each sparkline's scale reaches to 0, so that a memory falling from 0.99 to 0.87 stays high
/// rather than looking like a collapse. The memories show up to step t only, and step t's once
/// the diagram reveals it; the inputs, being given, show for every step.
struct Sparklines {
  let history: History
  let t: Int
  let unit: Int
  /// The memories after step t, nil while hidden.
  let now: RevealedMemories

  private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The sparkline of `series` in `columns` columns, each the value at the end of its steps; for
  /// a memory (`memory` not `.none`), blank after step t and at step t while hidden.
  func spark(_ series: Series, columns: Int, memory: Double?? = .none) -> String {
    let range = min(series.range.lowerBound, 0)...max(series.range.upperBound, 0)
    let current = history.column(of: t, columns: columns)
    return String(
      (0..<columns).map { column in
        let buckets = history.buckets(ofColumn: column, columns: columns)
        var value = series.last[max(buckets.upperBound - 1, 0)]
        if case .some(let now) = memory, column >= current {
          guard column == current, let now else { return " " }
          value = now
        }
        guard range.upperBound > range.lowerBound else { return Sparklines.levels[0] }
        let level = (value - range.lowerBound) / (range.upperBound - range.lowerBound)
        let top = Sparklines.levels.count - 1
        return Sparklines.levels[min(max(Int(level * Double(top + 1)), 0), top)]
      })
  }

  /// The two rows, fitted to `width`.
  func lines(width: Int) -> [Line] {
    guard history.buckets > 0, let input = history.input.first,
      history.ltm.indices.contains(unit), history.stm.indices.contains(unit)
    else { return [] }
    let labels = [
      "history  " + (history.input.count > 1 ? "input 1 of \(history.input.count) " : "input "),
      "   LTM ", "   STM ",
    ]
    let room = (width - labels.reduce(0) { $0 + $1.count } - 12) / 3
    let columns = max(min(history.buckets, room, 40), 1)
    let series: [(String, Series, StyleRole, Double??)] = [
      (labels[0], input, .plain, .none), (labels[1], history.ltm[unit], .ltm, .some(now.ltm)),
      (labels[2], history.stm[unit], .stm, .some(now.stm)),
    ]
    var top = Line()
    var marks = Line()
    let current = history.column(of: t, columns: columns)
    for (label, values, role, memory) in series {
      top += Span(label, .dim)
      marks = marks.padded(to: top.width + current)
      marks += Span("▲", Style(.highlight, bold: true))
      top += Span(spark(values, columns: columns, memory: memory), role)
    }
    marks += Span(" t = \(t)", Style(.highlight))
    return [top, marks]
  }
}
