/// A terminal screen that output from an asciicast is drawn on, so that a cast can be paged
/// through frame by frame: the subset of a VT100/xterm that programs draw full screens with.
///
/// Understood: printable text (wide characters take two columns; a line that reaches the right
/// edge wraps, the screen scrolls at the bottom), CR, LF, BS, tab; cursor moves (CUP `H` `f`, `A`
/// `B` `C` `D` `E` `F` `G` `d`, save and restore `s` `u`, ESC 7, ESC 8); erasing (`J`, `K`, `X`);
/// and SGR styles: bold, dim, reverse, the 8, 16 and 256 foreground colours, and RGB colours as
/// the nearest of the 256. Everything else (other CSI and OSC sequences, charset choices, mode
/// changes, background colours) is read and ignored, so no output can break the screen. This is
/// what `Asciicast.drawing` writes, and what most full-screen programs write.
public struct AsciicastScreen: Sendable {
  /// What is on the screen now.
  public private(set) var canvas: Canvas
  private var row = 0
  private var column = 0
  private var saved = (row: 0, column: 0)
  private var style = Style.plain
  /// Line feeds at the bottom row not yet scrolled: the screen scrolls once something is drawn
  /// or the cursor moves, so that a cast's last `\r\n` (as a program leaves the terminal) does
  /// not push its last frame up a row.
  private var pendingScrolls = 0
  /// A sequence cut between two events, kept until the rest comes.
  private var pending: [Unicode.Scalar] = []

  /// A blank screen of `width`×`height`.
  public init(width: Int, height: Int) {
    canvas = Canvas(width: max(width, 1), height: max(height, 1))
  }

  /// The screen takes a new size, keeping what fits of what it shows.
  public mutating func resize(width: Int, height: Int) {
    var resized = Canvas(width: max(width, 1), height: max(height, 1))
    for row in 0..<min(canvas.height, resized.height) {
      resized.put(Line(canvas.spans(ofRow: row)), row: row, column: 0)
    }
    canvas = resized
    clampCursor()
  }

