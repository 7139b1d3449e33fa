import LSTMViewModel

/// The memories after the current step, each nil while the diagram still hides it.
struct RevealedMemories {
  /// The new LTM, once revealed.
  var ltm: Double?
  /// The new STM, once revealed.
  var stm: Double?
}

/// The input, LTM and STM of one unit over the whole sequence, with the current step marked.
///
/// Two lanes, each on its own scale: the input above, the two memories together below. Drawn
/// from the history's fixed number of buckets, so its cost does not grow with T.
struct HistoryPlot {
  let history: History
  let t: Int
  let unit: Int
  let numbers: NumberStyle
  /// The memories of step `t` once revealed: the LTM and STM after it, or nil while hidden.
  let now: RevealedMemories

  /// The most inputs plotted, each with its own mark.
  static let inputMarks: [Character] = ["◆", "◇", "■", "□"]

  private struct Track {
    var series: Series
    var mark: Character
    var style: Style
    /// For a memory: its value after step t if revealed (nil: hidden), drawn up to step t
    /// only. Inputs are given, so they show for every step.
    var memory: Double?? = .none
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

    /// Whether each row stands for a band of values, labelled with the band's lower bound:
    /// a lane of few rows, where rounding to the nearest row would put 0.25 on a row labelled 0.
    var banded: Bool { height <= 4 }

    func row(_ y: Double) -> Int {
      if banded {
        let band = Int(((y - low) / (high - low) * Double(height)).rounded(.down))
        return top + height - 1 - min(max(band, 0), height - 1)
      }
      let fraction = (high - y) / (high - low)
      return top + min(max(Int((fraction * Double(height - 1)).rounded()), 0), height - 1)
    }

    /// The labels in the gutter and their rows: a banded lane's every row with `≥` its band's
    /// lower bound, else the top and bottom rows with their values.
    func labels(_ numbers: NumberStyle) -> [(text: String, row: Int)] {
      guard banded else {
        return [(numbers.signed(high), top), (numbers.signed(low), top + height - 1)]
      }
      return (0..<height).map { row in
        let bound = low + (high - low) * Double(height - 1 - row) / Double(height)
        return ("≥" + numbers.plain(bound), top + row)
      }
    }
  }

  /// Where the plot's columns are: after a gutter of labels, one column per step when they
  /// fit, else one per run of buckets.
  private struct Columns {
    /// The gutter's width, up to and including its `│`.
    var gutter: Int
    /// The columns right of the gutter.
    var plotWidth: Int
    /// The columns drawn: at most one per bucket.
    var count: Int

    /// The x of plotted column `column`, 0..<count.
    func x(_ column: Int) -> Int {
      count == 1 ? gutter : gutter + column * (plotWidth - 1) / (count - 1)
    }
  }

  /// The plot in `width`×`height`: a title row, the lanes, an axis row, a step row.
  func lines(width: Int, height: Int) -> [Line] {
    var area = PlotArea(width: width, height: height)
    guard history.buckets > 0, let input = history.input.first,
      history.ltm.indices.contains(unit), history.stm.indices.contains(unit)
    else { return area.lines }
    let plotRows = height - 3
    let lanes = self.lanes(rows: plotRows, firstInput: input)
    let valueWidth = lanes.flatMap { $0.labels(numbers) }.map(\.text.count).max() ?? 7
    let gutter = valueWidth + 2
    let plotWidth = width - gutter - 1
    guard plotWidth >= 8, plotRows >= 5, lanes[1].height >= 2 else { return area.lines }
    let columns = Columns(
      gutter: gutter, plotWidth: plotWidth, count: min(plotWidth, history.buckets))
    drawLegend(inputs: lanes[0].tracks, columns: columns, width: width, on: &area)
    drawScales(of: lanes, valueWidth: valueWidth, columns: columns, on: &area)
    drawSteps(of: lanes, columns: columns, axis: 1 + plotRows, width: width, on: &area)
    return area.lines
  }

  /// The two lanes in `rows` rows: the inputs (a third of the rows, at least 3) above the LTM
  /// and the STM.
  private func lanes(rows plotRows: Int, firstInput input: Series) -> [Lane] {
    let inputRows = max(plotRows / 3, 3)
    let inputs = zip(history.input, HistoryPlot.inputMarks).map { series, mark in
      Track(series: series, mark: mark, style: .plain)
    }
    return [
      Lane(
        top: 1, height: inputRows,
        tracks: inputs.isEmpty ? [Track(series: input, mark: "◆", style: .plain)] : inputs),
      Lane(
        top: 1 + inputRows, height: plotRows - inputRows,
        tracks: [
          Track(
            series: history.ltm[unit], mark: "●", style: Style(.ltm, bold: true),
            memory: .some(now.ltm)),
          Track(
            series: history.stm[unit], mark: "○", style: Style(.stm, bold: true),
            memory: .some(now.stm)),
        ]),
    ]
  }

