import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMTerminal

/// Every frame fits its size, and from 80×24 up loses none of the step's results.
@Suite struct FitTests {
  static let sizes: [(Int, Int)] = [
    (0, 0), (1, 1), (5, 3), (40, 12), (79, 24), (80, 23), (80, 24), (81, 25), (90, 27),
    (99, 29), (100, 30), (110, 35), (119, 39), (120, 40), (160, 50), (250, 80),
  ]

  static let journeys: [[Action]] = [
    [], [.next], [.last], [.nextSequence, .last], [.toggleStages], [.next, .toggleStages, .next],
    [.toggleHelp], [.setStatus("recording stopped: the disk is full")], [.togglePlay, .tick],
    [.nextUnit, .nextUnit, .next], [.last, .nextUnit, .toggleStages, .previous],
  ]

  private func check(_ lesson: Lesson, precision: Int = 4) {
    for (width, height) in FitTests.sizes {
      for journey in FitTests.journeys {
        var state = State(lesson: lesson, width: width, height: height, precision: precision)
        for action in journey { reduce(&state, action) }
        let canvas = Screen.render(state)
        #expect(canvas.width == width && canvas.height == height)
        #expect(canvas.lines.count == height)
        #expect(canvas.lines.allSatisfy { $0.count <= width }, "\(width)×\(height) \(journey)")
        guard width >= 80, height >= 24, !state.isShowingHelp, let step = state.step else {
          continue
        }
        let text = canvas.lines.joined(separator: "\n")
        let unit = state.unit
        let stageOf: [Gate: Stage] = [
          .forget: .forget, .input: .input, .candidate: .input, .output: .output,
        ]
        var results = [step.ltmRemembered[unit], step.ltmIn[unit], step.stmIn[unit]]
        for gate in Gate.allCases where state.reveals(stageOf[gate] ?? .output) {
          results += [step.gates[gate].x[unit], step.gates[gate].value[unit]]
        }
        if state.reveals(.input) { results.append(step.ltm[unit]) }
        if state.reveals(.output) { results.append(step.stm[unit]) }
        for value in results {
          let shown = NumberFormatting.fixed(value, precision: precision)
          #expect(text.contains(shown), "\(width)×\(height) \(journey): \(shown) lost")
        }
        #expect(text.contains("t = \(state.t) / \(state.stepCount)"))
        #expect(canvas.lines.last?.contains("q quit") == true, "\(width)×\(height) \(journey)")
      }
    }
  }

  @Test func theScalarLessonFitsEverySize() {
    check(.statQuest)
  }

  @Test func theVectorLessonFitsEverySize() throws {
    check(try torch3x2Lesson())
  }

  @Test func moreDecimalsStillFit() {
    check(.statQuest, precision: 6)
  }
}
