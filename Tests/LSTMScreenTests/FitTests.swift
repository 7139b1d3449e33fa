import Foundation
import GoldenFixtures
import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

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
        let cut = cutNumbers(in: canvas.lines, state: state, step: step)
        #expect(cut.isEmpty, "\(width)×\(height) \(journey) precision \(precision): \(cut)")
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

  /// From 100 columns the σ and tanh curves stand beside the stacked stages, for a vector cell
  /// too: its formulas drop their labels (`STM·U (…)`) to make room, as the heading names the
  /// terms.
  @Test func theCurvesShowFrom100ColumnsForEveryCell() throws {
    for lesson in [Lesson.statQuest, try torch3x2Lesson()] {
      for (width, height, curves) in [(99, 30, false), (100, 30, true), (110, 35, true)] {
        let canvas = Screen.render(State(lesson: lesson, width: width, height: height))
        let text = canvas.lines.joined(separator: "\n")
        #expect(text.contains("tanh(x), tanh(c)") == curves, "\(lesson.title) \(width)×\(height)")
      }
    }
  }

  @Test(arguments: [6, 8])
  func moreDecimalsStillFit(precision: Int) throws {
    check(.statQuest, precision: precision)
    check(try torch3x2Lesson(), precision: precision)
    check(try torch1x1Lesson(), precision: precision)
  }

  /// A number is never cut at the frame's edge or by an ellipsis, whatever the precision: a
  /// value appearing complete elsewhere in the frame (the forget gate's value also stands in
  /// `remembered LTM = f × LTM`) does not excuse a cut one.
  @Test(arguments: Array(0...12))
  func noNumberIsCutAtAnyPrecision(precision: Int) throws {
    let lessons = [
      Lesson.statQuest, try torch1x1Lesson(), try fineWeights1x1Lesson(), try torch3x2Lesson(),
    ]
    for lesson in lessons {
      for (width, height) in [(80, 24), (100, 30), (120, 40), (160, 50), (200, 60)] {
        for journey in FitTests.journeys where !journey.contains(.toggleHelp) {
          var state = State(lesson: lesson, width: width, height: height, precision: precision)
          for action in journey { reduce(&state, action) }
          guard let step = state.step else { continue }
          let cut = cutNumbers(in: Screen.render(state).lines, state: state, step: step)
          #expect(cut.isEmpty, "\(lesson.title) \(width)×\(height) \(journey): \(cut)")
        }
      }
    }
  }

  /// Lines where a number of the step is cut: a line ending in `=`, a number followed by `…`,
  /// a line ending in the beginning of a value, or a gate's value (`f = σ(x) = 0.8949`) that
  /// is not the whole of it.
  private func cutNumbers(in lines: [String], state: State, step: StepTrace) -> [String] {
    let unit = state.unit
    let gateValues = Dictionary(
      uniqueKeysWithValues: Gate.allCases.map { gate in
        (
          gate.symbol,
          NumberFormatting.fixed(step.gates[gate].value[unit], precision: state.precision)
        )
      })
    var values =
      Array(gateValues.values)
      + step.input.map { NumberFormatting.fixed($0, precision: state.precision) }
    for gate in Gate.allCases {
      values.append(NumberFormatting.fixed(step.gates[gate].x[unit], precision: state.precision))
    }
    for value in [
      step.ltmIn[unit], step.stmIn[unit], step.ltmRemembered[unit], step.ltmAdded[unit],
      step.ltm[unit],
      step.stmPotential[unit], step.stm[unit],
    ] { values.append(NumberFormatting.fixed(value, precision: state.precision)) }
    // The weights as the terms show them (a bias's sign folded into its operator).
    var known = Set(values)
    if let model = state.run?.model, model.isScalar {
      let numbers = NumberStyle(precision: state.precision, model: model)
      for gate in Gate.allCases {
        let weights = model.gates[gate]
        for weight in weights.stmWeights.storage + weights.inputWeights.storage + weights.bias {
          known.insert(numbers.weight(weight))
          known.insert(numbers.weight(abs(weight)))
        }
      }
    }
    var cut: [String] = []
    let text = lines.joined(separator: "\n")
    for gate in Gate.allCases where state.reveals(gate.stage) {
      let x = NumberFormatting.fixed(step.gates[gate].x[unit], precision: state.precision)
      if !text.contains(x) { cut.append("x of \(gate) (\(x)) missing") }
    }
    let endValue = /(?:=|\(|[+·-]) *(-?[0-9]+\.[0-9]+)$/
    let ellipsis = /(?:^|[ (=])-?[0-9]+\.[0-9]*…|\(-?[0-9]+…/
    let gateValue =
      /(?:^|[^A-Za-z])([fgio]) = (?:(?:σ|tanh)\(x\) = )? *(-?[0-9]+(?:\.[0-9]+)?)(?![0-9.]| ×)/
    for line in lines {
      let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: " │"))
      if trimmed.hasSuffix("=") || line.contains(ellipsis) { cut.append(line) }
      if let last = trimmed.firstMatch(of: endValue) {
        let token = String(last.output.1)
        if !known.contains(token), known.contains(where: { $0.hasPrefix(token) }) {
          cut.append(line)
        }
      }
      for match in line.matches(of: gateValue) {
        if let full = gateValues[String(match.output.1)], full != String(match.output.2) {
          cut.append(line)
        }
      }
    }
    return cut
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
        precision: Int.random(in: 0...12, using: &random))
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
