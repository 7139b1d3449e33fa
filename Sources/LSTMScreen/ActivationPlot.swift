import LSTMCore

/// A small plot of σ or tanh, with gates' current x marked on the curve.
struct ActivationPlot {
  /// A point to mark: its label (a gate's symbol), its x, and how to draw it.
  struct Mark {
    var label: Character
    var x: Double
    var style: Style
  }

  let activation: Activation
  let marks: [Mark]
  /// The heading above the curve; by default `σ(x)` or `tanh(x)`.
  var title: String?

  init(activation: Activation, marks: [Mark], title: String? = nil) {
    self.activation = activation
    self.marks = marks
    self.title = title
  }

  /// The x shown, from -span to span.
  private var span: Double { activation == .sigmoid ? 6 : 3 }
  private var range: (low: Double, high: Double) { activation == .sigmoid ? (0, 1) : (-1, 1) }

  /// The plot in `width`×`height` (at least 12×4): a title, the curve, an x axis.
  func lines(width: Int, height: Int) -> [Line] {
    var area = PlotArea(width: width, height: height)
    let gutter = 3
    let plotWidth = width - gutter
    let plotHeight = height - 2
    guard plotWidth >= 8, plotHeight >= 2 else { return area.lines }
    let (low, high) = range
    func row(_ y: Double) -> Int {
      let fraction = (high - y) / (high - low)
      return min(max(Int((fraction * Double(plotHeight - 1)).rounded()), 0), plotHeight - 1) + 1
    }
    func column(_ x: Double) -> Int {
      let fraction = (x + span) / (2 * span)
      return gutter + min(max(Int((fraction * Double(plotWidth - 1)).rounded()), 0), plotWidth - 1)
    }
    let name = title ?? (activation == .sigmoid ? "σ(x)" : "tanh(x)")
    area.write(name, row: 0, column: 0, style: Style(.heading, bold: true))
    area.write(high == 1 ? " 1" : "", row: 1, column: 0, style: Style(.dim))
    area.write(low == 0 ? " 0" : "-1", row: plotHeight, column: 0, style: Style(.dim))
    for y in 1...plotHeight {
      area.set("│", row: y, column: gutter - 1, style: Style(.dim))
    }
    if low < 0 {
      let zero = row(0)
      for x in gutter..<width { area.set("┄", row: zero, column: x, style: Style(.dim)) }
    }
    let axis = plotHeight + 1
    for x in gutter..<width { area.set("─", row: axis, column: x, style: Style(.dim)) }
    area.set("└", row: axis, column: gutter - 1, style: Style(.dim))
    area.set("┴", row: axis, column: column(0), style: Style(.dim))
    for x in gutter..<width {
      let value = -span + (Double(x - gutter) / Double(plotWidth - 1)) * 2 * span
      area.set("·", row: row(activation(value)), column: x, style: Style(.plain))
    }
    let ends = (
      NumberFormatting.fixed(-span, precision: 0), NumberFormatting.fixed(span, precision: 0)
    )
    area.write(ends.0, row: axis, column: gutter, style: Style(.dim))
    area.write(ends.1, row: axis, column: width - ends.1.count, style: Style(.dim))
    let points = marks.map { mark in
      (mark, column(min(max(mark.x, -span), span)), row(activation(mark.x)))
    }
    for (mark, x, y) in points {
      area.set("●", row: y, column: x, style: mark.style)
      area.set(
        mark.x < -span ? "◂" : mark.x > span ? "▸" : "▲", row: axis, column: x, style: mark.style)
    }
    // Each label beside its point, wherever the curve leaves room.
    for (mark, x, y) in points {
      let places = [(y, x + 1), (y, x - 1), (y - 1, x), (y + 1, x), (y - 1, x + 1), (y + 1, x - 1)]
      let free = places.first { place in
        (1...plotHeight).contains(place.0) && place.1 >= gutter
          && [" ", "·", "┄"].contains(area.character(row: place.0, column: place.1))
      }
      if let (labelRow, labelColumn) = free {
        area.set(mark.label, row: labelRow, column: labelColumn, style: mark.style)
      }
    }
    return area.lines
  }
}
