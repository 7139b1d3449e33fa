extension String {
  /// The text broken at spaces into lines of at most `width` characters (a longer word gets a
  /// line of its own). Line breaks in the text start new lines.
  public func wrapped(width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in split(whereSeparator: \.isNewline) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        if !line.isEmpty, line.count + 1 + word.count > width {
          lines.append(line)
          line = ""
        }
        line += line.isEmpty ? String(word) : " " + word
      }
      if !line.isEmpty { lines.append(line) }
    }
    return lines
  }
}
