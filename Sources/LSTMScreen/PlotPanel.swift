/// How plots draw their lines: braille dots, two across and four down a character cell, or
/// plain marks, one a cell, for fonts and GIF converters without braille (`--plain-plots`).
public enum PlotGlyphs: Sendable, Equatable {
  /// Braille (U+2800…U+28FF): four times the rows, twice the columns.
  case braille
  /// One mark a cell (`●`, `·`, `│`), in the characters the rest of the screen uses.
  case plain

  /// The dots a character cell has across and down.
  var dotsPerCell: (across: Int, down: Int) { self == .braille ? (2, 4) : (1, 1) }
}

/// One panel of a plot: a band of rows with its own axis, tick labels and zero line, and the
/// tracks drawn on it.
///
/// A panel is drawn at a given row into a `PlotArea` after a gutter of the given width, so that
/// panels stacked one above the other share their columns (their time axis) while each keeps its
/// own scale: its name stands at the top of its gutter, its labels under it. Columns are the
/// data's: column c of `columnCount` is drawn at an even spread across the panel's width (in
/// braille at one of its two dot columns), and each track gives a value (or nothing) and
/// optionally a range for each.
///
/// Reusable beyond the history: any quantity over time whose scale a `PlotAxis` gives.
struct PlotPanel {
  /// One line drawn on the panel.
  struct Track {
    /// The value of each column, nil where the track shows nothing.
    var values: [Double?]
    /// The lowest and highest value each column stands for, when it stands for many steps.
    var ranges: [ClosedRange<Double>?] = []
    /// The plain mark of the track's points.
    var mark: Character
    /// How the track is drawn.
    var style: Style
    /// In braille, whether the line between points is dotted (every other dot column), so that
    /// two lines on one panel differ without colour.
    var dotted = false
    /// Whether this is a ghost's line (the lesson as it was), drawn under the others: it never
    /// makes a cell "shared", and in plain marks shows only its points, where nothing else is.
    var isGhost = false
  }

  /// The name written at the top of the panel's gutter, such as `input` or `memories`.
  var name: String
  /// The vertical scale.
  var axis: PlotAxis
  /// The tracks, drawn in order (a later one over an earlier one).
  var tracks: [Track]
  /// The number of data columns each track has.
  var columnCount: Int
  /// The mark where two tracks' points meet (plain), or the style of a cell two tracks share.
  var meeting: (mark: Character, style: Style) = ("◉", Style(.highlight, bold: true))
  /// The decimals tick labels have at most.
  var precision: Int
  /// How the lines are drawn.
  var glyphs: PlotGlyphs

  /// The panel's tick labels.
  var labels: [(row: Int, text: String)] { axis.labels(precision: precision) }

  /// The columns the gutter needs: the name, a space, the widest label, a space and the axis.
  var gutterWidth: Int {
    name.count + 1 + (labels.map(\.text.count).max() ?? 0) + 2
  }

  /// The column, within `width` plot columns, of data column `column`.
  func x(_ column: Int, width: Int) -> Int {
    dotX(column, width: width) / glyphs.dotsPerCell.across
  }

  /// The dot column, within `width` plot columns, of data column `column`.
  func dotX(_ column: Int, width: Int) -> Int {
    let dots = width * glyphs.dotsPerCell.across
    return columnCount <= 1 ? 0 : column * (dots - 1) / (columnCount - 1)
  }

  /// Draws the gutter, the zero line and the tracks in rows `top..<top + axis.rows`, the plot
  /// `width` columns wide after a gutter of `gutter` columns; `highlight` is the plot column
  /// of the current step, marked behind the tracks.
  func draw(on area: inout PlotArea, top: Int, gutter: Int, width: Int, highlight: Int?) {
    let dim = Style(.dim)
    let labels = self.labels
    let labelled = Dictionary(labels.map { ($0.row, $0.text) }, uniquingKeysWith: { a, _ in a })
    for row in 0..<axis.rows {
      let y = top + row
      let tick: Character = labelled[row] == nil ? "│" : axis.zeroRow == row ? "┼" : "┤"
      area.set(tick, row: y, column: gutter - 1, style: dim)
      if let text = labelled[row] {
        area.write(text, row: y, column: gutter - 2 - text.count, style: dim)
      }
      if axis.zeroRow == row {
        for x in gutter..<gutter + width { area.set("┄", row: y, column: x, style: dim) }
      }
      if let highlight {
        area.set("┊", row: y, column: gutter + highlight, style: Style(.highlight))
      }
    }
    area.write(name, row: top, column: 0, style: Style(.heading, bold: true))
    switch glyphs {
    case .plain: drawPlain(on: &area, top: top, gutter: gutter, width: width)
    case .braille: drawBraille(on: &area, top: top, gutter: gutter, width: width)
    }
  }

