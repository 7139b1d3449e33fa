import Foundation
import GoldenFixtures
import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

@Suite struct ScreenTests {
  @Test func everyNumberOfEveryStepIsTheGoldenTracesFormatted() throws {
    let data = try Data(contentsOf: fixtureURL("statquest.trace.json"))
    let golden = try JSONDecoder().decode(GoldenTrace.self, from: data)
    for (index, sequence) in golden.sequences.enumerated() {
      for step in sequence.steps {
        var actions = Array(repeating: Action.nextSequence, count: index)
        actions += Array(repeating: .next, count: step.t - 1)
        let text = frameText(statQuest(actions))
        let values =
          [step.input, step.stmIn, step.ltmIn, step.ltmRemembered, step.ltmAdded, step.ltm]
          + [step.stmPotential, step.stm] + step.gates.values.flatMap { [$0.x, $0.value] }
        for value in values.flatMap({ $0 }) {
          let shown = NumberFormatting.fixed(value, precision: 4)
          #expect(text.contains(shown), "\(sequence.name) t = \(step.t): \(shown) missing")
        }
        #expect(text.contains("\(sequence.name) (\(index + 1)/2)"))
        #expect(text.contains("t = \(step.t) / 4"))
      }
    }
  }

  @Test func aVectorFrameShowsTheGoldenNumbersOfTheSelectedUnit() throws {
    let data = try Data(contentsOf: fixtureURL("torch-3x2.trace.json"))
    let golden = try JSONDecoder().decode(GoldenTrace.self, from: data)
    let lesson = try torch3x2Lesson()
    for step in golden.sequences[0].steps {
      for unit in 0..<3 {
        var state = State(lesson: lesson, width: 100, height: 30)
        for _ in 1..<step.t { reduce(&state, .next) }
        for _ in 0..<unit { reduce(&state, .nextUnit) }
        let text = frameText(state)
        #expect(text.contains("unit \(unit + 1) / 3"))
        var values = [step.ltmIn[unit], step.stmIn[unit], step.ltmRemembered[unit]]
        values += [step.ltmAdded[unit], step.ltm[unit], step.stmPotential[unit], step.stm[unit]]
        values += step.gates.values.flatMap { [$0.x[unit], $0.value[unit]] }
        values += step.ltm + step.stm + step.input
        for value in values {
          let shown = NumberFormatting.fixed(value, precision: 4)
          #expect(text.contains(shown), "t = \(step.t) unit \(unit + 1): \(shown) missing")
        }
      }
    }
  }

  @Test func manyInputsAreCutToFitTheTitleLine() throws {
    let m = 20
    let gates = PerGate { _ in
      GateWeights(
        stmWeights: Matrix([[0.5, 0], [0, 0.5]]),
        inputWeights: Matrix(Array(repeating: Array(repeating: 0.1, count: m), count: 2)),
        bias: [0, 0])
    }
    let model = try LSTMModel(inputSize: m, hiddenSize: 2, gates: gates)
    let sequence = InputSequence(
      name: "wide", inputSize: m, values: (0..<(3 * m)).map { Double($0) / 10 })
    let lesson = Lesson(title: "twenty inputs", model: model, sequences: [sequence])
    let title = Screen.render(State(lesson: lesson, width: 80, height: 24)).lines[0]
    #expect(title.count <= 80)
    #expect(title.contains("t = 1 / 3"))
    #expect(title.contains("input (0.0000, 0.1000,"))
    #expect(title.hasSuffix(", …)"))
  }

  @Test func aLongSequenceNameIsCutSoTheStepStillShows() {
    let name = String(repeating: "a very long sequence name ", count: 6)
    let lesson = Lesson(
      title: "long names", model: Lesson.statQuest.model,
      sequences: [InputSequence(name: name, values: [1, 2])])
    let title = Screen.render(State(lesson: lesson, width: 80, height: 24)).lines[0]
    #expect(title.count <= 80)
    #expect(title.contains("…"))
    #expect(title.contains("t = 1 / 2"))
    #expect(title.hasSuffix("input 1.0000"))
  }

  @Test func theLastStepShowsThePredictionAndTarget() {
    let text = frameText(statQuest([.last]))
    #expect(text.contains("sequence ended"))
    #expect(text.contains("prediction"))
    #expect(text.contains("0.0064"))
    #expect(text.contains("target"))
    let b = frameText(statQuest([.nextSequence, .last]))
    #expect(b.contains("0.9694"))
    #expect(!frameText(statQuest([.next])).contains("sequence ended"))
  }

  @Test func precisionChangesEveryNumber() {
    let text = frameText(statQuest([.next], precision: 2))
    #expect(text.contains("-0.20"))
    #expect(!text.contains("-0.2012"))
  }

  @Test func tooSmallSaysSoAndHowToQuit() {
    for (width, height) in [(79, 24), (80, 23), (40, 10), (20, 5)] {
      let text = frameText(statQuest(width: width, height: height))
      #expect(text.contains("too small"), "\(width)×\(height)")
      #expect(text.contains("q quits"), "\(width)×\(height)")
    }
    #expect(frameText(statQuest(width: 60, height: 20)).contains("need 80×24, have 60×20"))
  }

  @Test func stageModeHidesWhatIsNotYetRevealed() {
    let forget = frameText(statQuest([.next, .toggleStages]))
    #expect(forget.contains("0.8899"))
    #expect(!forget.contains("0.7666"))
    #expect(!forget.contains("-0.0965"))
    let input = frameText(statQuest([.next, .toggleStages, .next]))
    #expect(input.contains("0.7666") && input.contains("-0.2022"))
    #expect(!input.contains("0.4839"))
    let output = frameText(statQuest([.next, .toggleStages, .next, .next]))
    #expect(output.contains("0.4839") && output.contains("-0.0965"))
  }

  @Test func helpListsTheKeys() {
    let text = frameText(statQuest([.toggleHelp]))
    for key in ["Home", "End", "space", "stage mode", "quit"] {
      #expect(text.contains(key), "\(key)")
    }
  }

  @Test func theStatusMessageShows() {
    let text = frameText(statQuest([.setStatus("recording stopped: disk full")]))
    #expect(text.contains("recording stopped: disk full"))
  }

  @Test(arguments: [(120, 40), (160, 50), (200, 60)])
  func theMemoryLinesEndInTheirValueAndAWholeName(size: (Int, Int)) {
    let text = frameText(statQuest([.next], width: size.0, height: size.1, precision: 8))
    for line in text.split(separator: "\n") where line.contains("━▶") || line.contains("┳▶") {
      let tail = line[(line.range(of: "▶")?.upperBound ?? line.endIndex)...]
      let words = tail.split(separator: " ")
      #expect(
        words.count == 1 || words.dropFirst().joined(separator: " ").hasPrefix("new "), "\(line)")
      #expect(
        words.count == 1
          || ["new LTM", "new STM"].contains(words.dropFirst().joined(separator: " ")), "\(line)")
    }
  }

  @Test(arguments: [4, 8, 12])
  func aHiddenStageShowsNoneOfItsNumbers(precision: Int) throws {
    let state = statQuest([.next, .toggleStages], precision: precision)
    let step = try #require(state.step)
    let text = frameText(state)
    for gate in [Gate.input, .candidate, .output] {
      let value = NumberFormatting.fixed(step.gates[gate].value[0], precision: precision)
      #expect(!text.contains(value), "\(gate) = \(value) shows before its stage")
    }
  }
}
