import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// The asciicast reader's screen: what lstmviz's own casts and other programs' output draw.
@Suite struct AsciicastScreenTests {
  @Test func lstmvizsOwnDrawingComesBackCellForCellInItsColours() {
    for state in [
      statQuest([.next], width: 100, height: 30), statQuest([.toggleHelp]),
      statQuest([.next, .toggleStages], width: 120, height: 40),
    ] {
      let canvas = Screen.render(state)
      var screen = AsciicastScreen(width: canvas.width, height: canvas.height)
      screen.write(Asciicast.drawing(canvas, color: true, clear: true))
      screen.write(Asciicast.ending(height: canvas.height))
      #expect(screen.canvas.lines == canvas.lines)
      for row in 0..<canvas.height {
        for column in 0..<canvas.width {
          guard let sent = canvas[row, column], let seen = screen.canvas[row, column] else {
            continue
          }
          let look = Palette.appearance(of: sent.style, in: .extended)
          let shown = Palette.appearance(of: seen.style, in: .extended)
          #expect(shown.foreground == look.foreground, "row \(row), column \(column)")
          #expect(shown.attributes.contains(.bold) == look.attributes.contains(.bold))
          #expect(shown.attributes.contains(.reverse) == look.attributes.contains(.reverse))
        }
      }
    }
  }

  @Test func textWrapsAndScrollsAtTheEdges() {
    var screen = AsciicastScreen(width: 4, height: 2)
    screen.write("abcdef\r\ngh")
    #expect(screen.canvas.lines == ["ef", "gh"])
    screen.write("\u{1B}[2J\u{1B}[2;3Hx\u{1B}[1;1Hy\u{1B}[K")
    #expect(screen.canvas.lines == ["y", "  x"])
    screen.write("\u{1B}[2;1H\u{1B}[2Kz\u{1B}[1;2H漢")
    #expect(screen.canvas.lines == ["y漢", "z"])
  }

  @Test func aSequenceCutBetweenTwoEventsStillActs() {
    var screen = AsciicastScreen(width: 10, height: 2)
    screen.write("a\u{1B}[3")
    screen.write("1mb")
    #expect(screen.canvas.lines == ["ab", ""])
    #expect(screen.canvas[0, 1]?.style.role == .color(1))
  }

  @Test func coloursAndStyles() {
    let style = { AsciicastScreen.style(after: $0, from: .plain) }
    #expect(style([1, 38, 5, 208]) == Style(.color(208), bold: true))
    #expect(style([38, 2, 255, 0, 0]).role == .color(196))
    #expect(style([94]).role == .color(12))
    #expect(style([7, 48, 5, 17]) == Style(.plain, reverse: true))
    #expect(style([2]).role == .dim)
    #expect(AsciicastScreen.style(after: [0], from: Style(.color(3), bold: true)) == .plain)
  }

  @Test func aRecordedColourShowsAsItselfOrItsNearestOrNotAtAll() {
    #expect(Palette.appearance(of: Style(.color(208)), in: .extended).foreground == 208)
    #expect(Palette.appearance(of: Style(.color(196)), in: .basic).foreground == 1)
    #expect(Palette.appearance(of: Style(.color(208)), in: .monochrome).foreground == nil)
  }
}
