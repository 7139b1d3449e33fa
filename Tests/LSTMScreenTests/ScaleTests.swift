import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// A million-step sequence costs the same per frame as a short one: the frame reads one
/// recomputed step and the history's fixed number of buckets, never the whole sequence.
@Suite struct ScaleTests {
  static let long: State = {
    let values = (0..<1_000_000).map { Double(($0 * 37) % 101) / 100 }
    let lesson = Lesson(
      title: "a million days", model: Lesson.statQuest.model,
      sequences: [InputSequence(name: "long", values: values)])
    return State(lesson: lesson, width: 120, height: 40)
  }()

  @Test func theHistoryIsDownsampledOnceToAFixedSize() {
    let state = ScaleTests.long
    #expect(state.history?.buckets == History.bucketCount)
    #expect(state.history?.input.first?.last.count == History.bucketCount)
    let short = statQuest(width: 120, height: 40)
    #expect(short.history?.buckets == 4)
  }

  @Test func aFrameDeepInALongSequenceShowsThatStep() throws {
    var state = ScaleTests.long
    for _ in 0..<3 { reduce(&state, .next) }
    reduce(&state, .last)
    reduce(&state, .previous)
    #expect(state.t == 999_999)
    let step = try #require(state.step)
    let text = frameText(state)
    #expect(text.contains("t = 999999 / 1000000"))
    for value in [step.ltm[0], step.stm[0], step.gates.forget.x[0], step.ltmIn[0]] {
      #expect(text.contains(NumberFormatting.fixed(value)))
    }
    #expect(text.contains("▲ t = 999999"))
  }

  @Test func everySizeOfALongSequenceFits() {
    for (width, height) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
      var state = ScaleTests.long
      reduce(&state, .resize(width: width, height: height))
      reduce(&state, .last)
      let canvas = Screen.render(state)
      #expect(canvas.lines.count == height)
      #expect(canvas.lines.allSatisfy { $0.count <= width })
      #expect(canvas.lines.joined().contains("sequence ended"))
    }
  }
}
