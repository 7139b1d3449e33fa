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

  @Test(arguments: [6, 8])
  func moreDecimalsStillFit(precision: Int) throws {
    check(.statQuest, precision: precision)
    check(try torch3x2Lesson(), precision: precision)
  }
}

/// A small deterministic random number generator, so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct RandomFrameTests {
  static let actions: [Action] = [
    .next, .previous, .first, .last, .nextSequence, .previousSequence, .toggleStages,
    .togglePlay, .tick, .faster, .slower, .nextUnit, .previousUnit, .toggleHelp, .closeHelp,
    .setStatus("recording stopped: disk full"), .setStatus(nil),
  ]

  @Test(arguments: [1, 2, 3])
  func randomSessionsNeverDrawOutsideTheFrame(seed: UInt64) throws {
    var random = SplitMix(state: seed)
    let lessons = [Lesson.statQuest, try torch3x2Lesson()]
    for session in 0..<40 {
      var state = State(
        lesson: lessons[session % 2], width: Int.random(in: 0...200, using: &random),
        height: Int.random(in: 0...70, using: &random),
        precision: Int.random(in: 0...8, using: &random))
      for _ in 0..<12 {
        if Int.random(in: 0..<6, using: &random) == 0 {
          reduce(
            &state,
            .resize(
              width: Int.random(in: -5...220, using: &random),
              height: Int.random(in: -5...80, using: &random)))
        } else {
          reduce(&state, RandomFrameTests.actions.randomElement(using: &random) ?? .next)
        }
        let canvas = Screen.render(state)
        #expect(canvas.lines.count == state.height)
        #expect(canvas.lines.allSatisfy { $0.count <= state.width })
        #expect((1...max(state.stepCount, 1)).contains(state.t))
        #expect((0..<state.hiddenSize).contains(state.unit))
      }
    }
  }
}
