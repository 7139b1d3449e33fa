import LSTMCore
import LSTMViewModel

/// A small grid of styled characters that turns into lines: what plots are drawn on.
///
/// A `Canvas` underneath, so that its rows come out as spans without going through `Character`.
struct Grid {
  private var canvas: Canvas

  init(width: Int, height: Int) {
    canvas = Canvas(width: width, height: height)
  }

  /// The number of columns.
  var width: Int { canvas.width }
  /// The number of rows.
  var height: Int { canvas.height }

  /// The character at `row`, `column`, or nil outside.
  func character(row: Int, column: Int) -> Character? {
    canvas[row, column]?.character
  }

  /// Sets one cell, if it is inside.
  mutating func set(_ character: Character, row: Int, column: Int, style: Style) {
    canvas.put(character, row: row, column: column, style: style)
  }

  /// Writes `text` from `row`, `column`, clipped.
  mutating func write(_ text: String, row: Int, column: Int, style: Style = .plain) {
    canvas.put(text, row: row, column: column, style: style)
  }

  /// The rows as lines, runs of one style joined into one span.
  var lines: [Line] {
    (0..<height).map { Line(canvas.spans(ofRow: $0)) }
  }
}

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
    var grid = Grid(width: width, height: height)
    let gutter = 3
    let plotWidth = width - gutter
    let plotHeight = height - 2
    guard plotWidth >= 8, plotHeight >= 2 else { return grid.lines }
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
    grid.write(name, row: 0, column: 0, style: Style(.heading, bold: true))
    grid.write(high == 1 ? " 1" : "", row: 1, column: 0, style: Style(.dim))
    grid.write(low == 0 ? " 0" : "-1", row: plotHeight, column: 0, style: Style(.dim))
    for y in 1...plotHeight {
      grid.set("│", row: y, column: gutter - 1, style: Style(.dim))
    }
    if low < 0 {
      let zero = row(0)
      for x in gutter..<width { grid.set("┄", row: zero, column: x, style: Style(.dim)) }
    }
    let axis = plotHeight + 1
    for x in gutter..<width { grid.set("─", row: axis, column: x, style: Style(.dim)) }
    grid.set("└", row: axis, column: gutter - 1, style: Style(.dim))
    grid.set("┴", row: axis, column: column(0), style: Style(.dim))
    for x in gutter..<width {
      let value = -span + (Double(x - gutter) / Double(plotWidth - 1)) * 2 * span
      grid.set("·", row: row(activation(value)), column: x, style: Style(.plain))
    }
    let ends = (
      NumberFormatting.fixed(-span, precision: 0), NumberFormatting.fixed(span, precision: 0)
    )
    grid.write(ends.0, row: axis, column: gutter, style: Style(.dim))
    grid.write(ends.1, row: axis, column: width - ends.1.count, style: Style(.dim))
    let points = marks.map { mark in
      (mark, column(min(max(mark.x, -span), span)), row(activation(mark.x)))
    }
    for (mark, x, y) in points {
      grid.set("●", row: y, column: x, style: mark.style)
      grid.set(
        mark.x < -span ? "◂" : mark.x > span ? "▸" : "▲", row: axis, column: x, style: mark.style)
    }
    // Each label beside its point, wherever the curve leaves room.
    for (mark, x, y) in points {
      let places = [(y, x + 1), (y, x - 1), (y - 1, x), (y + 1, x), (y - 1, x + 1), (y + 1, x - 1)]
      let free = places.first { place in
        (1...plotHeight).contains(place.0) && place.1 >= gutter
          && [" ", "·", "┄"].contains(grid.character(row: place.0, column: place.1))
      }
      if let (labelRow, labelColumn) = free {
        grid.set(mark.label, row: labelRow, column: labelColumn, style: mark.style)
      }
    }
    return grid.lines
  }
}

/// The input, LTM and STM of one unit over the whole sequence, with the current step marked.
///
/// Two lanes, each on its own scale: the input above, the two memories together below. Drawn
/// from the history's fixed number of buckets, so its cost does not grow with T.
struct HistoryPlot {
  let history: History
  let t: Int
  let unit: Int
  let numbers: Numbers

  private struct Track {
    var series: Series
    var mark: Character
    var style: Style
  }

  /// A band of rows with its own vertical scale.
  private struct Lane {
    var top: Int
    var height: Int
    var low: Double
    var high: Double
    var tracks: [Track]

    init(top: Int, height: Int, tracks: [Track]) {
      self.top = top
      self.height = height
      self.tracks = tracks
      var low = tracks.map(\.series.range.lowerBound).min() ?? 0
      var high = tracks.map(\.series.range.upperBound).max() ?? 0
      if high - low < 1e-12 {
        low -= 1
        high += 1
      }
      self.low = low
      self.high = high
    }

    func row(_ y: Double) -> Int {
      let fraction = (high - y) / (high - low)
      return top + min(max(Int((fraction * Double(height - 1)).rounded()), 0), height - 1)
    }
  }

