import Foundation
import LSTMViewModel
import Testing

@testable import LSTMCore
@testable import LSTMFiles
@testable import LSTMScreen

/// `render --format svg` and `html`: frames for slides, in the screen's colours.
@Suite struct FrameImageTests {
  private func svg(_ state: State, theme: Theme = .dark, color: Bool = true) -> String {
    FrameSVG(theme: theme, color: color).document(Screen.render(state), title: state.lesson.title)
  }

  /// The values of `attribute="…"` in `text`.
  private func values(of attribute: String, in text: String) -> [String] {
    text.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap {
      $0.split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
  }

  @Test func everyRowIsTextWithItsCharacters() {
    let state = statQuest([.next], width: 100, height: 30)
    let image = svg(state)
    #expect(image.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="))
    #expect(image.contains("font-family=\"'DejaVu Sans Mono'"))
    #expect(image.contains("monospace\""))
    // Each tspan holds the frame's characters from the column its x names (8.4 a column), on
    // the row its text's y names (17 a row).
    let canvas = Screen.render(state)
    var checked = 0
    for row in image.components(separatedBy: "<text y=\"").dropFirst() {
      let y = Double(row.prefix { $0 != "\"" }) ?? -1
      let index = Int((y / 17).rounded(.down))
      let text = Array(canvas.text(ofRow: index))
      for span in row.components(separatedBy: "<tspan x=\"").dropFirst() {
        let x = Double(span.prefix { $0 != "\"" }) ?? -1
        let column = Int((x / 8.4).rounded())
        let body =
          span.split(separator: ">", maxSplits: 1).last?.components(
            separatedBy: "</tspan"
          ).first ?? ""
        let shown =
          body.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
            of: "&gt;", with: ">"
          )
          .replacingOccurrences(of: "&amp;", with: "&")
        #expect(String(text[column..<min(column + shown.count, text.count)]) == shown)
        checked += 1
      }
    }
    #expect(checked > 100)
    // Each run sits at its column: 8.4 units a column.
    #expect(image.contains("<tspan x=\"0\" textLength=\"67.2\""))
  }

  @Test func itIsSelfContained() {
    let image = svg(statQuest([.next], width: 120, height: 40))
    for outside in ["href", "https:", "<image", "<style", "@import", "url("] {
      #expect(!image.contains(outside), "\(outside)")
    }
    // The one address is the SVG namespace, which names the format and fetches nothing.
    #expect(image.components(separatedBy: "http").count == 2)
    #expect(image.contains("xmlns=\"http://www.w3.org/2000/svg\""))
  }

  @Test func itIsInTheScreensColours() {
    let dark = svg(statQuest([.next]))
    // The LTM line in 256-colour 220, a negative in 203, on a dark background.
    #expect(dark.contains("fill=\"#ffd700\" font-weight=\"bold\">LTM (c) </tspan>"))
    #expect(dark.contains("fill=\"#ff5f5f\">-0.2012</tspan>"))
    #expect(dark.contains("<rect width=\"672\" height=\"408\" fill=\"#1c1c1c\"/>"))
    let light = svg(statQuest([.next]), theme: .light)
    #expect(light.contains("<rect width=\"672\" height=\"408\" fill=\"#ffffff\"/>"))
    #expect(light.contains("fill=\"#875f00\" font-weight=\"bold\">LTM (c) </tspan>"))
  }

  @Test func theLightThemeReadsOnWhite() {
    let light = svg(statQuest([.next, .toggleStages], width: 120, height: 40), theme: .light)
    let fills = Set(values(of: "fill", in: light)).subtracting(["#ffffff"])
    #expect(fills.count >= 8)
    for fill in fills {
      let hex = Array(fill.dropFirst())
      let rgb = stride(from: 0, to: 6, by: 2).map { Int(String(hex[$0...$0 + 1]), radix: 16) ?? 0 }
      let contrast = TerminalColors.contrast((rgb[0], rgb[1], rgb[2]), (255, 255, 255))
      #expect(contrast >= 4.5, "\(fill) on white: \(contrast)")
    }
  }