  /// Whether a plain mark may go over `character`: nothing drawn there but the panel's lines.
  private static func isBackground(_ character: Character?) -> Bool {
    character == " " || character == "┄" || character == "┊"
  }

  /// One mark a cell: each point its track's mark, `│` over a column's range, `·` between.
  private func drawPlain(on area: inout PlotArea, top: Int, gutter: Int, width: Int) {
    let marks = Set(tracks.map(\.mark) + [meeting.mark])
    for track in tracks {
      var previous: (x: Int, value: Double)?
      for column in 0..<min(columnCount, track.values.count) {
        guard let value = track.values[column] else { break }
        let x = gutter + self.x(column, width: width)
        if track.isGhost {
          let y = top + axis.row(of: value)
          if PlotPanel.isBackground(area.character(row: y, column: x)) {
            area.set(track.mark, row: y, column: x, style: track.style)
          }
          continue
        }
        if let previous, x - previous.x > 1 {
          for between in previous.x + 1..<x {
            let fraction = Double(between - previous.x) / Double(x - previous.x)
            let y = top + axis.row(of: previous.value + (value - previous.value) * fraction)
            if PlotPanel.isBackground(area.character(row: y, column: between)) {
              area.set("·", row: y, column: between, style: track.style)
            }
          }
        }
        if track.ranges.indices.contains(column), let range = track.ranges[column],
          axis.row(of: range.upperBound) < axis.row(of: range.lowerBound)
        {
          for y in axis.row(of: range.upperBound)...axis.row(of: range.lowerBound) {
            area.set("│", row: top + y, column: x, style: Style(track.style.role))
          }
        }
        let y = top + axis.row(of: value)
        let here = area.character(row: y, column: x)
        if let here, marks.contains(here), here != track.mark {
          area.set(meeting.mark, row: y, column: x, style: meeting.style)
        } else {
          area.set(track.mark, row: y, column: x, style: track.style)
        }
        previous = (x, value)
      }
    }
  }

  /// The bit of the braille dot `across` (0, 1), `down` (0...3) in a cell.
  private static func brailleBit(across: Int, down: Int) -> UInt32 {
    let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    return bits[across][down]
  }

  /// Braille: each point a dot, lines between them dot by dot, ranges as columns of dots.
  private func drawBraille(on area: inout PlotArea, top: Int, gutter: Int, width: Int) {
    let dotRows = axis.rows * 4
    var cells = [UInt32](repeating: 0, count: width * axis.rows)
    // Who drew each cell: a track's index, or -2 where several did.
    var owners = [Int](repeating: -1, count: width * axis.rows)
    func dot(_ track: Int, _ dx: Int, _ dy: Int) {
      guard dx >= 0, dx < width * 2, dy >= 0, dy < dotRows else { return }
      let cell = (dy / 4) * width + dx / 2
      cells[cell] |= PlotPanel.brailleBit(across: dx % 2, down: dy % 4)
      let owner = owners[cell]
      if tracks[track].isGhost {
        if owner == -1 { owners[cell] = track }
      } else {
        let free = owner == -1 || owner == track || (owner >= 0 && tracks[owner].isGhost)
        owners[cell] = free ? track : -2
      }
    }
    func vertical(_ track: Int, _ dx: Int, from a: Int, to b: Int) {
      for dy in min(a, b)...max(a, b) { dot(track, dx, dy) }
    }
    for (index, track) in tracks.enumerated() {
      var previous: (dx: Int, dy: Int, value: Double)?
      for column in 0..<min(columnCount, track.values.count) {
        guard let value = track.values[column] else { break }
        let dx = dotX(column, width: width)
        let dy = axis.dotRow(of: value)
        if let previous, dx - previous.dx >= 1 {
          var lastDy = previous.dy
          for between in previous.dx + 1...dx {
            let fraction = Double(between - previous.dx) / Double(dx - previous.dx)
            let y = axis.dotRow(of: previous.value + (value - previous.value) * fraction)
            // A steep line joins its dots; a dotted one leaves every other dot column out.
            if !track.dotted || between % 2 == 0 || between == dx {
              vertical(
                index, between, from: abs(y - lastDy) > 1 ? lastDy + (y > lastDy ? 1 : -1) : y,
                to: y)
            }
            lastDy = y
          }
        }
        if track.ranges.indices.contains(column), let range = track.ranges[column] {
          vertical(
            index, dx, from: axis.dotRow(of: range.upperBound),
            to: axis.dotRow(of: range.lowerBound))
        }
        dot(index, dx, dy)
        previous = (dx, dy, value)
      }
    }
    for row in 0..<axis.rows {
      for x in 0..<width where cells[row * width + x] != 0 {
        let owner = owners[row * width + x]
        let style = owner >= 0 ? tracks[owner].style : meeting.style
        let character = Character(Unicode.Scalar(0x2800 + cells[row * width + x]) ?? " ")
        area.set(character, row: top + row, column: gutter + x, style: style)
      }
    }
  }
}
