import Foundation
import LSTMViewModel

/// The gradients over t on a log scale: `|∂J/∂LTM_t|` and `|∂J/∂STM_t|` of the LSTM and
/// `|∂J/∂h_t|` of its plain-RNN twin (norms over the units for a vector cell), the current step
/// marked. The picture of the lesson: one line stays up, the other falls away.
///
/// The axis is labelled in decades (1, 10⁻², 10⁻⁴ …); zeros, exact or a product too small for a
/// Double, sit on a floor row of their own labelled 0. Drawn from the downsampled history, so its
/// cost does not grow with T.
struct GradientPlot {
  let history: GradientHistory
  let t: Int
  /// Whether the lesson has a twin (else the legend says there is none).
  let hasTwin: Bool

  /// The mark where two series fall on one cell.
  static let both: Character = "◉"

  /// The fewest rows the plot is drawn in: a legend, three decades, the floor, the axis and the
  /// steps.
  static let minimumHeight = 7

  private struct Track {
    var series: MagnitudeSeries
    var mark: Character
    var name: String
    var style: Style
  }

  /// The vertical scale: decades from `top` down to `bottom` (powers of ten) over `rows` rows,
  /// then the floor.
  struct Scale {
    var top: Int
    var bottom: Int
    var step: Int
    var rows: Int
    var firstRow: Int

    /// A scale covering magnitudes `smallest...largest` (above zero) in `rows` rows.
    init(smallest: Double?, largest: Double, rows: Int, firstRow: Int) {
      let top = largest > 0 ? Int(log10(largest).rounded(.up)) : 0
      var bottom = smallest.map { Int(log10($0).rounded(.down)) } ?? top - 1
      if bottom >= top { bottom = top - 1 }
      let steps = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200]
      let span = top - bottom
      let step = steps.first { span / $0 + (span % $0 == 0 ? 1 : 2) <= rows } ?? 400
      // The top stays the largest value's decade, so that no row is wasted above it; the
      // bottom goes down to a labelled decade.
      bottom = Int((Double(bottom) / Double(step)).rounded(.down)) * step
      (self.top, self.bottom, self.step, self.rows, self.firstRow) =
        (top, bottom, step, rows, firstRow)
    }

    /// The floor's row, just below the decades.
    var floorRow: Int { firstRow + rows }

    /// The row of magnitude `value`: by its decade, or the floor for 0.
    func row(_ value: Double) -> Int {
      guard value > 0 else { return floorRow }
      let fraction = (Double(top) - log10(value)) / Double(top - bottom)
      return firstRow + min(max(Int((fraction * Double(rows - 1)).rounded()), 0), rows - 1)
    }

