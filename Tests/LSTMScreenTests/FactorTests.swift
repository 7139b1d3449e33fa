import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// Negative factors are written in parentheses, as a calculator needs them; a negative term's
/// sign is folded into its operator.
@Suite struct FactorTests {
  /// The StatQuest model with Company A's second input replaced by a large negative number.
  private static func negativeInput() -> State {
    let sequence = InputSequence(name: "negative", values: [0.5, -98765.4321])
    let lesson = Lesson(title: "negative", model: Lesson.statQuest.model, sequences: [sequence])
    var state = State(lesson: lesson, width: 80, height: 24)
    reduce(&state, .next)
    return state
  }

  /// Every frame size the layouts change at.
  private static let sizes = [(80, 24), (100, 30), (120, 40)]

  @Test func aNegativeWeightIsInParentheses() {
    for (width, height) in FactorTests.sizes {
      let text = frameText(statQuest([.next], width: width, height: height))
      #expect(text.contains("0.5000·(-0.19)"), "\(width)×\(height)")
      #expect(!text.contains("·-"), "\(width)×\(height)")
    }
  }

  @Test func aNegativeInputIsInParenthesesAndABiasKeepsItsMinus() {
    for (width, height) in FactorTests.sizes {
      var state = FactorTests.negativeInput()
      reduce(&state, .resize(width: width, height: height))
      let text = frameText(state)
      #expect(text.contains("(-98765.4321)·1.63"), "\(width)×\(height)")
      #expect(!text.contains("+ -") && !text.contains("- -"), "\(width)×\(height)")
      #expect(text.contains("- 0.32"), "\(width)×\(height)")
    }
  }

  @Test func aNegativeSecondFactorOfAProductIsInParentheses() {
    // Company A, t = 2: the LTM before it is -0.2012.
    for (width, height) in FactorTests.sizes {
      let text = frameText(statQuest([.next], width: width, height: height))
      #expect(text.contains("0.8899 × (-0.2012)"), "\(width)×\(height)")
      #expect(!text.contains("× -"), "\(width)×\(height)")
    }
  }

  @Test func aLeadingNegativeFactorStaysAsItIs() {
    let text = frameText(statQuest([.next], width: 100, height: 30))
    #expect(text.contains("x = -0.1278·2.70"))
  }
}
