import Foundation
import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// The history shows what happened honestly: on scales that include 0, only up to what the
/// diagram has revealed, with labels true to the rows, every input, and whole sentences.
@Suite struct HistoryDrawingTests {
  /// A lesson of the samples folder, loaded as `lstmviz Samples/NAME.json` loads it.
  private func sample(_ name: String) throws -> Lesson {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return try fixtureLesson(
      LessonSources(lesson: root.appendingPathComponent("Samples/\(name).json").path))
  }

  /// The frame of `state` with the plots in plain marks, one a cell.
  private func plainFrame(_ state: State) -> String {
    Screen.render(state, options: ScreenOptions(plotGlyphs: .plain)).lines.joined(separator: "\n")
  }

  /// The characters after `label` on the first line holding it, up to the next two spaces.
  private func sparkline(_ label: String, in text: String) -> String? {
    guard let line = text.split(separator: "\n").first(where: { $0.contains("history") }),
      let range = line.range(of: label)
    else { return nil }
    return String(line[range.upperBound...].prefix { $0 != " " })
  }

  @Test func aSmallFallOfTheLongMemoryDoesNotLookLikeForgetting() throws {
    var state = State(lesson: try sample("long-memory"), width: 80, height: 24)
    reduce(&state, .last)
    let ltm = try #require(sparkline("LTM ", in: frameText(state)))
    #expect(ltm.count >= 10)
    // 0.99 falling to 0.87 on a scale from 0: every bar stays in the top quarter.
    #expect(ltm.allSatisfy { "▇█".contains($0) }, "\(ltm)")
  }

  @Test func sparklinesShowTheMemoriesOnlyUpToWhatIsRevealed() {
    var state = statQuest([.next])
    let text = frameText(state)
    #expect(sparkline("input ", in: text)?.count == 4, "the inputs are given: all show")
    #expect(sparkline("LTM ", in: text)?.count == 2)
    #expect(sparkline("STM ", in: text)?.count == 2)
    reduce(&state, .toggleStages)  // stage 1 of step 2: neither new memory is revealed yet
    let staged = frameText(state)
    #expect(sparkline("LTM ", in: staged)?.count == 1, "\(staged)")
    #expect(sparkline("STM ", in: staged)?.count == 1)
    reduce(&state, .next)  // stage 2: the new LTM, not yet the new STM
    let second = frameText(state)
    #expect(sparkline("LTM ", in: second)?.count == 2)
    #expect(sparkline("STM ", in: second)?.count == 1)
  }

  @Test func thePlotShowsNoMemoryAfterTheCurrentStep() {
    for actions: [Action] in [[.next], [.next, .toggleStages], [.next, .toggleStages, .next]] {
      let state = statQuest(actions, width: 100, height: 30)
      let lines = plainFrame(state).split(separator: "\n", omittingEmptySubsequences: false)
        .map { Array($0) }
      let axis = lines.first { $0.contains("┴") && $0.contains("└") }
      let current = axis?.firstIndex(of: "┴") ?? 0
      let heading = lines.firstIndex { $0.starts(with: "history") } ?? lines.count
      let marks = lines[(heading + 1)...].flatMap { line in
        line.indices.filter { "●○◉".contains(line[$0]) }
      }
      #expect(!marks.isEmpty)
      #expect(marks.allSatisfy { $0 <= current }, "\(actions): a memory after t = 2")
      let atCurrent = lines.filter { $0.indices.contains(current) && "●○◉".contains($0[current]) }
      let revealed = state.reveals(.output) ? 1 : state.reveals(.input) ? 1 : 0
      #expect(atCurrent.count >= revealed, "\(actions)")
      if !state.reveals(.input) { #expect(atCurrent.isEmpty, "\(actions): hidden LTM drawn") }
    }
  }

  @Test func eachInputSitsOnARowWhoseLabelIsTrue() throws {
    // Each row stands for the value of its label, give or take half the step between rows.
    let state = statQuest([.last], width: 100, height: 30)
    let lines = plainFrame(state).split(separator: "\n").map(String.init)
    let top = try #require(lines.firstIndex { $0.hasPrefix("input ") })
    let bottom = try #require(lines.firstIndex { $0.hasPrefix("memories") })
    let panel = Array(lines[top..<bottom])
    let labelled = panel.enumerated().compactMap { index, row -> (Int, Double)? in
      guard let bar = row.firstIndex(where: { "┤┼".contains($0) }) else { return nil }
      let words = row[..<bar].split(separator: " ")
      return words.last.flatMap { Double($0) }.map { (index, $0) }
    }
    #expect(labelled.count >= 2)
    let (first, last) = (try #require(labelled.first), try #require(labelled.last))
    let step = (first.1 - last.1) / Double(last.0 - first.0)
    var marks: [(column: Int, value: Double)] = []
    for (index, row) in panel.enumerated() {
      for (offset, character) in row.enumerated() where character == "◆" {
        marks.append((offset, first.1 - Double(index - first.0) * step))
      }
    }
    let inputs = (1...state.stepCount).map { state.run?.sequence.input(at: $0).first ?? .nan }
    let ordered = marks.sorted { $0.column < $1.column }
    #expect(ordered.count == inputs.count)
    for (mark, input) in zip(ordered, inputs) {
      #expect(abs(mark.value - input) <= step / 2 + 1e-12, "input \(input) on row \(mark.value)")
    }
  }

  @Test func aLongSequenceHeadingIsAWholeSentence() throws {
    let values = (0..<300).map { String(format: "%.2f", 0.5 + 0.5 * sin(Double($0) / 9)) }
    let lesson = try fixtureLesson(LessonSources(inputs: [values.joined(separator: ",")]))
    var state = State(lesson: lesson, width: 100, height: 30)
    reduce(&state, .next)
    let heading = try #require(
      frameText(state).split(separator: "\n").first { $0.hasPrefix("history") })
    #expect(heading.contains("300 steps"))
    #expect(heading.hasSuffix("range") || heading.hasSuffix("columns"), "\(heading)")
  }

  @Test func everyInputOfAVectorCellIsPlotted() throws {
    let state = State(lesson: try torch3x2Lesson(), width: 120, height: 40)
    let text = plainFrame(state)
    #expect(text.contains("◆ input 1") && text.contains("◇ input 2"))
    let lines = text.split(separator: "\n").map(String.init)
    let top = try #require(lines.firstIndex { $0.hasPrefix("input ") })
    let bottom = try #require(lines.firstIndex { $0.hasPrefix("memories") })
    let plotted = lines[top..<bottom].joined()
    // One mark per input per step; where both fall on one row, one ◈ stands for the two.
    let both = plotted.filter { $0 == "◈" }.count
    #expect(plotted.filter { $0 == "◇" }.count + both == state.stepCount)
    #expect(plotted.filter { $0 == "◆" }.count + both == state.stepCount)
  }
}