  @Test func monochromeHasNoColourButBoldAndReverse() {
    let plain = svg(statQuest([.next]), color: false)
    #expect(Set(values(of: "fill", in: plain)) == ["#1c1c1c", "#d0d0d0"])
    #expect(plain.contains("font-weight=\"bold\""))
    // The highlighted t: a block of the text colour, the digit in the background's.
    #expect(plain.contains("fill=\"#1c1c1c\" font-weight=\"bold\">2</tspan>"))
  }

  @Test func textFromTheLessonIsEscaped() {
    var lesson = Lesson.statQuest
    lesson.title = "<b>&\"'</b>\u{0}\u{FFFE}"
    let state = State(lesson: lesson, width: 100, height: 30)
    let image = svg(state)
    #expect(image.contains("<title>&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;��</title>"))
    #expect(!image.contains("<b>"))
    #expect(MarkupText.escape("a\u{7}b\u{85}c\td") == "a�b�c\td")
  }

  @Test func theFramesPageHasEachFrameUnderItsCaption() {
    let frames = [statQuest(), statQuest([.next])].map {
      (caption: Optional("frame <1>"), canvas: Screen.render($0))
    }
    let page = FrameHTML(theme: .light, color: true).document(title: "a & b", frames: frames)
    #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
    #expect(page.components(separatedBy: "<figure>").count == 3)
    #expect(page.contains("<figcaption>frame &lt;1&gt;</figcaption>"))
    #expect(page.contains("<svg width=\"672\""))
    #expect(page.contains("<h1>a &amp; b</h1>"))
    #expect(!page.contains("http"))
  }

  /// The SVG is well-formed XML: xmllint (Debian's libxml2-utils, which `.ci/run` installs)
  /// reads it without a complaint.
  @Test func xmllintReadsTheSVG() throws {
    let xmllint = URL(fileURLWithPath: "/usr/bin/xmllint")
    try #require(
      FileManager.default.isExecutableFile(atPath: xmllint.path),
      "xmllint is missing: apt-get install libxml2-utils")
    var lesson = Lesson.statQuest
    lesson.title = "<&> \"quoted\" 'and' ]]> --"
    for (state, theme) in [
      (State(lesson: lesson, width: 100, height: 30), Theme.dark),
      (statQuest([.next, .toggleHelp], width: 120, height: 40), .light),
    ] {
      let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("lstmviz-frame-\(UUID().uuidString).svg")
      try svg(state, theme: theme).write(to: file, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(at: file) }
      let process = Process()
      process.executableURL = xmllint
      process.arguments = ["--noout", file.path]
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      let complaint = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(complaint)")
      #expect(complaint.isEmpty)
    }
  }
}

@Suite struct ThemeTests {
  static let roles = PaletteTests.roles

  @Test func theLightThemeUsesNoYellowAndNothingPale() {
    for role in Self.roles {
      let basic = Palette.appearance(of: Style(role), in: .basic, theme: .light)
      #expect(basic.foreground != 3 && basic.foreground != 11, "\(role)")
      let extended = Palette.appearance(of: Style(role), in: .extended, theme: .light)
      if let colour = extended.foreground {
        let contrast = TerminalColors.contrast(TerminalColors.rgb(colour), (255, 255, 255))
        #expect(contrast >= 4.5, "\(role): colour \(colour), contrast \(contrast)")
      }
    }
  }

  @Test func theLightThemeKeepsTheRolesApart() {
    let colours =
      [StyleRole.heading, .ltm, .stm, .positive, .negative]
      + Gate.allCases.map { .gate($0) }
    let looks = colours.map { Palette.appearance(of: Style($0), in: .extended, theme: .light) }
    #expect(Set(looks).count == colours.count)
  }

  @Test func monochromeIsTheSameInBothThemes() {
    for role in Self.roles {
      #expect(
        Palette.appearance(of: Style(role), in: .monochrome, theme: .light)
          == Palette.appearance(of: Style(role), in: .monochrome, theme: .dark))
    }
  }

  @Test func aCastInTheLightThemeUsesItsColours() {
    let canvas = Screen.render(statQuest([.next]))
    let light = Asciicast.drawing(canvas, color: true, theme: .light)
    #expect(light.contains("38;5;94m") && !light.contains("38;5;220m"))
    #expect(
      Asciicast.drawing(canvas, color: false, theme: .light)
        == Asciicast.drawing(canvas, color: false))
  }
}
