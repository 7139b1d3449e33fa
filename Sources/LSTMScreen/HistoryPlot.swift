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
/// Two panels on one time axis, each with its own scale, tick labels and zero line: the inputs
/// above, the two memories below (their scale always reaching 0, so that a memory that holds on
/// and one that fades look different). The memories take two thirds of the rows. Drawn from the
/// history's fixed number of buckets, so its cost does not grow with T.
struct HistoryPlot {
  let history: History
  let t: Int
  let unit: Int
  let numbers: NumberStyle
  /// The memories of step `t` once revealed: the LTM and STM after it, or nil while hidden.
  let now: RevealedMemories
  /// Braille or plain marks.
  var glyphs: PlotGlyphs = .braille
  /// The run the ghost's lines come from (the lesson as opened, or `--compare`), if any.
  var ghost: Ghost?

  /// The ghost's history, drawn dimmed under the lesson's, up to the same step.
  struct Ghost {
    /// The ghost's history of the same sequence.
    var history: History
    /// `was`, or `vs` for another lesson: its name in the legend.
    var word: String
    /// The ghost's memories after step t, once the diagram reveals them.
    var now: RevealedMemories
  }

  /// The mark of the ghost's points in plain plots.
  static let ghostMark: Character = "∘"

  /// The most inputs plotted, each with its own mark.
  static let inputMarks: [Character] = ["◆", "◇", "■", "□"]

  /// The fewest rows the plot is drawn in: a legend, an input panel of 2 rows, a memory panel of
  /// 3, the axis and the step numbers.
  static let minimumHeight = 8

  /// The plot in `width`×`height`: a legend row, the input panel, the memory panel (a blank row
  /// between them from 14 rows), an axis row and a row of step numbers.
  func lines(width: Int, height: Int) -> [Line] {
    var area = PlotArea(width: width, height: height)
    guard height >= HistoryPlot.minimumHeight, history.buckets > 0, !history.input.isEmpty,
      history.ltm.indices.contains(unit), history.stm.indices.contains(unit)
    else { return area.lines }
    let gap = height >= 14 ? 1 : 0
    let panelRows = height - 3 - gap
    let inputRows = max(panelRows / 3, 2)
    // A first guess of the columns, to build the panels; then the real ones after their gutter.
    var panels = self.panels(inputRows: inputRows, memoryRows: panelRows - inputRows, columns: 1)
    let gutter = panels.map(\.gutterWidth).max() ?? 0
    let plotWidth = width - gutter - 1
    guard plotWidth >= 8 else { return area.lines }
    let columns = min(history.buckets, plotWidth * glyphs.dotsPerCell.across)
    panels = self.panels(
      inputRows: inputRows, memoryRows: panelRows - inputRows, columns: columns)
    let current = history.column(of: t, columns: columns)
    let currentX = panels[0].x(current, width: plotWidth)
    drawLegend(columns: columns, plotWidth: plotWidth, width: width, on: &area)
    panels[0].draw(on: &area, top: 1, gutter: gutter, width: plotWidth, highlight: currentX)
    if gap > 0 {
      area.set("┊", row: 1 + inputRows, column: gutter + currentX, style: Style(.highlight))
    }
    panels[1].draw(
      on: &area, top: 1 + inputRows + gap, gutter: gutter, width: plotWidth, highlight: currentX)
    drawSteps(
      axis: height - 2, gutter: gutter, plotWidth: plotWidth, panel: panels[0],
      columns: columns, current: current, on: &area)
    return area.lines
  }

