/// The help overlay: every key, in a box over the middle of the frame.
enum Help {
  static let rows: [(String, String)] = [
    ("→  l", "next step; in stage mode, next stage"),
    ("←  h", "previous step; in stage mode, previous stage"),
    ("Home  g", "first step"),
    ("End  G", "last step"),
    ("↑  k", "previous sequence"),
    ("↓  j", "next sequence"),
    ("s", "stage mode: forget, then input, then output, then off"),
    ("space", "play / pause"),
    ("+  -", "faster / slower"),
    ("[  ]", "previous / next hidden unit"),
    ("?  Esc", "close this help (so does any other key)"),
    ("q", "quit"),
  ]

  static let notes = [
    "LTM: long-term memory (c).  STM: short-term memory (h).",
    "σ(x) = eˣ/(eˣ+1) is between 0 and 1; tanh(x) between -1 and 1.",
  ]

  /// Draws the box centred on `canvas`.
  static func draw(on canvas: inout Canvas) {
    let keyWidth = rows.map(\.0.count).max() ?? 0
    let body =
      rows.map { "  " + $0.0.padding(toLength: keyWidth + 3, withPad: " ", startingAt: 0) + $0.1 }
      + [""] + notes.map { "  " + $0 }
    let inner = min((body.map(\.count).max() ?? 0) + 2, canvas.width - 2)
    let height = min(body.count + 2, canvas.height)
    let left = max((canvas.width - inner - 2) / 2, 0)
    let top = max((canvas.height - height) / 2, 0)
    let border = Style(.heading, bold: true)
    let title = "─ keys "
    canvas.put(
      "┌" + title + String(repeating: "─", count: max(inner - title.count, 0)) + "┐",
      row: top, column: left, style: border)
    for (index, text) in body.prefix(height - 2).enumerated() {
      let row = top + 1 + index
      canvas.put("│", row: row, column: left, style: border)
      canvas.put(
        text.padding(toLength: inner, withPad: " ", startingAt: 0), row: row, column: left + 1,
        style: index < rows.count ? .plain : Style(.dim))
      if index < rows.count {
        canvas.put(rows[index].0, row: row, column: left + 3, style: Style(.heading, bold: true))
      }
      canvas.put("│", row: row, column: left + inner + 1, style: border)
    }
    canvas.put(
      "└" + String(repeating: "─", count: inner) + "┘", row: top + height - 1, column: left,
      style: border)
  }
}
