import Testing

@testable import LSTMFiles
@testable import LSTMScreen

@Suite struct CanvasTests {
  @Test func writingPastTheEdgesIsClipped() {
    var canvas = Canvas(width: 5, height: 2)
    canvas.put("abcdefgh", row: 0, column: 2)
    canvas.put("xyz", row: 1, column: -1)
    canvas.put("never", row: 2, column: 0)
    canvas.put("never", row: -1, column: 0)
    #expect(canvas.lines == ["  abc", "yz"])
    #expect(canvas.cells.count == 10)
  }

  @Test func linesTrimTrailingSpacesOnly() {
    var canvas = Canvas(width: 8, height: 1)
    canvas.put(" σ = 1 ", row: 0, column: 0)
    #expect(canvas.lines == [" σ = 1"])
    #expect(canvas.text(ofRow: 0) == " σ = 1  ")
  }

  /// Text of the screen's own (one scalar a character) and anything a lesson may hold (accents
  /// written as combining marks, flags) comes out as it went in, one character a column.
  @Test func everyKindOfCharacterTakesOneColumnAndComesBackOut() {
    var canvas = Canvas(width: 12, height: 2)
    let end = canvas.put("σ(x)━▲ ", row: 0, column: 0)
    #expect(end == 7)
    let mixed = canvas.put("Cafe\u{301} 🇫🇷!", row: 1, column: 0)
    #expect(mixed == 7)
    #expect(canvas.lines == ["σ(x)━▲", "Cafe\u{301} 🇫🇷!"])
    #expect(canvas[1, 3]?.character == "e\u{301}")
    #expect(canvas[1, 5]?.character == "🇫🇷")
    #expect(canvas.text(ofRow: 0) == "σ(x)━▲      ")
    canvas.put("ab", row: 1, column: 5)
    #expect(canvas.lines[1] == "Cafe\u{301} ab")
    #expect(canvas.scalar(row: 0, column: 0) == "σ")
    #expect(canvas.scalar(row: 1, column: 3) == nil)
    #expect(canvas.scalar(row: 2, column: 0) == nil)
  }

  @Test func restyleKeepsCharacters() {
    var canvas = Canvas(width: 4, height: 1)
    canvas.put("ab", row: 0, column: 0)
    canvas.restyle(row: 0, column: 1, count: 10, style: Style(.highlight, bold: true))
    #expect(canvas[0, 1] == CanvasCell("b", style: Style(.highlight, bold: true)))
    #expect(canvas[0, 0]?.style == .plain)
    #expect(canvas[0, 4] == nil)
  }

  @Test func restyleOutsideTheGridDoesNothing() {
    var canvas = Canvas(width: 4, height: 1)
    canvas.put("ab", row: 0, column: 0)
    let before = canvas
    canvas.restyle(row: 0, column: 9, count: 3, style: Style(.highlight))
    canvas.restyle(row: 0, column: -5, count: 2, style: Style(.highlight))
    canvas.restyle(row: 0, column: 1, count: -3, style: Style(.highlight))
    #expect(canvas == before)
  }
}

@Suite struct CanvasControlCharacterTests {
  @Test func controlCharactersNeverReachAFrame() {
    var canvas = Canvas(width: 12, height: 1)
    canvas.put("a\u{1B}[31mb\tc\nd\u{85}", row: 0, column: 0)
    #expect(canvas.lines == ["a�[31mb�c�d�"])
    #expect(!canvas.lines[0].unicodeScalars.contains { $0.value < 0x20 })
  }

  @Test func aSingleControlCharacterIsReplacedToo() {
    var canvas = Canvas(width: 2, height: 1)
    canvas.put(Character("\u{1B}"), row: 0, column: 0)
    #expect(canvas[0, 0]?.character == "�")
  }
}
