import Foundation
import LSTMFiles

/// asciicast v2, the format `asciinema play` replays: a JSON header line, then one
/// `[seconds, "o", data]` line per frame, where `data` draws the frame with ANSI sequences.
public enum Asciicast {
  /// The header line, without its newline.
  ///
  /// `timestamp` is the start in seconds since 1970; `title` is the lesson title.
  public static func header(width: Int, height: Int, timestamp: Date, title: String) -> String {
    let seconds = Int(timestamp.timeIntervalSince1970.rounded(.down))
    return "{\"version\": 2, \"width\": \(max(width, 1)), \"height\": \(max(height, 1)), "
      + "\"timestamp\": \(seconds), \"title\": \(JSONString.literal(title)), "
      + "\"env\": {\"TERM\": \"xterm-256color\"}}"
  }

  /// An output event line, without its newline: `data` written at `seconds`.
  public static func event(seconds: Double, data: String) -> String {
    let seconds = seconds.isFinite ? max(seconds, 0) : 0
    return "[\(String(format: "%.6f", seconds)), \"o\", \(JSONString.literal(data))]"
  }

  /// The ANSI text that draws `canvas` over whatever was shown before: the cursor hidden, every
  /// row written in full from its first column, styles as SGR sequences (bold and reverse only
  /// when `color` is false), in `theme`'s colours. With `clear`, the screen is wiped first
  /// (after a resize).
  public static func drawing(
    _ canvas: Canvas, color: Bool, theme: Theme = .dark, clear: Bool = false
  ) -> String {
    var out = clear ? "\u{1B}[?25l\u{1B}[0m\u{1B}[2J" : "\u{1B}[?25l"
    for row in 0..<canvas.height {
      out += "\u{1B}[\(row + 1);1H"
      var current: Style? = nil
      for column in 0..<canvas.width {
        guard let cell = canvas[row, column] else { continue }
        if cell.style != current {
          out += sgr(cell.style, color: color, theme: theme)
          current = cell.style
        }
        out.append(cell.character)
      }
      out += "\u{1B}[0m"
    }
    return out
  }

  /// The ANSI text that ends a cast as a terminal program ends: styles reset, the cursor below
  /// the last of `height` rows and shown again.
  public static func ending(height: Int) -> String {
    "\u{1B}[0m\u{1B}[\(max(height, 1));1H\r\n\u{1B}[?25h"
  }

  /// The SGR sequence that selects `style`, starting from the defaults: the look `Palette` gives
  /// it on a 256-colour terminal in `theme`, or in monochrome, so that a cast looks as the
  /// session did.
  public static func sgr(_ style: Style, color: Bool, theme: Theme = .dark) -> String {
    let look = Palette.appearance(
      of: style, in: color ? .extended : .monochrome, theme: theme)
    var codes = ["0"]
    if look.attributes.contains(.bold) { codes.append("1") }
    if look.attributes.contains(.dim) { codes.append("2") }
    if look.attributes.contains(.underline) { codes.append("4") }
    if look.attributes.contains(.reverse) { codes.append("7") }
    if let foreground = look.foreground { codes.append("38;5;\(foreground)") }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}
