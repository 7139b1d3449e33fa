import Foundation

/// The colours of a terminal's 256-colour palette as red, green and blue, as xterm draws them:
/// for frames drawn outside a terminal (SVG, HTML) and for replaying a cast's colours.
enum TerminalColors {
  /// The sixteen ANSI colours, xterm's defaults.
  private static let ansi: [(Int, Int, Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
    (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  /// The levels of the 6×6×6 colour cube (indices 16–231).
  private static let cube = [0, 95, 135, 175, 215, 255]

  /// Colour `index` (0–255; others are taken as 7, the usual foreground) as red, green, blue.
  static func rgb(_ index: Int) -> (red: Int, green: Int, blue: Int) {
    switch index {
    case 0..<16: return ansi[index]
    case 16..<232:
      let n = index - 16
      return (cube[n / 36], cube[(n / 6) % 6], cube[n % 6])
    case 232..<256:
      let grey = 8 + 10 * (index - 232)
      return (grey, grey, grey)
    default: return ansi[7]
    }
  }

  /// `#rrggbb` for colour `index`.
  static func hex(_ index: Int) -> String { hex(rgb(index)) }

  /// `#rrggbb`.
  static func hex(_ color: (red: Int, green: Int, blue: Int)) -> String {
    "#"
      + [color.red, color.green, color.blue].map { value in
        let digits = String(min(max(value, 0), 255), radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
  }

  /// The colour of the 256 nearest to `red`, `green`, `blue` (each 0–255): for a cast that
  /// asks for a colour by its value (`38;2;r;g;b`).
  static func nearest(red: Int, green: Int, blue: Int) -> Int {
    func distance(_ index: Int) -> Int {
      let (r, g, b) = rgb(index)
      return (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
    }
    return (16..<256).min { distance($0) < distance($1) } ?? 7
  }

  /// The one of the eight basic colours nearest to colour `index`.
  static func nearestBasic(to index: Int) -> Int {
    if (0..<8).contains(index) { return index }
    if (8..<16).contains(index) { return index - 8 }
    let (red, green, blue) = rgb(index)
    func distance(_ basic: Int) -> Int {
      let (r, g, b) = ansi[basic]
      return (r - red) * (r - red) + (g - green) * (g - green) + (b - blue) * (b - blue)
    }
    return (0..<8).min { distance($0) < distance($1) } ?? 7
  }

  /// The contrast ratio of two colours, 1 to 21, as WCAG defines it: 4.5 reads as text.
  static func contrast(
    _ a: (red: Int, green: Int, blue: Int), _ b: (red: Int, green: Int, blue: Int)
  ) -> Double {
    func luminance(_ color: (red: Int, green: Int, blue: Int)) -> Double {
      func linear(_ value: Int) -> Double {
        let x = Double(value) / 255
        return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
      }
      return 0.2126 * linear(color.red) + 0.7152 * linear(color.green)
        + 0.0722 * linear(color.blue)
    }
    let (la, lb) = (luminance(a), luminance(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }
}
