import Foundation
import GoldenFixtures
import Testing

@testable import LSTMCore
@testable import LSTMFiles

@Suite struct GoldenTraceTests {
  @Test func statQuestLessonReproducesGoldenTrace() throws {
    let golden = try GoldenTrace.load("statquest.trace.json")
    let lesson = Lesson.statQuest
    #expect(golden.sequences.map(\.name) == lesson.sequences.map(\.name))
    for (sequence, expected) in zip(lesson.sequences, golden.sequences) {
      let run = SequenceRun(model: lesson.model, sequence: sequence)
      #expect(run.count == expected.steps.count)
      for (t, goldenStep) in zip(1..., expected.steps) {
        expectMatches(run.step(at: t), goldenStep)
      }
    }
  }

  @Test func streamingAndRecomputedStepsAgreeExactly() {
    let lesson = Lesson.statQuest
    let sequence = lesson.sequences[1]
    let run = SequenceRun(model: lesson.model, sequence: sequence)
    var streamed: [StepTrace] = []
    lesson.model.forEachStep(of: sequence) { streamed.append($0) }
    #expect(streamed == (1...sequence.count).map { run.step(at: $0) })
  }

  @Test func predictionsAreTheVideosNumbers() {
    let lesson = Lesson.statQuest
    let predictions = lesson.sequences.map {
      SequenceRun(model: lesson.model, sequence: $0).prediction[0]
    }
    #expect(abs(predictions[0] - 0.0064) < 0.00005)
    #expect(abs(predictions[1] - 0.9694) < 0.00005)
  }
}
