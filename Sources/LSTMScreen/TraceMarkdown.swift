import LSTMCore

/// The trace for a handout, in Markdown: the `Handout` (the model, its weights, one section per
/// step with the formulas as on the screen, a compact table per sequence), every line at most
/// `Handout.width` characters.
struct TraceMarkdown: HandoutFormat {
  let lesson: Lesson
  let precision: Int
  let writer: ByteWriter
  /// What follows each sequence's block: `trace --gradients` adds its backward block.
  var afterSequence: ((InputSequence) throws -> Void)? = nil

  func write() throws {
    try Handout(lesson: lesson, precision: precision, afterSequence: afterSequence)
      .write(to: self)
  }

  /// `# title`: a heading is one line, so a long one is cut with `…` and said again in full
  /// below it.
  func heading(_ level: Int, _ text: String) throws {
    let marks = String(repeating: "#", count: level) + " "
    let escaped = Self.escape(text)
    let room = Handout.width - marks.count
    try writer.write((level == 1 ? "" : "\n") + marks + shortened(escaped, to: room) + "\n")
    if escaped.terminalColumns > room { try paragraph(text) }
  }

  /// The text escaped and broken at spaces into lines of at most `Handout.width` columns.
  func paragraph(_ text: String) throws {
    let lines = Self.escape(text).wrapped(width: Handout.width)
    try writer.write("\n" + lines.map { $0 + "\n" }.joined())
  }

  /// A fenced block of the lines' text, trailing spaces trimmed.
  func formulas(_ lines: [Line]) throws {
    var text = "\n```\n"
    for line in lines { text += RecordingText.trimmed(line.text) + "\n" }
    try writer.write(text + "```\n")
  }

  /// One Markdown table, or, if its rows would pass `Handout.width`, several with the first
  /// column (t) repeated, each as wide as fits.
  func table(
    _ columns: [HandoutColumn], rows: (([String]) throws -> Void) throws -> Void
  ) throws {
    for part in Self.parts(of: columns, width: Handout.width) {
      try writer.write("\n| " + part.map { columns[$0].heading }.joined(separator: " | ") + " |\n")
      try writer.write(
        "|" + part.map { columns[$0].heading == "gate" ? "---" : "--:" }.joined(separator: "|")
          + "|\n")
      try rows { cells in
        try writer.write(
          "| " + part.map { Self.escape(cells[$0]) }.joined(separator: " | ") + " |\n")
      }
    }
  }

  /// The columns of each table when `columns` are split to fit in `width`: the leading ones that
  /// name the row (`t`, `unit`) in every part, the rest in order, as many as fit.
  static func parts(of columns: [HandoutColumn], width: Int) -> [[Int]] {
    let keys = Array(columns.prefix { $0.heading == "t" || $0.heading == "unit" }.indices)
    func size(_ indices: [Int]) -> Int {
      1 + indices.reduce(0) { $0 + max(columns[$1].width, columns[$1].heading.count) + 3 }
    }
    var parts: [[Int]] = []
    var current = keys
    for index in columns.indices.dropFirst(keys.count) {
      if current.count > keys.count, size(current + [index]) > width {
        parts.append(current)
        current = keys
      }
      current.append(index)
    }
    parts.append(current)
    return parts
  }

  /// Text with Markdown's special characters escaped, on one line, and other controls (escape,
  /// tab) shown as `�`. An `_` inside a word (`weight_ih_l0`) is left alone, and `#` is escaped
  /// only where it would start a heading.
  static func escape(_ text: String) -> String {
    let characters = Array(text)
    var escaped = ""
    for (k, character) in characters.enumerated() {
      let inWord =
        k > 0 && k + 1 < characters.count && characters[k - 1].isLetterOrDigit
        && characters[k + 1].isLetterOrDigit
      let special =
        "\\`*[]|<>".contains(character) || (character == "_" && !inWord)
        || (character == "#" && k == 0)
      if special { escaped.append("\\") }
      escaped.append(character.isNewline ? " " : character)
    }
    return escaped.printable
  }
}

extension Character {
  /// Whether this is a letter or a digit.
  fileprivate var isLetterOrDigit: Bool { isLetter || isNumber }
}
