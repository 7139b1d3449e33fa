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
  static func spark(_ series: Series, buckets: Int, columns: Int) -> String {
    let range = series.range
    return String(
      (0..<columns).map { column in
        let bucket = min(((column + 1) * buckets + columns - 1) / columns - 1, buckets - 1)
        let value = series.last[max(bucket, 0)]
        guard range.upperBound > range.lowerBound else { return levels[3] }
        let level = (value - range.lowerBound) / (range.upperBound - range.lowerBound)
        return levels[min(max(Int(level * Double(levels.count)), 0), levels.count - 1)]
      })
  }

  /// The column of step t among `columns` columns.
  static func column(of t: Int, in history: History, columns: Int) -> Int {
    guard history.buckets > 0 else { return 0 }
    return history.bucket(of: t) * columns / history.buckets
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
    let current = Sparklines.column(of: t, in: history, columns: columns)
    for (label, values, role) in series {
      top += Span(label, .dim)
      marks = marks.padded(to: top.width + current)
      marks += Span("▲", Style(.highlight, bold: true))
      top += Span(Sparklines.spark(values, buckets: history.buckets, columns: columns), role)
    }
    marks += Span(" t = \(t)", Style(.highlight))
    return [top, marks]
  }
}
