import Foundation
import LSTMViewModel
import Testing

@testable import LSTMCore
@testable import LSTMFiles
@testable import LSTMScreen

/// The handouts, `trace --format markdown` and `html`: what a lecturer prints.
@Suite struct HandoutTests {
  /// The longest line of `text`, in characters.
  private func longestLine(_ text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
  }

  /// A lesson whose title, description and sequence name are far wider than a page.
  private var wordyLesson: Lesson {
    let long = String(repeating: "a very long name for a sequence ", count: 8)
    return Lesson(
      title: String(repeating: "A lesson with a title that goes on ", count: 6),
      description: String(repeating: "Words about the lesson. ", count: 20),
      model: Lesson.statQuest.model,
      sequences: [InputSequence(name: long, values: [0.5, -123456.789, 1e6])])
  }

  @Test(arguments: [4, 12])
  func noMarkdownLineIsLongerThan100Characters(precision: Int) throws {
    let lessons = [Lesson.statQuest, try torch3x2Lesson(), try fineWeights1x1Lesson(), wordyLesson]
    for lesson in lessons {
      let text = try traceText(lesson, .markdown, precision: precision)
      #expect(longestLine(text) <= 100, "\(lesson.title) at \(precision) decimals")
      #expect(longestLine(text) >= 60)
    }
  }

  @Test func aLongTitleIsCutInItsHeadingAndSaidInFull() throws {
    let text = try traceText(wordyLesson, .markdown)
    let heading = try #require(text.split(separator: "\n").first)
    #expect(heading.hasPrefix("# A lesson with a title") && heading.hasSuffix("…"))
    #expect(text.contains("goes on A lesson with a title that goes on"))
  }

  @Test func eachStepHasItsSectionWithTheScreensFormulas() throws {
    let text = try traceText(Lesson.statQuest, .markdown)
    for name in ["Company A", "Company B"] {
      for t in 1...4 { #expect(text.contains("\n### \(name) · t = \(t) / 4\n")) }
    }
    // The formulas are the screen's, line for line: at t = 2 of Company A, every line of the
    // cell between the memory lines of the 80×24 frame is in the handout.
    let frame = Screen.render(statQuest([.next])).lines
    let first = try #require(frame.firstIndex { $0.hasPrefix("1 Forget gate") })
    let last = try #require(frame.firstIndex { $0.hasPrefix("  new STM") })
    for line in frame[first...last] { #expect(text.contains(line + "\n"), "\(line)") }
    #expect(text.contains("input 0.5000 · STM in -0.1278 · LTM in -0.2012"))
    #expect(text.contains("LTM (c) -0.2012 ━━"))
  }

  @Test func eachSequenceEndsWithACompactTable() throws {
    let text = try traceText(Lesson.statQuest, .markdown)
    #expect(text.contains("### Company A: every step"))
    #expect(text.contains("| t | input | f | i | g | o | new LTM | new STM |"))
    #expect(
      text.contains("| 2 | 0.5000 | 0.8899 | 0.7666 | -0.0301 | 0.4839 | -0.2022 | -0.0965 |"))
    #expect(text.contains("Prediction (the STM after t = 4): 0.0064, target 0.0000."))
  }

  @Test func aStateDictHandoutListsTheWeightsUsed() throws {
    let text = try traceText(try torch3x2Lesson(), .markdown)
    #expect(text.contains("x = STM·U + input·W + b"))
    #expect(!text.contains("STM·w"))
    // The forget gate's rows 4–6 of weight_ih and weight_hh, unit by unit, as few decimals as
    // they need, and the biases added.
    #expect(text.contains("Forget gate f (% of LTM to remember): U is rows 4–6 of weight_hh"))
    #expect(text.contains("U₁ = (-0.8088, 1.0609, -0.8075)\nW₁ = (0.0601, 1.3402)\nb₁ = -0.4978"))
    #expect(text.contains("\nunit 3 of 3\nLTM (c₃)"))
    #expect(text.contains("| t | unit | f | i | g | o | new LTM | new STM |"))
  }

  @Test func aWideTableIsSplitKeepingItsStepColumn() {
    let columns = ["t", "unit", "a", "b", "c"].map { HandoutColumn(heading: $0, width: 20) }
    let parts = TraceMarkdown.parts(of: columns, width: 100)
    #expect(parts == [[0, 1, 2, 3], [0, 1, 4]])
  }

  @Test func theHTMLHandoutIsOneFileInColourForPrint() throws {
    let html = try traceText(Lesson.statQuest, .html)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.hasSuffix("</html>\n"))
    for outside in ["http:", "https:", "<script", "<link", "src=", "url(", "@import"] {
      #expect(!html.contains(outside), "\(outside)")
    }
    #expect(html.contains("@page { size: auto; margin: 14mm; }"))
    #expect(html.contains("@media print"))
    // The cell diagram in the light theme's colours: the LTM line amber, a negative red.
    #expect(html.contains(".ltm { color: #875f00; }"))
    #expect(html.contains("<span class=\"ltm b\">LTM (c) </span>"))
    #expect(html.contains("<span class=\"negative\">-0.2012</span>"))
    #expect(html.contains("<h3>Company A · t = 2 / 4</h3>"))
    #expect(html.contains("<td>0.8899</td>"))
  }

  @Test func theHTMLHandoutTakesThePaperAskedFor() throws {
    var bytes: [UInt8] = []
    let writer = ByteWriter(capacity: 100) { bytes.append(contentsOf: $0) }
    try TraceFormat.html.write(Lesson.statQuest, precision: 4, paper: .letter, to: writer)
    #expect(String(decoding: bytes, as: UTF8.self).contains("@page { size: letter;"))
  }

  @Test func theHTMLHandoutEscapesEverythingFromTheLesson() throws {
    let lesson = Lesson(
      title: "<script>alert('x')</script> & \"quotes\"", description: "a < b > c \u{1B}[31m",
      model: Lesson.statQuest.model,
      sequences: [InputSequence(name: "</pre><img src=x>", values: [1])])
    let html = try traceText(lesson, .html)
    #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("\u{1B}"))
    #expect(html.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "))
    #expect(html.contains("<h2>&lt;/pre&gt;&lt;img src=x&gt;</h2>"))
    #expect(html.contains("<p>a &lt; b &gt; c �[31m</p>"))
  }

  @Test func theHTMLHandoutRefusesWhatItCannotShow() {
    #expect(TraceFormat.html.problem(with: TraceOptions()) == nil)
    #expect(TraceFormat.html.problem(with: TraceOptions(cell: .rnn)) != nil)
    #expect(TraceFormat.markdown.problem(with: TraceOptions(cell: .rnn)) == nil)
  }
}