  /// The input panel and the memory panel, with `columns` data columns.
  private func panels(inputRows: Int, memoryRows: Int, columns: Int) -> [PlotPanel] {
    let inputs = Array(history.input.prefix(HistoryPlot.inputMarks.count))
    let inputTracks = inputs.enumerated().map { k, series in
      track(
        series, columns: columns, memory: .none, mark: HistoryPlot.inputMarks[k], style: .plain,
        dotted: k % 2 == 1)
    }
    // The ghost's lines, dimmed and under the lesson's: its inputs where they differ, its
    // memories up to the same step.
    var ghostInputs: [PlotPanel.Track] = []
    var ghostMemories: [PlotPanel.Track] = []
    var ranges = inputs.map(\.range)
    var memoryRanges = [history.ltm[unit].range, history.stm[unit].range]
    if let ghost, ghost.history.buckets == history.buckets, ghost.history.ltm.indices.contains(unit)
    {
      let dim = Style(.dim)
      for (k, series) in ghost.history.input.prefix(inputs.count).enumerated()
      where series != inputs[k] {
        ghostInputs.append(
          track(
            series, columns: columns, memory: .none, mark: HistoryPlot.ghostMark, style: dim,
            dotted: true, in: ghost.history, ghost: true))
        ranges.append(series.range)
      }
      ghostMemories = [
        track(
          ghost.history.ltm[unit], columns: columns, memory: .some(ghost.now.ltm),
          mark: HistoryPlot.ghostMark, style: dim, dotted: false, in: ghost.history, ghost: true),
        track(
          ghost.history.stm[unit], columns: columns, memory: .some(ghost.now.stm),
          mark: HistoryPlot.ghostMark, style: dim, dotted: true, in: ghost.history, ghost: true),
      ]
      memoryRanges += [ghost.history.ltm[unit].range, ghost.history.stm[unit].range]
    }
    let inputLow = ranges.map(\.lowerBound).min() ?? 0
    let inputHigh = ranges.map(\.upperBound).max() ?? 0
    let (ltm, stm) = (history.ltm[unit], history.stm[unit])
    let memoryLow = min(memoryRanges.map(\.lowerBound).min() ?? 0, 0)
    let memoryHigh = max(memoryRanges.map(\.upperBound).max() ?? 0, 0)
    var input = PlotPanel(
      name: "input", axis: PlotAxis(low: inputLow, high: inputHigh, rows: inputRows),
      tracks: ghostInputs + inputTracks, columnCount: columns, precision: numbers.precision,
      glyphs: glyphs)
    input.meeting = ("◈", Style(.highlight, bold: true))
    let memory = PlotPanel(
      name: "memories", axis: PlotAxis(low: memoryLow, high: memoryHigh, rows: memoryRows),
      tracks: ghostMemories + [
        track(
          ltm, columns: columns, memory: .some(now.ltm), mark: "●", style: Style(.ltm, bold: true),
          dotted: false),
        track(
          stm, columns: columns, memory: .some(now.stm), mark: "○", style: Style(.stm, bold: true),
          dotted: true),
      ],
      columnCount: columns, precision: numbers.precision, glyphs: glyphs)
    return [input, memory]
  }

  /// The track of `series` in `columns` columns: each column's last value and, when it holds
  /// several steps, their range. A memory (`memory` not `.none`) shows up to the column before
  /// step t's, then its value after step t once revealed: the column of step t may also hold
  /// later steps, which are not shown.
  private func track(
    _ series: Series, columns: Int, memory: Double??, mark: Character, style: Style, dotted: Bool,
    in history: History? = nil, ghost: Bool = false
  ) -> PlotPanel.Track {
    let history = history ?? self.history
    let current = history.column(of: t, columns: columns)
    var values: [Double?] = []
    var ranges: [ClosedRange<Double>?] = []
    for column in 0..<columns {
      let buckets = history.buckets(ofColumn: column, columns: columns)
      var value = series.last[buckets.upperBound - 1]
      var range: ClosedRange<Double>?
      if let low = series.low[buckets].min(), let high = series.high[buckets].max(), low < high {
        range = low...high
      }
      if case .some(let now) = memory, column >= current {
        guard column == current, let now else { break }
        (value, range) = (now, nil)
      }
      values.append(value)
      ranges.append(range)
    }
    return PlotPanel.Track(
      values: values, ranges: ranges, mark: mark, style: style, dotted: dotted, isGhost: ghost)
  }

