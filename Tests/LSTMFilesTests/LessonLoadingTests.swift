import Foundation
import GoldenFixtures
import LessonFixtures
import Testing

@testable import LSTMCore
@testable import LSTMFiles

let torch3x2 = try? String(
  contentsOfFile: fixtureURL("torch-3x2.state_dict.json").path, encoding: .utf8)

@Suite struct LessonLoadingTests {
  @Test func builtInLessonIsTheSampleFileWordForWord() throws {
    let root = fixtureURL("").deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let sample = try String(
      contentsOf: root.appendingPathComponent("Samples/statquest.json"), encoding: .utf8)
    let golden = try String(contentsOf: fixtureURL("statquest.lesson.json"), encoding: .utf8)
    #expect(Lesson.statQuestJSON == sample)
    #expect(Lesson.statQuestJSON == golden)
    #expect(Lesson.statQuest.sequences.map(\.name) == ["Company A", "Company B"])
    #expect(Lesson.statQuest.model.gates.output.inputWeights[0, 0] == -0.19)
  }

  @Test func noSourcesIsTheBuiltInLesson() throws {
    #expect(try load(LessonSources(), files: [:]) == Lesson.statQuest)
  }

  @Test func stateDictGateBlocksAreInPyTorchOrderAndBiasesAdd() throws {
    let text = """
      {"weight_ih_l0": [[1], [2], [3], [4]], "weight_hh_l0": [[5], [6], [7], [8]],
       "bias_ih_l0": [0.5, 0.5, 0.5, 0.5], "bias_hh_l0": [1, 2, 3, 4]}
      """
    let lesson = try load(LessonSources(model: "m.json"), files: ["m.json": text])
    let gates = lesson.model.gates
    #expect(gates.input.inputWeights[0, 0] == 1)
    #expect(gates.forget.inputWeights[0, 0] == 2)
    #expect(gates.candidate.stmWeights[0, 0] == 7)
    #expect(gates.output.bias == [4.5])
    #expect(lesson.title == "m.json")
    #expect(lesson.sequences.map(\.name) == ["Company A", "Company B"])
  }

  @Test func layerPicksAStateDictLayer() throws {
    let text = """
      {"lstm.weight_ih_l0": [[1], [2], [3], [4]], "lstm.weight_hh_l0": [[5], [6], [7], [8]],
       "lstm.weight_ih_l1": [[9], [9], [9], [9]], "lstm.weight_hh_l1": [[1], [1], [1], [1]],
       "head.weight": [[1]]}
      """
    let lesson = try load(LessonSources(model: "m.json", layer: 1), files: ["m.json": text])
    #expect(lesson.model.gates.forget.inputWeights[0, 0] == 9)
    #expect(lesson.model.gates.forget.bias == [0])
  }

  @Test func vectorLessonReadsListsOfInputs() throws {
    let model = try #require(torch3x2)
    let lesson = """
      {"title": "v", "model": \(model),
       "sequences": [{"name": "s", "values": [[1, 2], [3, 4]], "target": [0, 0, 1]}]}
      """
    let loaded = try load(LessonSources(lesson: "l.json"), files: ["l.json": lesson])
    #expect(loaded.model.inputSize == 2)
    #expect(loaded.model.hiddenSize == 3)
    #expect(loaded.sequences[0].values == [1, 2, 3, 4])
    #expect(loaded.sequences[0].target == [0, 0, 1])
  }

  @Test func sequencesAndInputsReplaceTheLessonsSequencesInOrder() throws {
    let files = ["s.csv": "x\n1\n2\n", "l.json": Lesson.statQuestJSON]
    let lesson = try load(
      LessonSources(lesson: "l.json", sequences: "s.csv", inputs: ["3, 4", "5"]), files: files)
    #expect(lesson.sequences.map(\.name) == ["x", "--input 1", "--input 2"])
    #expect(lesson.sequences.map(\.values) == [[1, 2], [3, 4], [5]])
    #expect(lesson.title == Lesson.statQuest.title)
  }

  @Test func inputSequencesAreNamedAfterTheOptionNotLikeATracesInputRow() throws {
    let model = """
      {"weight_ih_l0": [[1, 2], [1, 2], [1, 2], [1, 2]], "weight_hh_l0": [[1], [1], [1], [1]]}
      """
    let lesson = try load(
      LessonSources(model: "m.json", inputs: ["0,1; 1,0", "1,1"]), files: ["m.json": model])
    #expect(lesson.sequences.map(\.name) == ["--input 1", "--input 2"])
  }

  @Test func theBuiltInDescriptionGoesWithTheBuiltInSequences() throws {
    let kept = try load(LessonSources(), files: [:])
    #expect(kept.description == Lesson.statQuest.description)
    let replaced = try load(LessonSources(inputs: ["1,2"]), files: [:])
    #expect(replaced.description == nil)
    let fromFile = try load(LessonSources(sequences: "s.csv"), files: ["s.csv": "x\n1\n"])
    #expect(fromFile.description == nil)
    #expect(fromFile.title == Lesson.statQuest.title)
    // A lesson file's own description stays: it may be about its model.
    let described = Lesson.statQuestJSON.replacingOccurrences(
      of: "Two companies' stock prices over four days.", with: "Mine.")
    let own = try load(
      LessonSources(lesson: "l.json", inputs: ["1"]), files: ["l.json": described])
    #expect(own.description?.hasPrefix("Mine.") == true)
  }

  @Test func aModelFileThatIsALessonBringsItsSequencesWhenAlone() throws {
    let other = Lesson.statQuestJSON.replacingOccurrences(of: "Company A", with: "Firm X")
    let alone = try load(LessonSources(model: "o.json"), files: ["o.json": other])
    #expect(alone.sequences[0].name == "Firm X")
    let withLesson = try load(
      LessonSources(lesson: "l.json", model: "o.json"),
      files: ["o.json": other, "l.json": Lesson.statQuestJSON])
    #expect(withLesson.sequences[0].name == "Company A")
  }

  @Test func errorsNameTheFileAndWhere() {
    let csv = loadError(LessonSources(sequences: "s.csv"), files: ["s.csv": "a,b\n1,2\n3,?\n"])
    #expect(csv?.description == #"s.csv: line 3, column 2 ("b"): "?" is not a number"#)
    let wide = loadError(
      LessonSources(model: "m.json", inputs: ["1,2,3"]), files: ["m.json": torch3x2 ?? ""])
    #expect(
      wide?.description.hasPrefix(#"--input "1,2,3": the model takes 2 numbers per step"#) == true)
    let layer = loadError(LessonSources(layer: 1), files: [:])
    #expect(layer?.message.contains("--layer 1") == true)
  }
}
