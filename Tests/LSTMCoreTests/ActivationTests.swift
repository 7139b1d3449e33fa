import Foundation
import Testing

@testable import LSTMCore

@Suite struct ActivationTests {
  @Test func sigmoidIsExactAtTheExtremes() {
    #expect(stableSigmoid(1000) == 1)
    #expect(stableSigmoid(-1000) == 0)
    #expect(stableSigmoid(0) == 0.5)
    #expect(stableSigmoid(1e-300) == 0.5)
    #expect(stableSigmoid(-1e-300) == 0.5)
    #expect(!stableSigmoid(710).isNaN)
    #expect(!stableSigmoid(-710).isNaN)
  }

  @Test func sigmoidMatchesTheSeedsFormulaWhereThatIsFinite() {
    for x in stride(from: -30.0, through: 30.0, by: 0.37) {
      let seed = Foundation.exp(x) / (Foundation.exp(x) + 1)
      #expect(abs(stableSigmoid(x) - seed) < 1e-15)
    }
  }

  @Test func tanhIsExactAtTheExtremes() {
    #expect(Activation.tanh(1000) == 1)
    #expect(Activation.tanh(-1000) == -1)
    #expect(Activation.tanh(0) == 0)
    #expect(Activation.tanh(1e-300) == 1e-300)
    #expect(Activation.tanh(-1e-300) == -1e-300)
  }

  @Test func gatesUseTheSeedsActivations() {
    #expect(Gate.forget.activation == .sigmoid)
    #expect(Gate.input.activation == .sigmoid)
    #expect(Gate.candidate.activation == .tanh)
    #expect(Gate.output.activation == .sigmoid)
  }
}
