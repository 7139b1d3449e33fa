/// A frame as SVG, for slides: every row a `<text>`, every run of one style a `<tspan>` at its
/// column, so that the text stays text (selectable, searchable, sharp at any size), in the
/// screen's colours on the theme's background. Self-contained: no fonts, images or styles from
/// elsewhere; the font is the reader's own monospace.
public struct FrameSVG {
  /// The colours.
  let colors: FrameColors

  /// The width of a column, in SVG units (a monospace font's advance at 14 units).
  static let columnWidth = 8.4
  /// The height of a row.
  static let rowHeight = 17.0
  /// The font size.
  static let fontSize = 14.0
  /// Monospace fonts that have the screen's box drawing, arrows and braille, then any.
  static let fontFamily =
    "'DejaVu Sans Mono', 'Menlo', 'Consolas', 'Liberation Mono', 'Noto Sans Mono', monospace"

  /// Frames drawn for `theme`, in colour unless `color` is false.
  public init(theme: Theme, color: Bool) {
    colors = FrameColors(theme: theme, color: color)
  }

  /// `canvas` as a standalone SVG file, titled `title`.
  public func document(_ canvas: Canvas, title: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + element(canvas, title: title, namespace: true) + "\n"
  }

  /// The `<svg>` element of `canvas`; with `namespace`, as a file of its own needs it.
  func element(_ canvas: Canvas, title: String, namespace: Bool) -> String {
    let width = Self.format(Double(canvas.width) * Self.columnWidth)
    let height = Self.format(Double(canvas.height) * Self.rowHeight)
    var out = "<svg"
    if namespace { out += " xmlns=\"http://www.w3.org/2000/svg\"" }
    out += " width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
    out += " font-family=\"\(Self.fontFamily)\" font-size=\"\(Self.format(Self.fontSize))\">\n"
    out += "<title>\(MarkupText.escape(title))</title>\n"
    out += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(colors.background)\"/>\n"
    for row in 0..<canvas.height {
      out += self.row(row, of: canvas)
    }
    return out + "</svg>"
  }

  /// The backgrounds of the row's reverse-video runs, then its text.
  private func row(_ row: Int, of canvas: Canvas) -> String {
    let top = Double(row) * Self.rowHeight
    let baseline = Self.format(top + Self.rowHeight * 0.78)
    var backgrounds = ""
    var spans = ""
    var column = 0
    for span in canvas.spans(ofRow: row) {
      let columns = span.text.terminalColumns
      defer { column += columns }
      let look = colors.appearance(span.style)
      let reverse = look.attributes.contains(.reverse)
      let x = Self.format(Double(column) * Self.columnWidth)
      let length = Self.format(Double(columns) * Self.columnWidth)
      if reverse {
        backgrounds +=
          "<rect x=\"\(x)\" y=\"\(Self.format(top))\" width=\"\(length)\""
          + " height=\"\(Self.format(Self.rowHeight))\" fill=\"\(colors.textColor(look))\"/>\n"
      }
      guard span.text.contains(where: { $0 != " " }) else { continue }
      var attributes = " x=\"\(x)\" textLength=\"\(length)\" lengthAdjust=\"spacingAndGlyphs\""
      attributes += " fill=\"\(reverse ? colors.background : colors.textColor(look))\""
      if look.attributes.contains(.bold) { attributes += " font-weight=\"bold\"" }
      if look.attributes.contains(.dim) { attributes += " fill-opacity=\"0.6\"" }
      if look.attributes.contains(.underline) { attributes += " text-decoration=\"underline\"" }
      spans += "<tspan\(attributes)>\(MarkupText.escape(span.text))</tspan>"
    }
    guard !spans.isEmpty else { return backgrounds }
    return backgrounds + "<text y=\"\(baseline)\" xml:space=\"preserve\">\(spans)</text>\n"
  }

  /// `12.6`, `8`: a length without needless digits.
  static func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
  }
}
