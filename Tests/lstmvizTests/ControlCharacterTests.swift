import Foundation
import Testing

@Suite struct ControlCharacterTests {
  /// A CSV whose header names hold an escape code, a tab and (quoted) a newline.
  static let csv = "\"red\u{1B}[31m\",\"tab\there\",\"two\nlines\"\n1,2,3\n"

  @Test func tableAndMarkdownPrintNamesWithoutControls() throws {
    let directory = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(Self.csv.utf8).write(to: directory.appendingPathComponent("s.csv"))
    for format in ["table", "markdown"] {
      let outcome = try lstmviz(
        ["trace", "--format", format, "--sequences", "s.csv"], in: directory)
      #expect(outcome.status == 0, "\(outcome.stderr)")
      #expect(!outcome.stdout.contains("\u{1B}") && !outcome.stdout.contains("\t"))
      let escaped = format == "markdown" ? "\\[" : "["
      let newline = format == "markdown" ? " " : "�"
      for name in ["red�\(escaped)31m", "tab�here", "two\(newline)lines"] {
        #expect(outcome.stdout.contains(name), "\(format) shows \(name)")
      }
    }
    let csv = try lstmviz(["trace", "--format", "csv", "--sequences", "s.csv"], in: directory)
    #expect(csv.stdout.contains("\"two\nlines\""))
    #expect(csv.stdout.contains("red\u{1B}[31m"))
  }
}
