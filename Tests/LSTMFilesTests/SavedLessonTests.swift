import Foundation
import GoldenFixtures
import LessonFixtures
import Testing

@testable import LSTMCore
@testable import LSTMFiles

/// What edit mode saves loads back to exactly the same lesson: every Double unchanged, the
/// title, description, names, targets and twin too.
@Suite struct SavedLessonTests {
  /// `lesson` written as lesson JSON and read back.
  private func savedAndRead(_ lesson: Lesson) throws -> Lesson {
    try Lesson.decode(json: Array(LessonEncoding.json(for: lesson).utf8), file: "saved.json")
  }

  /// Whether `a` and `b` hold the same bits, number for number.
  private func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
  }

  @Test func theBuiltInLessonReadsBackTheSame() throws {
    #expect(try savedAndRead(.statQuest) == Lesson.statQuest)
  }

  @Test func anEditedSampleSavesAsItsOwnTextWithOnlyTheNumberChanged() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "Samples/long-memory.json")
    var lesson = try Lesson.decode(
      json: Array(try Data(contentsOf: url)), file: "long-memory.json")
    let original = LessonEncoding.json(for: lesson)
    try lesson.model.setWeight(-2, gate: .forget, part: .bias, row: 0)
    let edited = LessonEncoding.json(for: lesson)
    let changed = zip(original.split(separator: "\n"), edited.split(separator: "\n"))
      .filter { $0 != $1 }
    #expect(changed.count == 1)
    #expect(changed.first?.1.contains("\"bias\": -2") == true)
    #expect(try savedAndRead(lesson) == lesson)
  }

  @Test func aVectorLessonWithItsTwinReadsBackTheSame() throws {
    let lesson = try load(
      LessonSources(lesson: fixtureURL("vector-3x2.lesson.json").path),
      files: [
        fixtureURL("vector-3x2.lesson.json").path: try String(
          contentsOf: fixtureURL("vector-3x2.lesson.json"), encoding: .utf8)
      ])
    #expect(!lesson.model.isScalar && lesson.rnn != nil)
    let read = try savedAndRead(lesson)
    #expect(read == lesson)
    for gate in Gate.allCases {
      #expect(
        sameBits(
          read.model.gates[gate].stmWeights.storage, lesson.model.gates[gate].stmWeights.storage))
      #expect(sameBits(read.model.gates[gate].bias, lesson.model.gates[gate].bias))
    }
    #expect(sameBits(read.sequences[0].values, lesson.sequences[0].values))
  }

  @Test func everyDoubleReadsBackBitForBit() throws {
    var random = SplitMix(state: 13)
    var values: [Double] = [
      0.1, 1.62, -5, 1e-5, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e15, 123_456_789_012_345.6,
      9_007_199_254_740_992, 0.30000000000000004, -0.0,
    ]
    for _ in 0..<2000 {
      let bits = random.next()
      let value = Double(bitPattern: bits)
      if value.isFinite { values.append(value) }
    }
    let model = try LSTMModel(
      scalar: PerGate { gate in
        GateWeights(
          stmWeight: values[1], inputWeight: values[2], bias: gate == .forget ? -0.0 : 0.62)
      })
    let lesson = Lesson(
      title: "all the numbers", model: model,
      sequences: [InputSequence(name: "n", values: values, target: values[7])])
    let read = try savedAndRead(lesson)
    #expect(sameBits(read.sequences[0].values, values))
    #expect(read.sequences[0].target == [values[7]])
    #expect(read.model.gates.forget.bias[0].sign == .minus)
  }

  @Test func namesTitlesAndDescriptionsOfAnyTextReadBack() throws {
    let lesson = Lesson(
      title: "quotes \" and \\ back\nslash\ttab · ünïcödé 漢字 🙂", description: "a\u{01}b",
      model: Lesson.statQuest.model,
      sequences: [
        InputSequence(name: "\"A\"", values: [0, 0.5]),
        InputSequence(name: "", values: [1], target: 0.5),
      ], rnn: nil)
    #expect(try savedAndRead(lesson) == lesson)
  }

  @Test func theSameTraceAfterALongSequenceIsSaved() throws {
    let steps = 20_000
    let lesson = Lesson(
      title: "long", model: Lesson.statQuest.model,
      sequences: [
        InputSequence(name: "walk", values: (0..<steps).map { sin(Double($0) / 7) })
      ], rnn: Lesson.statQuest.rnn)
    let read = try savedAndRead(lesson)
    let (before, after) = (
      SequenceRun(model: lesson.model, sequence: lesson.sequences[0]),
      SequenceRun(model: read.model, sequence: read.sequences[0])
    )
    #expect(
      sameBits(before.stmValues, after.stmValues) && sameBits(before.ltmValues, after.ltmValues))
  }

  @Test func aComparedLessonMustRunTheSameSequences() throws {
    let lesson = Lesson.statQuest
    var other = lesson
    try other.model.setWeight(-2, gate: .forget, part: .bias, row: 0)
    other.sequences[1].name = "renamed"
    try lesson.checkComparable(other, file: "b.json")
    var shorter = lesson
    shorter.sequences[1] = InputSequence(name: "B", values: [1, 0.5, 0.25])
    #expect(throws: LessonError.self) { try lesson.checkComparable(shorter, file: "b.json") }
    do {
      try lesson.checkComparable(shorter, file: "b.json")
    } catch {
      #expect(
        error.description
          == "b.json: sequences[1] (\"B\"): has 3 steps, but the lesson's \"Company B\" has 4; "
          + "--compare needs a lesson on the same sequences through a cell of the same sizes")
    }
    var moved = lesson
    moved.sequences[0] = InputSequence(name: "A", values: [0, 0.5, 0.3, 1], target: 0)
    do {
      try lesson.checkComparable(moved, file: "b.json")
      Issue.record("different inputs were taken")
    } catch {
      #expect(error.location == "sequences[0] (\"A\").values[2]")
    }
    var fewer = lesson
    fewer.sequences.removeLast()
    #expect(throws: LessonError.self) { try lesson.checkComparable(fewer, file: "b.json") }
  }
}
