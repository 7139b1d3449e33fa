import Testing

@testable import LSTMCore

@Suite struct PrintableTextTests {
  @Test func controlsBecomeReplacementCharacters() {
    #expect("a\u{1B}[31mb\tc\nd".printable == "a�[31mb�c�d")
    #expect("crlf\r\nend\u{7F}\u{85}\u{2028}\u{2029}".printable == "crlf�end����")
    #expect("Company A · é ✓".printable == "Company A · é ✓")
  }

  @Test func tableAndMarkdownShowNamesOnOneLineWithoutEscapes() throws {
    var lesson = Lesson.statQuest
    lesson.title = "bold\u{1B}[1m title"
    lesson.sequences[0].name = "two\nlines\tand\u{1B}[2J"
    for format in [TraceFormat.table, .markdown] {
      let text = try traceText(lesson, format)
      #expect(!text.unicodeScalars.contains { $0.isTerminalControl && $0 != "\n" })
      let escaped = format == .markdown ? "\\[" : "["
      #expect(text.contains("lines�and�\(escaped)2J"))
      #expect(text.contains("bold�\(escaped)1m title"))
    }
    let csv = try traceText(lesson, .csv)
    #expect(csv.contains("\"two\nlines\tand\u{1B}[2J\""))
  }
}