  /// Draws `output`.
  public mutating func write(_ output: String) {
    let scalars = pending + Array(output.unicodeScalars)
    pending = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "\u{1B}":
        guard let end = sequenceEnd(scalars, from: index) else {
          pending = Array(scalars[index...])
          return
        }
        perform(Array(scalars[index..<end]))
        index = end
        continue
      case "\r": column = 0
      case "\n", "\u{0B}", "\u{0C}": lineFeed()
      case "\u{08}":
        scrollPending()
        column = max(column - 1, 0)
      case "\t":
        scrollPending()
        column = min((column / 8 + 1) * 8, canvas.width - 1)
      case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}": break
      default:
        // A character with the marks that follow it (a combining accent, a variation selector).
        var end = index + 1
        while end < scalars.count,
          scalars[end].properties.isGraphemeExtend || scalars[end] == "\u{200D}"
        {
          end += 1
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[index..<end])
        put(text)
        index = end
        continue
      }
      index += 1
    }
  }

  // MARK: Text

  private mutating func put(_ text: String) {
    scrollPending()
    let columns = max(text.terminalColumns, 1)
    if column + columns > canvas.width {
      column = 0
      lineFeed()
    }
    canvas.put(text, row: row, column: column, style: style)
    column += columns
    // The cursor waits at the right edge; the next character wraps.
    if column >= canvas.width { column = canvas.width }
  }

  private mutating func lineFeed() {
    if row + 1 < canvas.height {
      row += 1
    } else {
      pendingScrolls += 1
    }
  }

  /// Scrolls the line feeds that are waiting.
  private mutating func scrollPending() {
    guard pendingScrolls > 0 else { return }
    let count = min(pendingScrolls, canvas.height)
    pendingScrolls = 0
    var scrolled = Canvas(width: canvas.width, height: canvas.height)
    for source in count..<canvas.height {
      scrolled.put(Line(canvas.spans(ofRow: source)), row: source - count, column: 0)
    }
    canvas = scrolled
  }

  private mutating func clampCursor() {
    row = min(max(row, 0), canvas.height - 1)
    column = min(max(column, 0), canvas.width - 1)
  }

  // MARK: Escape sequences

  /// The index after the escape sequence starting at `start`, or nil if it is cut off.
  private func sequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard start + 1 < scalars.count else { return nil }
    switch scalars[start + 1] {
    case "[":
      var index = start + 2
      while index < scalars.count {
        if (0x40...0x7E).contains(scalars[index].value) { return index + 1 }
        index += 1
      }
      return nil
    case "]", "P", "_", "^":
      // A string ended by BEL or ESC \.
      var index = start + 2
      while index < scalars.count {
        if scalars[index] == "\u{07}" { return index + 1 }
        if scalars[index] == "\u{1B}", index + 1 < scalars.count {
          return scalars[index + 1] == "\\" ? index + 2 : index
        }
        index += 1
      }
      return nil
    case "(", ")", "*", "+", "#", "%": return start + 3 <= scalars.count ? start + 3 : nil
    default: return start + 2
    }
  }

  private mutating func perform(_ sequence: [Unicode.Scalar]) {
    guard sequence.count >= 2 else { return }
    if "78cDEM".unicodeScalars.contains(sequence[1]) { scrollPending() }
    switch sequence[1] {
    case "[": control(sequence)
    case "7": saved = (row, column)
    case "8": (row, column) = saved
    case "c": self = AsciicastScreen(width: canvas.width, height: canvas.height)
    case "D": lineFeed()
    case "E":
      column = 0
      lineFeed()
    case "M": row = max(row - 1, 0)
    default: break
    }
  }

  /// A CSI sequence: `ESC [ parameters final`.
  private mutating func control(_ sequence: [Unicode.Scalar]) {
    guard let final = sequence.last else { return }
    var body = String(String.UnicodeScalarView(sequence.dropFirst(2).dropLast()))
    let isPrivate = body.first.map { "?<=>".contains($0) } ?? false
    if isPrivate { body.removeFirst() }
    let parameters = body.split(separator: ";", omittingEmptySubsequences: false).map {
      Int($0.prefix { $0.isNumber }) ?? 0
    }
    let first = parameters.first ?? 0
    let count = max(first, 1)
    guard !isPrivate || final == "m" else { return }
    if final != "m" { scrollPending() }
    switch final {
    case "H", "f":
      row = max(first, 1) - 1
      column = max(parameters.count > 1 ? parameters[1] : 1, 1) - 1
    case "A": row -= count
    case "B", "e": row += count
    case "C", "a": column += count
    case "D": column -= count
    case "E":
      row += count
      column = 0
    case "F":
      row -= count
      column = 0
    case "G", "`": column = count - 1
    case "d": row = count - 1
    case "s": saved = (row, column)
    case "u": (row, column) = saved
    case "J": eraseDisplay(first)
    case "K": eraseLine(first)
    case "X": blank(row: row, from: column, to: min(column + count, canvas.width))
    case "m": style = Self.style(after: parameters, from: style)
    default: return
    }
    clampCursor()
  }

  private mutating func blank(row: Int, from start: Int, to end: Int) {
    guard start < end else { return }
    canvas.put(String(repeating: " ", count: end - start), row: row, column: start)
  }

  private mutating func eraseLine(_ mode: Int) {
    switch mode {
    case 0: blank(row: row, from: column, to: canvas.width)
    case 1: blank(row: row, from: 0, to: min(column + 1, canvas.width))
    default: blank(row: row, from: 0, to: canvas.width)
    }
  }

  private mutating func eraseDisplay(_ mode: Int) {
    switch mode {
    case 0:
      eraseLine(0)
      for below in row + 1..<max(canvas.height, row + 1) {
        blank(row: below, from: 0, to: canvas.width)
      }
    case 1:
      for above in 0..<row { blank(row: above, from: 0, to: canvas.width) }
      eraseLine(1)
    default:
      canvas = Canvas(width: canvas.width, height: canvas.height)
    }
  }

  /// The style after SGR `parameters`: bold, dim (drawn as lstmviz's dim role), reverse, and
  /// foreground colours (`.color`); backgrounds and the rest are read past.
  static func style(after parameters: [Int], from current: Style) -> Style {
    var style = current
    var index = 0
    let parameters = parameters.isEmpty ? [0] : parameters
    while index < parameters.count {
      let code = parameters[index]
      switch code {
      case 0: style = .plain
      case 1: style.bold = true
      case 2: if style.role == .plain { style.role = .dim }
      case 7: style.reverse = true
      case 22:
        style.bold = false
        if style.role == .dim { style.role = .plain }
      case 27: style.reverse = false
      case 30...37: style.role = .color(code - 30)
      case 90...97: style.role = .color(code - 90 + 8)
      case 39: style.role = .plain
      case 38, 48:
        let kind = index + 1 < parameters.count ? parameters[index + 1] : 0
        if kind == 5, index + 2 < parameters.count {
          if code == 38 { style.role = .color(min(max(parameters[index + 2], 0), 255)) }
          index += 2
        } else if kind == 2, index + 4 < parameters.count {
          if code == 38 {
            style.role = .color(
              TerminalColors.nearest(
                red: parameters[index + 2], green: parameters[index + 3],
                blue: parameters[index + 4]))
          }
          index += 4
        }
      default: break
      }
      index += 1
    }
    return style
  }
}
