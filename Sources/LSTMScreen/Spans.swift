import LSTMCore
import LSTMViewModel

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

  /// The line broken before its ` + `, ` - ` and ` = ` into lines of at most `width` columns
  /// where it can be, each continuation starting with `indent` and the operator.
  func wrapped(to width: Int, indent: String) -> [Line] {
    guard self.width > width else { return [self] }
    var chunks: [Line] = [Line()]
    for span in spans {
      if [" + ", " - ", " = "].contains(span.text) { chunks.append(Line()) }
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

/// Numbers as the screen shows them, at the state's precision.
struct Numbers: Sendable {
  /// Decimals shown.
  var precision: Int
  /// Decimals shown for weights: as few as show every weight of the model exactly (at least
  /// two, at most `precision`), so that StatQuest's 2.70 reads as in the video.
  var weightDecimals: Int

  /// Numbers at `precision`, weights too.
  init(precision: Int) {
    self.precision = precision
    weightDecimals = precision
  }

  /// Numbers at `precision`, with the weights of `model` shown to as few decimals as they need.
  ///
  /// Only the scalar cell shows its weights; a vector cell's are never looked at, so that a frame
  /// of a large model costs no more than its step.
  init(precision: Int, model: LSTMModel) {
    self.precision = precision
    guard model.isScalar else {
      weightDecimals = precision
      return
    }
    let weights = Gate.allCases.flatMap { gate in
      let gate = model.gates[gate]
      return gate.stmWeights.storage + gate.inputWeights.storage + gate.bias
    }
    let full = weights.map { NumberFormatting.fixed($0, precision: precision) }
    weightDecimals =
      (min(2, precision)...precision).first { decimals in
        zip(weights, full).allSatisfy { weight, text in
          let shorter = NumberFormatting.fixed(weight, precision: decimals)
          return shorter + String(repeating: "0", count: precision - decimals) == text
            || (decimals == 0 && shorter + "." + String(repeating: "0", count: precision) == text)
        }
      } ?? precision
  }

  /// `value` with fixed decimals, a minus sign only when negative: `-0.2012`, `0.5000`.
  func plain(_ value: Double) -> String {
    NumberFormatting.fixed(value, precision: precision)
  }

  /// `value` with a space where a minus sign would be, so columns line up: ` 0.5000`.
  func signed(_ value: Double) -> String {
    NumberFormatting.fixed(value, precision: precision, signed: true)
  }

  /// A weight, to `weightDecimals` decimals: `2.70`.
  func weight(_ value: Double) -> String {
    NumberFormatting.fixed(value, precision: weightDecimals)
  }

  /// The style of a number: positive, negative, or plain for zero.
  func role(_ value: Double) -> StyleRole {
    let shown = plain(value)
    if shown.hasPrefix("-") { return .negative }
    return shown.contains(where: { $0 != "0" && $0 != "." }) ? .positive : .plain
  }

  /// `value` as a span coloured by its sign, signed (aligned) or not.
  func span(_ value: Double, signed: Bool = false, bold: Bool = false) -> Span {
    Span(signed ? self.signed(value) : plain(value), Style(role(value), bold: bold))
  }

  /// A weight as a span coloured by its sign.
  func weightSpan(_ value: Double) -> Span {
    Span(weight(value), Style(role(value)))
  }
}