  /// The plot in `width`×`height`: a title row, the lanes, an axis row, a step row.
  func lines(width: Int, height: Int) -> [Line] {
    var grid = Grid(width: width, height: height)
    guard history.buckets > 0, let input = history.input.first,
      history.ltm.indices.contains(unit), history.stm.indices.contains(unit)
    else { return grid.lines }
    let plotRows = height - 3
    let inputRows = max(plotRows / 3, 2)
    let lanes = [
      Lane(top: 1, height: inputRows, tracks: [Track(series: input, mark: "◆", style: .plain)]),
      Lane(
        top: 1 + inputRows, height: plotRows - inputRows,
        tracks: [
          Track(series: history.ltm[unit], mark: "●", style: Style(.ltm, bold: true)),
          Track(series: history.stm[unit], mark: "○", style: Style(.stm, bold: true)),
        ]),
    ]
    let valueWidth =
      lanes.flatMap { [numbers.signed($0.low), numbers.signed($0.high)] }.map(\.count).max() ?? 7
    let gutter = valueWidth + 2
    let plotWidth = width - gutter - 1
    guard plotWidth >= 8, plotRows >= 4, lanes[1].height >= 2 else { return grid.lines }

    grid.write("history", row: 0, column: 0, style: Style(.heading, bold: true))
    var legend = 9
    let inputName = history.input.count > 1 ? "input 1" : "input"
    let names: [(String, Character, Style)] = [
      (inputName, "◆", .plain), ("LTM", "●", Style(.ltm, bold: true)),
      ("STM", "○", Style(.stm, bold: true)), ("both", "◉", Style(.highlight, bold: true)),
    ]
    for (name, mark, style) in names {
      grid.set(mark, row: 0, column: legend, style: style)
      grid.write(name, row: 0, column: legend + 2, style: style)
      legend += name.count + 5
    }
    if history.buckets < history.stepCount || plotWidth < history.buckets {
      let columns = min(plotWidth, history.buckets)
      grid.write(
        "\(history.stepCount) steps in \(columns) columns: each shows its last value and its range",
        row: 0, column: legend + 1, style: Style(.dim))
    }
    for lane in lanes {
      for y in lane.top..<lane.top + lane.height {
        grid.set("│", row: y, column: gutter - 1, style: Style(.dim))
      }
      let labels = [(lane.high, lane.top), (lane.low, lane.top + lane.height - 1)]
      for (value, row) in labels {
        grid.write(
          numbers.signed(value).leftPadded(to: valueWidth), row: row, column: 0, style: Style(.dim))
      }
      if lane.low < 0, lane.high > 0 {
        let zero = lane.row(0)
        for x in gutter..<gutter + plotWidth {
          grid.set("┄", row: zero, column: x, style: Style(.dim))
        }
      }
    }
    let axis = 1 + plotRows
    grid.set("└", row: axis, column: gutter - 1, style: Style(.dim))
    for x in gutter..<gutter + plotWidth { grid.set("─", row: axis, column: x, style: Style(.dim)) }

    // Columns: one per step when they fit, else one per run of buckets.
    let columns = min(plotWidth, history.buckets)
    func x(ofColumn column: Int) -> Int {
      columns == 1 ? gutter : gutter + column * (plotWidth - 1) / (columns - 1)
    }
    let currentX = x(ofColumn: history.column(of: t, columns: columns))
    for y in 1...plotRows { grid.set("┊", row: y, column: currentX, style: Style(.highlight)) }

    for lane in lanes {
      for track in lane.tracks {
        draw(track, in: lane, columns: columns, x: x(ofColumn:), on: &grid)
      }
    }

    grid.set("┴", row: axis, column: currentX, style: Style(.highlight, bold: true))
    let steps = axis + 1
    grid.write("1", row: steps, column: x(ofColumn: 0), style: Style(.dim))
    let last = "\(history.stepCount)"
    grid.write(
      last, row: steps, column: x(ofColumn: columns - 1) - last.count + 1, style: Style(.dim))
    let here = "▲ t = \(t)"
    grid.write(
      here, row: steps, column: min(max(currentX, 0), width - here.count),
      style: Style(.highlight, bold: true))
    return grid.lines
  }

  /// One track: its marks, the range of each column if it covers many steps, and dots between.
  private func draw(
    _ track: Track, in lane: Lane, columns: Int, x: (Int) -> Int, on grid: inout Grid
  ) {
    var previous: (x: Int, y: Double)?
    for column in 0..<columns {
      let range = history.buckets(ofColumn: column, columns: columns)
      let value = track.series.last[range.upperBound - 1]
      let lowest = track.series.low[range].min() ?? value
      let highest = track.series.high[range].max() ?? value
      let px = x(column)
      if let previous, px - previous.x > 1 {
        for between in previous.x + 1..<px {
          let fraction = Double(between - previous.x) / Double(px - previous.x)
          let y = lane.row(previous.y + (value - previous.y) * fraction)
          if let here = grid.character(row: y, column: between),
            here == " " || here == "┄" || here == "┊"
          {
            grid.set("·", row: y, column: between, style: track.style)
          }
        }
      }
      if lane.row(highest) < lane.row(lowest) {
        for y in lane.row(highest)...lane.row(lowest) {
          grid.set("│", row: y, column: px, style: Style(track.style.role))
        }
      }
      // Where the LTM and the STM meet, one mark shows both.
      let here = grid.character(row: lane.row(value), column: px)
      let both = here == "●" || here == "○" || here == "◉"
      grid.set(
        both && here != track.mark ? "◉" : track.mark, row: lane.row(value), column: px,
        style: both && here != track.mark ? Style(.highlight, bold: true) : track.style)
      previous = (px, value)
    }
  }
}

extension String {
  /// The string with spaces in front to make it `width` long.
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
