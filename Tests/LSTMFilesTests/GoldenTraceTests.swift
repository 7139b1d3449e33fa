import Foundation
import GoldenFixtures
import Testing

@testable import LSTMCore
@testable import LSTMFiles

func expectClose(
  _ actual: [Double], _ expected: [Double], _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(what) size", sourceLocation: sourceLocation)
  for (a, e) in zip(actual, expected) {
    #expect(abs(a - e) <= 1e-9, "\(what): \(a) vs \(e)", sourceLocation: sourceLocation)
  }
}

func expectMatches(
  _ step: StepTrace, _ golden: GoldenTrace.Step, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(step.t == golden.t, sourceLocation: sourceLocation)
  expectClose(step.input, golden.input, "input", sourceLocation: sourceLocation)
  expectClose(step.stmIn, golden.stmIn, "stmIn", sourceLocation: sourceLocation)
  expectClose(step.ltmIn, golden.ltmIn, "ltmIn", sourceLocation: sourceLocation)
  for gate in Gate.allCases {
    let expected = golden.gates[gate.rawValue]
    #expect(expected != nil, "golden has \(gate)", sourceLocation: sourceLocation)
    guard let expected else { continue }
    expectClose(step.gates[gate].x, expected.x, "\(gate).x", sourceLocation: sourceLocation)
    expectClose(
      step.gates[gate].value, expected.value, "\(gate).value", sourceLocation: sourceLocation)
  }
  expectClose(
    step.ltmRemembered, golden.ltmRemembered, "ltmRemembered", sourceLocation: sourceLocation)
  expectClose(step.ltmAdded, golden.ltmAdded, "ltmAdded", sourceLocation: sourceLocation)
  expectClose(step.ltm, golden.ltm, "ltm", sourceLocation: sourceLocation)
  expectClose(
    step.stmPotential, golden.stmPotential, "stmPotential", sourceLocation: sourceLocation)
  expectClose(step.stm, golden.stm, "stm", sourceLocation: sourceLocation)
}

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
