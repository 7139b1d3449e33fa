import LSTMCore
import LSTMViewModel

/// A history in one row: a sparkline each for the input, the LTM and the STM, and under them a
/// mark at the current step.
struct Sparklines {
  let history: History
  let t: Int
  let unit: Int

  private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The sparkline of `series` in `columns` columns, each the value at the end of its steps.
  func spark(_ series: Series, columns: Int) -> String {
    let range = series.range
    return String(
      (0..<columns).map { column in
        let buckets = history.buckets(ofColumn: column, columns: columns)
        let value = series.last[max(buckets.upperBound - 1, 0)]
        guard range.upperBound > range.lowerBound else { return Sparklines.levels[3] }
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
      "history  " + (history.input.count > 1 ? "in₁ " : "input "), "   LTM ", "   STM ",
    ]
    let room = (width - labels.reduce(0) { $0 + $1.count } - 12) / 3
    let columns = max(min(history.buckets, room, 40), 1)
    let series: [(String, Series, StyleRole)] = [
      (labels[0], input, .plain), (labels[1], history.ltm[unit], .ltm),
      (labels[2], history.stm[unit], .stm),
    ]
    var top = Line()
    var marks = Line()
    let current = history.column(of: t, columns: columns)
    for (label, values, role) in series {
      top += Span(label, .dim)
      marks = marks.padded(to: top.width + current)
      marks += Span("▲", Style(.highlight, bold: true))
      top += Span(spark(values, columns: columns), role)
    }
    marks += Span(" t = \(t)", Style(.highlight))
    return [top, marks]
  }
}
