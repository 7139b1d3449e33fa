/// Frames as one HTML page, for slides or a handout of the screen: each frame an inline SVG
/// (`FrameSVG`) under its caption, on the theme's background. Self-contained: no scripts, no
/// fonts, no links.
public struct FrameHTML {
  /// How each frame is drawn.
  let svg: FrameSVG

  /// Frames drawn for `theme`, in colour unless `color` is false.
  public init(theme: Theme, color: Bool) {
    svg = FrameSVG(theme: theme, color: color)
  }

  /// The page titled `title` with `frames`, each under its caption (such as a recording's
  /// separator line), if it has one.
  public func document(title: String, frames: [(caption: String?, canvas: Canvas)]) -> String {
    let colors = svg.colors
    let style = """
      body { background: \(colors.background); color: \(colors.foreground); margin: 1.5em;
        font-family: system-ui, sans-serif; }
      h1 { font-size: 1.2em; font-weight: 600; }
      figure { margin: 0 0 2em 0; break-inside: avoid; page-break-inside: avoid; }
      figcaption { font-family: \(FrameSVG.fontFamily); font-size: 0.8em; opacity: 0.75;
        margin-bottom: 0.4em; }
      svg { display: block; max-width: 100%; height: auto; }
      @page { margin: 12mm; }
      @media print { body { margin: 0; } figure { break-after: page; } }
      """
    var body = "<h1>\(MarkupText.escape(title))</h1>\n"
    for frame in frames {
      body += "<figure>\n"
      if let caption = frame.caption {
        body += "<figcaption>\(MarkupText.escape(caption))</figcaption>\n"
      }
      body += svg.element(frame.canvas, title: frame.caption ?? title, namespace: false) + "\n"
      body += "</figure>\n"
    }
    return HTMLPage.document(title: title, style: style, body: body)
  }
}

/// The frame of an HTML file lstmviz writes: one file, its style inside it, nothing fetched.
enum HTMLPage {
  /// `<!DOCTYPE html>` … with `title`, the CSS `style` and `body`, which must be markup already.
  static func document(title: String, style: String, body: String) -> String {
    opening(title: title, style: style) + body + closing
  }

  /// Everything before the body's content.
  static func opening(title: String, style: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="generator" content="lstmviz \(lstmvizVersion)">
    <title>\(MarkupText.escape(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>

    """
  }

  /// Everything after the body's content.
  static let closing = "</body>\n</html>\n"
}
