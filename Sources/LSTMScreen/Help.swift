import LSTMCore

/// The help overlay: the lesson, every key, and what the names mean, in a box over a cleared
/// middle of the frame (the title row and the key hints stay).
enum Help {
  static let keys: [(String, String)] = [
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

  /// Draws the box centred on `canvas`, clearing the rows between the first and the last.
  static func draw(on canvas: inout Canvas, lesson: Lesson) {
    guard canvas.height >= 3 else { return }
    for row in 1..<canvas.height - 1 {
      canvas.put(String(repeating: " ", count: canvas.width), row: row, column: 0)
    }
    let keyWidth = keys.map(\.0.count).max() ?? 0
    let keyLines = keys.map {
      " " + $0.0.padding(toLength: keyWidth + 3, withPad: " ", startingAt: 0) + $0.1
    }
    let inner = min(
      max((keyLines + notes.map { " " + $0 }).map(\.count).max() ?? 0, 60) + 1, canvas.width - 2)
    let room = canvas.height - 2 - 2 - keys.count - notes.count - 1
    var about = [" " + shortened(lesson.title, to: inner - 2)]
    if let description = lesson.description {
      about += wrapped(description, width: inner - 2).map { " " + $0 }
    }
    about = Array(about.prefix(max(room - 1, 0)))
    var body: [(String, Style)] = about.enumerated().map {
      ($1, $0 == 0 ? Style(.heading, bold: true) : .plain)
    }
    if !about.isEmpty { body.append(("", .plain)) }
    let firstKey = body.count
    body += keyLines.map { ($0, .plain) }
    body.append(("", .plain))
    body += notes.map { (" " + $0, Style(.dim)) }

    let height = min(body.count + 2, canvas.height - 2)
    let left = max((canvas.width - inner - 2) / 2, 0)
    let top = max(1 + (canvas.height - 2 - height) / 2, 1)
    let border = Style(.heading, bold: true)
    let title = "─ help "
    canvas.put(
      "┌" + title + String(repeating: "─", count: max(inner - title.count, 0)) + "┐",
      row: top, column: left, style: border)
    for (index, (text, style)) in body.prefix(height - 2).enumerated() {
      let row = top + 1 + index
      canvas.put("│", row: row, column: left, style: border)
      canvas.put(text, row: row, column: left + 1, style: style)
      if (firstKey..<firstKey + keys.count).contains(index) {
        canvas.put(
          keys[index - firstKey].0, row: row, column: left + 2, style: Style(.heading, bold: true))
      }
      canvas.put("│", row: row, column: left + inner + 1, style: border)
    }
    canvas.put(
      "└" + String(repeating: "─", count: inner) + "┘", row: top + height - 1, column: left,
      style: border)
  }

  /// `text` broken at spaces into lines of at most `width` columns.
  static func wrapped(_ text: String, width: Int) -> [String] {
    text.wrapped(width: width)
  }

}
