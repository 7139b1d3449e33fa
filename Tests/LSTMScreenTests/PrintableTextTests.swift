import Testing

@testable import LSTMCore
@testable import LSTMFiles
@testable import LSTMScreen

@Suite struct PrintableTextTests {
  @Test func controlsBecomeReplacementCharacters() {
    #expect("a\u{1B}[31mb\tc\nd".printable == "a�[31mb�c�d")
    #expect("crlf\r\nend\u{7F}\u{85}\u{2028}\u{2029}".printable == "crlf�end����")
    #expect("Company A · é ✓".printable == "Company A · é ✓")
  }

  /// The controls are listed by value; they must be exactly Unicode's Cc, Zl and Zp.
  @Test func theControlsAreExactlyUnicodesControlsAndSeparators() {
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let category = scalar.properties.generalCategory
      let expected = [.control, .lineSeparator, .paragraphSeparator].contains(category)
      if scalar.isTerminalControl != expected { Issue.record("U+\(String(value, radix: 16))") }
    }
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