  /// The title row: `history`, each track's mark and name, and, when columns stand for several
  /// steps, a note that says so (the longest that fits).
  private func drawLegend(
    inputs: [Track], columns: Columns, width: Int, on area: inout PlotArea
  ) {
    area.write("history", row: 0, column: 0, style: Style(.heading, bold: true))
    var legend = 9
    var names: [(String, Character, Style)] = inputs.enumerated().map { k, track in
      (history.input.count > 1 ? "input \(k + 1)" : "input", track.mark, .plain)
    }
    if history.input.count > HistoryPlot.inputMarks.count {
      names[names.count - 1].0 += " (of \(history.input.count))"
    }
    if history.input.count > 1 { names.append(("inputs meet", "◈", Style(.highlight, bold: true))) }
    names += [
      ("LTM", "●", Style(.ltm, bold: true)), ("STM", "○", Style(.stm, bold: true)),
      ("both", "◉", Style(.highlight, bold: true)),
    ]
    for (name, mark, style) in names {
      area.set(mark, row: 0, column: legend, style: style)
      area.write(name, row: 0, column: legend + 2, style: style)
      legend += name.count + 5
    }
    if history.buckets < history.stepCount || columns.plotWidth < history.buckets {
      let notes = [
        "\(history.stepCount) steps in \(columns.count) columns: each shows its last value and range",
        "\(history.stepCount) steps, \(columns.count) columns: last value and range",
        "\(history.stepCount) steps in \(columns.count) columns",
      ]
      if let note = notes.first(where: { legend + 1 + $0.count <= width }) {
        area.write(note, row: 0, column: legend + 1, style: Style(.dim))
      }
    }
  }

  /// Each lane's gutter: its `│`, its labels, and a dotted line at 0 where 0 is inside it.
  private func drawScales(
    of lanes: [Lane], valueWidth: Int, columns: Columns, on area: inout PlotArea
  ) {
    let gutter = columns.gutter
    for lane in lanes {
      for y in lane.top..<lane.top + lane.height {
        area.set("│", row: y, column: gutter - 1, style: Style(.dim))
      }
      for (text, row) in lane.labels(numbers) {
        area.write(text.leftPadded(to: valueWidth), row: row, column: 0, style: Style(.dim))
      }
      if lane.low < 0, lane.high > 0 {
        let zero = lane.row(0)
        for x in gutter..<gutter + columns.plotWidth {
          area.set("┄", row: zero, column: x, style: Style(.dim))
        }
      }
    }
  }

  /// The axis, the current step's column, every track, and the step numbers under the axis at
  /// row `axis`.
  private func drawSteps(
    of lanes: [Lane], columns: Columns, axis: Int, width: Int, on area: inout PlotArea
  ) {
    area.set("└", row: axis, column: columns.gutter - 1, style: Style(.dim))
    for x in columns.gutter..<columns.gutter + columns.plotWidth {
      area.set("─", row: axis, column: x, style: Style(.dim))
    }
    let current = history.column(of: t, columns: columns.count)
    let currentX = columns.x(current)
    for y in 1..<axis { area.set("┊", row: y, column: currentX, style: Style(.highlight)) }
    for lane in lanes {
      for track in lane.tracks {
        draw(track, in: lane, columns: columns, current: current, on: &area)
      }
    }
    area.set("┴", row: axis, column: currentX, style: Style(.highlight, bold: true))
    let steps = axis + 1
    area.write("1", row: steps, column: columns.x(0), style: Style(.dim))
    let last = "\(history.stepCount)"
    area.write(
      last, row: steps, column: columns.x(columns.count - 1) - last.count + 1, style: Style(.dim))
    let here = "▲ t = \(t)"
    area.write(
      here, row: steps, column: min(max(currentX, 0), width - here.count),
      style: Style(.highlight, bold: true))
  }

  /// One track: its marks, the range of each column if it covers many steps, and dots between.
  ///
  /// A memory shows up to the column before step t's, then its value after step t once that is
  /// revealed: the column of step t may also hold later steps, which are not shown.
  private func draw(
    _ track: Track, in lane: Lane, columns: Columns, current: Int, on area: inout PlotArea
  ) {
    var previous: (x: Int, y: Double)?
    for column in 0..<columns.count {
      let range = history.buckets(ofColumn: column, columns: columns.count)
      var value = track.series.last[range.upperBound - 1]
      var lowest = track.series.low[range].min() ?? value
      var highest = track.series.high[range].max() ?? value
      if case .some(let now) = track.memory, column >= current {
        guard column == current, let now else { break }
        (value, lowest, highest) = (now, now, now)
      }
      let px = columns.x(column)
      if let previous, px - previous.x > 1 {
        for between in previous.x + 1..<px {
          let fraction = Double(between - previous.x) / Double(px - previous.x)
          let y = lane.row(previous.y + (value - previous.y) * fraction)
          if let here = area.character(row: y, column: between),
            here == " " || here == "┄" || here == "┊"
          {
            area.set("·", row: y, column: between, style: track.style)
          }
        }
      }
      if lane.row(highest) < lane.row(lowest) {
        for y in lane.row(highest)...lane.row(lowest) {
          area.set("│", row: y, column: px, style: Style(track.style.role))
        }
      }
      // Where the LTM and the STM meet, one mark shows both; where inputs meet, ◈.
      let here = area.character(row: lane.row(value), column: px)
      let both = here == "●" || here == "○" || here == "◉"
      let inputs = here.map { HistoryPlot.inputMarks.contains($0) || $0 == "◈" } ?? false
      if inputs, here != track.mark {
        area.set("◈", row: lane.row(value), column: px, style: Style(.highlight, bold: true))
      } else {
        area.set(
          both && here != track.mark ? "◉" : track.mark, row: lane.row(value), column: px,
          style: both && here != track.mark ? Style(.highlight, bold: true) : track.style)
      }
      previous = (px, value)
    }
  }
}
