import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// Chinese, Japanese and Korean text and emoji take two columns on a terminal: a lesson named
/// in any language must lay out as it will look, and never push the rest of a row aside.
@Suite struct WideCharacterTests {
  @Test func aWideCharacterTakesTwoCellsAndComesBackOutOnce() {
    var canvas = Canvas(width: 8, height: 1)
    let end = canvas.put("长短A🧠", row: 0, column: 0)
    #expect(end == 7)
    #expect(canvas.lines == ["长短A🧠"])
    #expect(canvas[0, 0]?.character == "长")
    #expect(canvas[0, 1]?.isWideContinuation == true)
    #expect(canvas.columns(row: 0, column: 0) == 2)
    #expect(canvas.columns(row: 0, column: 1) == 0)
    #expect(canvas.columns(row: 0, column: 4) == 1)
    #expect(canvas.columns(row: 0, column: 5) == 2)
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.put("长短期", row: 0, column: 0)
    canvas.put("x", row: 0, column: 1)
    #expect(canvas.lines == [" x短期"])
    canvas.put("y", row: 0, column: 2)
    #expect(canvas.lines == [" xy 期"])
    canvas.put("记", row: 0, column: 3)
    #expect(canvas.lines == [" xy记"])
    #expect(canvas.text(ofRow: 0).terminalColumns == 6)
  }

  /// ⚠ alone is text, one column; with U+FE0F it asks for the picture, which terminals draw two
  /// columns wide (tmux, and every terminal that follows Unicode's emoji presentation).
  @Test func anEmojiAskedForAsAPictureTakesTwoColumns() {
    #expect(Character("\u{26A0}").terminalColumns == 1)
    #expect(Character("\u{26A0}\u{FE0F}").terminalColumns == 2)
    #expect(Character("\u{2764}\u{FE0F}").terminalColumns == 2)
    #expect(Character("\u{2764}").terminalColumns == 1)
    #expect("A \u{26A0}\u{FE0F} warn".terminalColumns == 9)
    #expect("A \u{26A0} warn".terminalColumns == 8)
    var canvas = Canvas(width: 6, height: 1)
    #expect(canvas.put("\u{26A0}\u{FE0F}ab", row: 0, column: 0) == 4)
    #expect(canvas.columns(row: 0, column: 0) == 2)
    #expect(canvas[0, 1]?.isWideContinuation == true)
    #expect(canvas.lines == ["\u{26A0}\u{FE0F}ab"])
  }

  @Test func aWideCharacterCutByAnEdgeIsLeftOut() {
    var canvas = Canvas(width: 3, height: 2)
    canvas.put("长短", row: 0, column: 0)
    canvas.put("长短", row: 1, column: -1)
    #expect(canvas.lines == ["长", " 短"])
    #expect(canvas[0, 2] == CanvasCell(" "))
  }

  @Test func textIsShortenedByColumnsNotCharacters() {
    #expect(shortened("长短期记忆", to: 5) == "长短…")
    #expect(shortened("长短", to: 4) == "长短")
    #expect(Line("长短 LSTM").width == 9)
  }

  @Test func aLessonTitledInChineseKeepsTheTitleLineWhole() {
    var lesson = Lesson.statQuest
    lesson.title = "长短期记忆网络：一步一步地看每一个数字如何变化"
    lesson.sequences[0].name = "公司甲"
    for (width, height) in [(80, 24), (100, 30), (120, 40)] {
      let canvas = Screen.render(State(lesson: lesson, width: width, height: height))
      let title = canvas.lines[0]
      #expect(title.terminalColumns <= width, "\(width)x\(height): \(title)")
      #expect(title.contains("公司甲 (1/2)"), "\(width)x\(height): \(title)")
      #expect(title.contains("t = 1 / 4"), "\(width)x\(height): \(title)")
      #expect(title.contains("长短期"), "\(width)x\(height): \(title)")
      for row in 0..<canvas.height {
        #expect(canvas.text(ofRow: row).terminalColumns == width)
      }
    }
  }

  @Test func theHelpOverlayWrapsAChineseDescriptionInsideItsBox() {
    var lesson = Lesson.statQuest
    lesson.title = "A \u{26A0}\u{FE0F} warn"
    lesson.description = String(repeating: "这个单元记住长期的记忆。", count: 8)
    var state = State(lesson: lesson, width: 100, height: 30)
    reduce(&state, .toggleHelp)
    let canvas = Screen.render(state)
    for row in 0..<canvas.height {
      #expect(canvas.text(ofRow: row).terminalColumns == 100)
    }
    let boxRows = canvas.lines.filter { $0.contains("这个") }
    #expect(!boxRows.isEmpty)
    for row in boxRows {
      #expect(row.trimmingTrailingSpaces.hasSuffix("│"), "\(row)")
    }
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
