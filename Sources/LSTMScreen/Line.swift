/// A piece of text with one style: frames are built from lines of spans.
struct Span: Sendable, Equatable {
  /// The text.
  var text: String
  /// How it is drawn.
  var style: Style

  init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }

  init(_ text: String, _ role: StyleRole, bold: Bool = false) {
    self.init(text, Style(role, bold: bold))
  }
}

/// A line of spans.
struct Line: Sendable, Equatable, ExpressibleByStringLiteral {
  var spans: [Span] = []

  init(_ spans: [Span] = []) { self.spans = spans }

  init(stringLiteral value: String) { spans = [Span(value)] }

  /// The number of columns the line takes.
  var width: Int { spans.reduce(0) { $0 + $1.text.terminalColumns } }

  /// The plain text of the line.
  var text: String { spans.map(\.text).joined() }

  static func + (lhs: Line, rhs: Line) -> Line { Line(lhs.spans + rhs.spans) }
  static func + (lhs: Line, rhs: Span) -> Line { Line(lhs.spans + [rhs]) }
  static func += (lhs: inout Line, rhs: Line) { lhs.spans += rhs.spans }
  static func += (lhs: inout Line, rhs: Span) { lhs.spans.append(rhs) }

  /// The line padded with spaces to `width` columns (never cut).
  func padded(to width: Int) -> Line {
    self.width >= width ? self : self + Span(String(repeating: " ", count: width - self.width))
  }

  /// The line broken before its ` + `, ` - `, ` × ` and ` = ` into lines of at most `width` columns
  /// where it can be, each continuation starting with `indent` and the operator.
  func wrapped(to width: Int, indent: String) -> [Line] {
    guard self.width > width else { return [self] }
    var chunks: [Line] = [Line()]
    for span in spans {
      if [" + ", " - ", " × ", " = "].contains(span.text) { chunks.append(Line()) }
      chunks[chunks.count - 1] += span
    }
    var lines: [Line] = []
    var current = Line()
    for chunk in chunks {
      if current.width > indent.count, current.width + chunk.width > width {
        lines.append(current)
        current =
          Line([Span(indent + (chunk.spans.first?.text.dropFirst() ?? ""))])
          + Line(Array(chunk.spans.dropFirst()))
      } else {
        current += chunk
      }
    }
    lines.append(current)
    return lines
  }

  /// Every span's style replaced by `style`: for things not yet revealed.
  func restyled(_ style: Style) -> Line {
    Line(spans.map { Span($0.text, style) })
  }
}

extension Canvas {
  /// Writes `line` from `row`, `column`, clipping at the edges.
  @discardableResult
  mutating func put(_ line: Line, row: Int, column: Int) -> Int {
    var x = column
    for span in line.spans {
      x = put(span.text, row: row, column: x, style: span.style)
    }
    return x
  }
}
