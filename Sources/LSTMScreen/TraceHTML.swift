import LSTMCore

/// The paper an HTML handout is laid out for.
public enum Paper: String, CaseIterable, Sendable {
  /// Whatever the printer has: the layout fits both A4 and US Letter.
  case auto
  /// A4, 210 × 297 mm.
  case a4
  /// US Letter, 8.5 × 11 in.
  case letter

  /// The CSS `size` of `@page`.
  var cssSize: String {
    switch self {
    case .auto: "auto"
    case .a4: "A4"
    case .letter: "letter"
    }
  }
}

/// The handout as one HTML file: the same `Handout` as the Markdown one, the memory lines and
/// formulas in the light theme's colours, with CSS for the screen and for print (A4 and Letter:
/// 100 columns of formulas fit the narrower of the two). Self-contained: no scripts, fonts,
/// images or links; everything from the lesson is escaped.
struct TraceHTML: HandoutFormat {
  let lesson: Lesson
  let precision: Int
  let paper: Paper
  let writer: ByteWriter

  /// The colours: the light theme, as paper is white.
  private static let colors = FrameColors(theme: .light, color: true)

  /// Every role a line can carry, with its CSS class.
  private static let roles: [(StyleRole, String)] =
    [
      (.plain, "plain"), (.heading, "heading"), (.dim, "dim"), (.positive, "positive"),
      (.negative, "negative"), (.ltm, "ltm"), (.stm, "stm"), (.highlight, "highlight"),
      (.warning, "warning"),
    ] + Gate.allCases.map { (.gate($0), $0.rawValue) }

  func write() throws {
    try writer.write(HTMLPage.opening(title: lesson.title, style: style))
    try Handout(lesson: lesson, precision: precision).write(to: self)
    try writer.write(HTMLPage.closing)
  }

  /// The page's CSS: the roles' colours, then the layout for the screen and for print.
  var style: String {
    var css = Self.roles.map { role, name in
      let look = Self.colors.appearance(Style(role))
      var rule = ".\(name) { color: \(Self.colors.textColor(look));"
      if look.attributes.contains(.bold) { rule += " font-weight: bold;" }
      if look.attributes.contains(.dim) { rule += " opacity: 0.7;" }
      return rule + " }"
    }
    css += [
      ".b { font-weight: bold; }",
      "body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 60em; margin: 2em auto;",
      "  padding: 0 1em; color: #1c1c1c; background: #ffffff; line-height: 1.4; }",
      "h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; }",
      "h3 { font-size: 1em; margin-bottom: 0.3em; break-after: avoid; page-break-after: avoid; }",
      "pre { font-family: \(FrameSVG.fontFamily); font-size: 13px; line-height: 1.25;",
      "  background: #f7f7f7; border: 1px solid #dddddd; padding: 0.5em; overflow-x: auto;",
      "  break-inside: avoid; page-break-inside: avoid; }",
      "table { border-collapse: collapse; font-family: \(FrameSVG.fontFamily); font-size: 12px; }",
      "th, td { border: 1px solid #cccccc; padding: 0.15em 0.5em; text-align: right; }",
      "th { background: #f0f0f0; }",
      "td:first-child, th:first-child { text-align: left; }",
      "@page { size: \(paper.cssSize); margin: 14mm; }",
      "@media print {",
      "  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }",
      "  pre { font-size: 8pt; background: none; overflow: visible; white-space: pre; }",
      "  table { font-size: 8pt; }",
      "  h2 { break-before: page; page-break-before: always; }",
      "}",
    ]
    return css.joined(separator: "\n")
  }

  func heading(_ level: Int, _ text: String) throws {
    try writer.write("<h\(level)>\(MarkupText.escape(text.printable))</h\(level)>\n")
  }

  func paragraph(_ text: String) throws {
    try writer.write("<p>\(MarkupText.escape(text.printable))</p>\n")
  }

  /// A `<pre>` of the lines, each span in its role's class.
  func formulas(_ lines: [Line]) throws {
    var html = "<pre>"
    for line in lines {
      var spans = line.spans
      while let last = spans.last, last.text.allSatisfy({ $0 == " " }) { spans.removeLast() }
      for span in spans {
        let text = MarkupText.escape(span.text.printable)
        guard span.style != .plain else {
          html += text
          continue
        }
        let name = Self.roles.first { $0.0 == span.style.role }?.1 ?? "plain"
        html += "<span class=\"\(name)\(span.style.bold ? " b" : "")\">\(text)</span>"
      }
      html += "\n"
    }
    try writer.write(html + "</pre>\n")
  }

  /// One table, whatever its width: a browser shrinks its font for print.
  func table(
    _ columns: [HandoutColumn], rows: (([String]) throws -> Void) throws -> Void
  ) throws {
    let header = columns.map { "<th>\(MarkupText.escape($0.heading))</th>" }.joined()
    try writer.write("<table>\n<thead><tr>\(header)</tr></thead>\n<tbody>\n")
    try rows { cells in
      try writer.write(
        "<tr>" + cells.map { "<td>\(MarkupText.escape($0.printable))</td>" }.joined() + "</tr>\n")
    }
    try writer.write("</tbody>\n</table>\n")
  }
}
