import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// Where they fit, a vector cell's boxes show the selected unit's rows of U and W, so that a
/// student can check which row each sum was taken over.
@Suite struct VectorWeightsTests {
  /// `(a, b, c)` as the screen writes a row of weights.
  private func written(_ values: [Double], precision: Int = 4) -> String {
    "(" + values.map { NumberFormatting.fixed($0, precision: precision) }.joined(separator: ", ")
      + ")"
  }

  @Test(arguments: [(120, 40), (160, 50)])
  func eachGateShowsTheSelectedUnitsRows(size: (Int, Int)) throws {
    var state = State(lesson: try torch3x2Lesson(), width: size.0, height: size.1)
    for action in [Action.next, .nextUnit] { reduce(&state, action) }
    let model = try #require(state.run?.model)
    let text = frameText(state)
    #expect(text.contains("x = STM·U₂ + input·W₂ + b₂"))
    for gate in Gate.allCases {
      let weights = model.gates[gate]
      let u = (0..<weights.stmWeights.columns).map { weights.stmWeights[1, $0] }
      let w = (0..<weights.inputWeights.columns).map { weights.inputWeights[1, $0] }
      #expect(text.contains("U₂ = " + written(u)), "\(gate) at \(size)")
      #expect(text.contains("W₂ = " + written(w)), "\(gate) at \(size)")
      // Another unit's row is not the one shown.
      let other = (0..<weights.stmWeights.columns).map { weights.stmWeights[0, $0] }
      #expect(!text.contains("U₂ = " + written(other)))
    }
  }

  @Test func theRowsFollowTheUnit() throws {
    var state = State(lesson: try torch3x2Lesson(), width: 120, height: 40)
    reduce(&state, .nextUnit)
    reduce(&state, .nextUnit)
    let text = frameText(state)
    #expect(text.contains("x = STM·U₃ + input·W₃ + b₃") && text.contains("U₃ = ("))
    #expect(!text.contains("U₂ = ("))
  }

  @Test func aScalarCellKeepsItsWeightsInItsTerms() {
    let text = frameText(statQuest([.next], width: 120, height: 40))
    #expect(!text.contains("U₁") && text.contains("x = STM·w + input·w + b"))
  }
}
