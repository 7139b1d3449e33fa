/// JSON string literals, as saved lessons, the JSON trace and the asciicast write them.
package enum JSONString {
  /// `text` as a JSON string literal on one line: `"` and `\` escaped, `\n`, `\r` and `\t` as
  /// such, every other control character (C0, DEL) and the line and paragraph separators
  /// (U+2028, U+2029) as `\u00XX`, so that no reader takes the literal for more than one line
  /// and no terminal that shows it meets a control.
  ///
  /// - Parameter forPlayers: also escape DEL and the line and paragraph separators, which a
  ///   JavaScript player of an asciicast may take for a line end; the JSON trace (`false`)
  ///   leaves them as they are, as it always has.
  package static func literal(_ text: String, forPlayers: Bool = true) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{00}"..."\u{1F}",
        "\u{7F}" where forPlayers, "\u{2028}" where forPlayers,
        "\u{2029}" where forPlayers:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
