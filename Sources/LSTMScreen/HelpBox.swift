import LSTMViewModel

/// A box of lines drawn over the middle of a frame: the help of the lesson and of replay.
struct HelpBox {
  /// One line of the box: pieces of text, each in its style, one after the other.
  typealias Line = [(text: String, style: Style)]

  /// The lines, from the top; those the room cannot hold are left off the bottom.
  var lines: [Line]
  /// The fewest columns for the lines, not counting `padding`: the box is as wide as the widest
  /// line it shows, or this if more, and never wider than the canvas.
  var minimumWidth = 0
  /// The blank columns between each side and the lines.
  var padding = 0
  /// The word in the top border (`┌─ help ───┐`), if any.
  var title: String?
  /// The style of the border.
  var border: Style
  /// The style the inside of the box is cleared with, or nil to draw the lines over what is there.
  var interior: Style?

  /// The columns between the box's sides for lines `width` columns wide, on a canvas
  /// `canvasWidth` wide.
  static func inside(width: Int, padding: Int, canvasWidth: Int) -> Int {
    min(width + 2 * padding, canvasWidth - 2)
  }

  /// Draws the box centred in `rows` of `canvas`.
  func draw(on canvas: inout Canvas, rows: Range<Int>) {
    let shown = lines.prefix(max(rows.count - 2, 0))
    guard !shown.isEmpty, canvas.width >= 3 + 2 * padding else { return }
    let widest = shown.map { $0.map(\.text.terminalColumns).reduce(0, +) }.max() ?? 0
    let inside = Self.inside(
      width: max(widest, minimumWidth), padding: padding, canvasWidth: canvas.width)
    let height = shown.count + 2
    let top = max(rows.lowerBound + (rows.count - height) / 2, rows.lowerBound)
    let left = max((canvas.width - inside - 2) / 2, 0)
    let heading = title.map { "─ \($0) " } ?? ""
    canvas.put(
      "┌" + heading + String(repeating: "─", count: max(inside - heading.count, 0)) + "┐",
      row: top, column: left, style: border)
    let room = inside - 2 * padding
    for (offset, line) in shown.enumerated() {
      let row = top + 1 + offset
      if let interior {
        canvas.put(
          String(repeating: " ", count: inside), row: row, column: left + 1, style: interior)
      }
      canvas.put("│", row: row, column: left, style: border)
      var column = left + 1 + padding
      for piece in line {
        let text = piece.text.prefix(columns: max(room - (column - left - 1 - padding), 0))
        column = canvas.put(text, row: row, column: column, style: piece.style)
      }
      canvas.put("│", row: row, column: left + inside + 1, style: border)
    }
    canvas.put(
      "└" + String(repeating: "─", count: inside) + "┘", row: top + height - 1, column: left,
      style: border)
  }
}
