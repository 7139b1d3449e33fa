extension String {
  /// The text broken at spaces into lines of at most `width` terminal columns; a word wider
  /// than that is cut into pieces that fit (text without spaces, such as Chinese or Japanese,
  /// breaks anywhere). Line breaks in the text start new lines.
  public func wrapped(width: Int) -> [String] {
    let width = max(width, 2)
    var lines: [String] = []
    for paragraph in split(whereSeparator: \.isNewline) {
      var line = ""
      var lineColumns = 0
      for word in paragraph.split(separator: " ") {
        var word = String(word)
        var wordColumns = word.terminalColumns
        if !line.isEmpty, lineColumns + 1 + wordColumns > width {
          lines.append(line)
          line = ""
          lineColumns = 0
        }
        while line.isEmpty, wordColumns > width {
          let piece = word.prefix(columns: width)
          lines.append(piece)
          word.removeFirst(piece.count)
          wordColumns = word.terminalColumns
        }
        guard !word.isEmpty else { continue }
        line += line.isEmpty ? word : " " + word
        lineColumns += (lineColumns == 0 ? 0 : 1) + wordColumns
      }
      if !line.isEmpty { lines.append(line) }
    }
    return lines
  }

  /// The string with spaces in front to make it `width` long.
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}

/// `text`, cut to `width` terminal columns with an ellipsis if it is wider.
func shortened(_ text: String, to width: Int) -> String {
  guard text.terminalColumns > width else { return text }
  guard width > 1 else { return text.prefix(columns: width) }
  return text.prefix(columns: width - 1) + "…"
}