  /// A sample of a track's line in the legend: its mark, or in braille two cells of its line.
  private func sample(_ mark: Character, dotted: Bool) -> String {
    guard glyphs == .braille else { return String(mark) }
    return dotted ? "⠂⠂" : "⠒⠒"
  }

  /// The legend row: `history`, each track's sample and name, and, when columns stand for
  /// several steps, a note that says so (the longest that fits).
  private func drawLegend(columns: Int, plotWidth: Int, width: Int, on area: inout PlotArea) {
    area.write("history", row: 0, column: 0, style: Style(.heading, bold: true))
    var legend = 9
    let count = history.input.count
    var names: [(String, String, Style)] = (0..<min(count, HistoryPlot.inputMarks.count)).map {
      k in
      (
        count > 1 ? "input \(k + 1)" : "input",
        sample(HistoryPlot.inputMarks[k], dotted: k % 2 == 1), .plain
      )
    }
    if count > HistoryPlot.inputMarks.count { names[names.count - 1].0 += " (of \(count))" }
    if count > 1, glyphs == .plain {
      names.append(("inputs meet", "◈", Style(.highlight, bold: true)))
    }
    if let ghost {
      names.append(
        (ghost.word, glyphs == .braille ? "⠒⠂" : String(HistoryPlot.ghostMark), Style(.dim)))
    }
    names += [
      ("LTM", sample("●", dotted: false), Style(.ltm, bold: true)),
      ("STM", sample("○", dotted: true), Style(.stm, bold: true)),
      (
        glyphs == .plain ? "both" : "shared", glyphs == .plain ? "◉" : "⠿",
        Style(.highlight, bold: true)
      ),
    ]
    for (name, sample, style) in names {
      area.write(sample, row: 0, column: legend, style: style)
      area.write(name, row: 0, column: legend + sample.count + 1, style: style)
      legend += sample.count + name.count + 4
    }
    let steps = history.stepCount
    let across = glyphs.dotsPerCell.across
    if history.buckets < steps || columns < history.buckets {
      let unit = across > 1 ? "dot columns" : "columns"
      let notes = [
        "\(steps) steps in \(columns) \(unit): each shows its last value and range",
        "\(steps) steps, \(columns) \(unit): last value and range",
        "\(steps) steps in \(columns) \(unit)",
      ]
      if let note = notes.first(where: { legend + 1 + $0.count <= width }) {
        area.write(note, row: 0, column: legend + 1, style: Style(.dim))
      }
    }
    _ = plotWidth
  }

  /// The time axis at row `axis` with the current step's `┴`, and under it the first and last
  /// step numbers and `▲ t = k` at the current step.
  private func drawSteps(
    axis: Int, gutter: Int, plotWidth: Int, panel: PlotPanel, columns: Int, current: Int,
    on area: inout PlotArea
  ) {
    let dim = Style(.dim)
    area.set("└", row: axis, column: gutter - 1, style: dim)
    for x in gutter..<gutter + plotWidth { area.set("─", row: axis, column: x, style: dim) }
    let currentX = gutter + panel.x(current, width: plotWidth)
    area.set("┴", row: axis, column: currentX, style: Style(.highlight, bold: true))
    let steps = axis + 1
    area.write("1", row: steps, column: gutter + panel.x(0, width: plotWidth), style: dim)
    let last = "\(history.stepCount)"
    let lastX = gutter + panel.x(columns - 1, width: plotWidth) - last.count + 1
    area.write(last, row: steps, column: lastX, style: dim)
    let here = "▲ t = \(t)"
    area.write(
      here, row: steps, column: min(max(currentX, 0), area.width - here.count),
      style: Style(.highlight, bold: true))
  }
}