    /// Each labelled decade and its row.
    var decades: [(label: String, row: Int)] {
      let first = Int((Double(top) / Double(step)).rounded(.down)) * step
      return stride(from: first, through: bottom, by: -step).map { decade in
        (GradientPlot.power(decade), row(pow(10, Double(decade))))
      }
    }
  }

  /// `1`, `10`, `10⁻²`, `10¹⁶`.
  static func power(_ exponent: Int) -> String {
    if exponent == 0 { return "1" }
    if exponent == 1 { return "10" }
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let sign = exponent < 0 ? "⁻" : ""
    return "10" + sign
      + String(String(abs(exponent)).compactMap { $0.wholeNumberValue.map { digits[$0] } })
  }

  /// The plot in `width`×`height`: a legend row, the decades, the floor, an axis row and a
  /// step row.
  func lines(width: Int, height: Int) -> [Line] {
    var area = PlotArea(width: width, height: height)
    guard history.buckets > 0, height >= GradientPlot.minimumHeight else { return area.lines }
    let tracks = self.tracks
    let scale = Scale(
      smallest: tracks.compactMap(\.series.smallestNonzero).min(),
      largest: tracks.map(\.series.largest).max() ?? 0, rows: height - 4, firstRow: 1)
    let labels = scale.decades + [("0", scale.floorRow)]
    let gutter = (labels.map(\.0.count).max() ?? 1) + 2
    let plotWidth = width - gutter - 1
    guard plotWidth >= 8 else { return area.lines }
    let count = min(plotWidth, history.buckets)
    func x(_ column: Int) -> Int {
      count == 1 ? gutter : gutter + column * (plotWidth - 1) / (count - 1)
    }
    drawLegend(tracks, count: count, width: width, on: &area)
    for row in scale.firstRow...scale.floorRow {
      area.set("│", row: row, column: gutter - 1, style: Style(.dim))
    }
    for (label, row) in labels {
      area.write(label.leftPadded(to: gutter - 2), row: row, column: 0, style: Style(.dim))
    }
    for column in gutter..<gutter + plotWidth {
      area.set("┄", row: scale.floorRow, column: column, style: Style(.dim))
    }
    let axis = scale.floorRow + 1
    area.set("└", row: axis, column: gutter - 1, style: Style(.dim))
    for column in gutter..<gutter + plotWidth {
      area.set("─", row: axis, column: column, style: Style(.dim))
    }
    let currentX = x(history.column(of: t, columns: count))
    for row in scale.firstRow..<axis {
      area.set("┊", row: row, column: currentX, style: Style(.highlight))
    }
    let marks = Set(tracks.map(\.mark))
    for track in tracks {
      for column in 0..<count {
        let range = history.buckets(ofColumn: column, columns: count)
        let row = scale.row(track.series.last[range.upperBound - 1])
        if let here = area.character(row: row, column: x(column)),
          marks.contains(here)
            || here == GradientPlot.both
        {
          area.set(
            GradientPlot.both, row: row, column: x(column), style: Style(.highlight, bold: true))
        } else {
          area.set(track.mark, row: row, column: x(column), style: track.style)
        }
      }
    }
    area.set("┴", row: axis, column: currentX, style: Style(.highlight, bold: true))
    let steps = axis + 1
    area.write("1", row: steps, column: x(0), style: Style(.dim))
    let last = "\(history.stepCount)"
    area.write(last, row: steps, column: x(count - 1) - last.count + 1, style: Style(.dim))
    let here = "▲ t = \(t)"
    let hereX = min(max(currentX, 0), width - here.count)
    area.write(here, row: steps, column: hereX, style: Style(.highlight, bold: true))
    let notes = ["0 (floor): exactly 0, or too small for a Double", "0: exactly 0 or underflow"]
    let lastX = x(count - 1) - last.count
    for note in notes {
      let after = hereX + here.count + 3
      let start = after + note.count <= lastX - 2 ? after : x(0) + 3
      if start == after || start + note.count <= hereX - 2 {
        area.write(note, row: steps, column: start, style: Style(.dim))
        break
      }
    }
    return area.lines
  }

  /// The series drawn, the LTM's first.
  private var tracks: [Track] {
    let (open, close) = history.isNorm ? ("‖", "‖") : ("|", "|")
    var tracks = [
      Track(
        series: history.ltm, mark: "●", name: "\(open)∂J/∂LTM_t\(close)",
        style: Style(.ltm, bold: true)),
      Track(
        series: history.stm, mark: "○", name: "\(open)∂J/∂STM_t\(close)",
        style: Style(.stm, bold: true)),
    ]
    if let twin = history.twinSTM {
      tracks.append(
        Track(
          series: twin, mark: "×", name: "RNN \(open)∂J/∂h_t\(close)",
          style: Style(.gate(.candidate), bold: true)))
    }
    return tracks
  }

  /// The legend row: what is plotted, each track's mark and name, and the notes that fit.
  private func drawLegend(_ tracks: [Track], count: Int, width: Int, on area: inout PlotArea) {
    let title = "gradients, log scale"
    area.write(title, row: 0, column: 0, style: Style(.heading, bold: true))
    var column = title.terminalColumns + 2
    for track in tracks {
      area.set(track.mark, row: 0, column: column, style: track.style)
      area.write(track.name, row: 0, column: column + 2, style: track.style)
      column += 2 + track.name.terminalColumns + 3
    }
    area.set(GradientPlot.both, row: 0, column: column, style: Style(.highlight, bold: true))
    area.write("both", row: 0, column: column + 2, style: Style(.highlight, bold: true))
    column += 9
    var notes: [String] = []
    if !hasTwin { notes.append("no RNN twin (r says how to add one)") }
    if history.isNorm { notes.append("norms over the units") }
    if history.buckets < history.stepCount || count < history.buckets {
      notes.append("\(history.stepCount) steps in \(count) columns, each its last step")
    }
    for note in notes where column + note.terminalColumns <= width {
      area.write(note, row: 0, column: column, style: Style(.dim))
      column += note.terminalColumns + 3
    }
  }
}
