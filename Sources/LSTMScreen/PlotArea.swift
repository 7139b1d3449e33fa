/// A small grid of styled characters that turns into lines: what plots are drawn on.
///
/// A `Canvas` underneath, so that its rows come out as spans without going through `Character`.
struct PlotArea {
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
