import LSTMCore
import LSTMViewModel

/// The help overlay: the lesson, every key, and what the names mean, in a box over a cleared
/// middle of the frame (the title row and the key hints stay).
enum Help {
  /// The keys, as the box lists them: `KeyMap.bindings`, one row each.
  static let keys: [(String, String)] = KeyMap.bindings.map { ($0.helpKeys, $0.help) }

  /// Edit mode's keys, as the box lists them in edit mode: `KeyMap.editBindings`, then the
  /// keys that still step, one row each.
  static let editKeys: [(String, String)] =
    KeyMap.editBindings.map { ($0.helpKeys, $0.help) } + [
      ("h  l  g  G", "step back / on / first / last (the arrows move the cursor)"),
      ("j  k  [  ]", "sequence, unit; b  r  o  s  space  q as outside edit mode"),
    ]

  static let notes = [
    "LTM: long-term memory (c).  STM: short-term memory (h).",
    "σ(x) = eˣ/(eˣ+1) is between 0 and 1; tanh(x) between -1 and 1.",
  ]

  /// Draws the box centred on `canvas`, clearing the rows between the first and the last: the
  /// lesson's keys, or in edit mode edit mode's.
  static func draw(on canvas: inout Canvas, lesson: Lesson, editMode: Bool = false) {
    let keys = editMode ? editKeys : keys
    guard canvas.height >= 3 else { return }
    for row in 1..<canvas.height - 1 {
      canvas.put(String(repeating: " ", count: canvas.width), row: row, column: 0)
    }
    let keyWidth = keys.map(\.0.count).max() ?? 0
    let keyLines: [HelpBox.Line] = keys.map { keys, meaning in
      [
        (" ", .plain), (keys, Style(.heading, bold: true)),
        (String(repeating: " ", count: keyWidth + 3 - keys.count) + meaning, .plain),
      ]
    }
    let widest = (keyLines.map(characterCount) + notes.map { 1 + $0.count }).max() ?? 0
    let minimumWidth = max(widest, 60) + 1
    let inner = HelpBox.inside(width: minimumWidth, padding: 0, canvasWidth: canvas.width)
    let room = canvas.height - 2 - 2 - keys.count - notes.count - 1
    var about = [" " + shortened(lesson.title, to: inner - 2)]
    if let description = lesson.description {
      about += wrapped(description, width: inner - 2).map { " " + $0 }
    }
    about = Array(about.prefix(max(room - 1, 0)))
    var body: [HelpBox.Line] = about.enumerated().map {
      [($1, $0 == 0 ? Style(.heading, bold: true) : .plain)]
    }
    if !about.isEmpty { body.append([]) }
    body += keyLines
    body.append([])
    body += notes.map { [(" " + $0, Style(.dim))] }
    let box = HelpBox(
      lines: body, minimumWidth: minimumWidth, title: editMode ? "edit mode" : "help",
      border: Style(.heading, bold: true))
    box.draw(on: &canvas, rows: 1..<canvas.height - 1)
  }

  /// The characters in `line`, counting all its pieces.
  private static func characterCount(_ line: HelpBox.Line) -> Int {
    line.map(\.text.count).reduce(0, +)
  }

  /// `text` broken at spaces into lines of at most `width` columns.
  static func wrapped(_ text: String, width: Int) -> [String] {
    text.wrapped(width: width)
  }

}
