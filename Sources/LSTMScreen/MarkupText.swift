/// Text for XML and HTML (the SVG frames and the HTML handout): escaped, and never a character
/// that XML 1.0 forbids.
enum MarkupText {
  /// `text` with `&`, `<`, `>`, `"` and `'` escaped, and every character XML cannot hold (the
  /// controls other than tab and newline, U+FFFE, U+FFFF) written as `�`, so that nothing from
  /// a lesson can end an element, open one, or make the file unreadable.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{FFFE}", "\u{FFFF}": out += "�"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// The colours a frame is drawn in outside a terminal: the theme's background and foreground,
/// and each style's look from `Palette`, on a 256-colour terminal or in monochrome.
struct FrameColors {
  /// Which background the palette is chosen for.
  let theme: Theme
  /// Whether colour is used at all (not with `--no-color` or `NO_COLOR`).
  let color: Bool

  /// The page behind the frame.
  var background: String { theme == .light ? "#ffffff" : "#1c1c1c" }
  /// Text without a colour of its own.
  var foreground: String { theme == .light ? "#1c1c1c" : "#d0d0d0" }

  /// How `style` looks.
  func appearance(_ style: Style) -> Appearance {
    Palette.appearance(of: style, in: color ? .extended : .monochrome, theme: theme)
  }

  /// The colour text of `style` is drawn in, before reverse video.
  func textColor(_ look: Appearance) -> String {
    look.foreground.map(TerminalColors.hex) ?? foreground
  }
}
