import LSTMCore
import LSTMFiles
import Testing

@testable import LSTMViewModel

@Suite struct GradientHistoryTests {
  @Test func aShortSequenceKeepsEveryStepsMagnitude() {
    let run = SequenceRun(model: Lesson.statQuest.model, sequence: Lesson.statQuest.sequences[0])
    let gradients = run.gradients(of: .prediction(unit: 0))
    let history = GradientHistory(lstm: gradients, twin: nil)
    #expect(history.buckets == 4 && !history.isNorm && history.twinSTM == nil)
    #expect(history.ltm.last == (1...4).map { abs(gradients.ltm(after: $0, unit: 0)) })
    #expect(history.stm.last == (1...4).map { abs(gradients.stm(after: $0, unit: 0)) })
    #expect(history.stm.largest == 1)
  }

  @Test func aLongSequenceIsDownsampledWithItsExtremes() {
    let values = (0..<100_000).map { Double($0 % 5) / 5 }
    let run = SequenceRun(
      model: Lesson.statQuest.model, sequence: InputSequence(name: "long", values: values))
    let twinModel = RNNModel(stmWeight: 1.89, inputWeight: 2.29, bias: -0.70)
    let twin = RNNRun(model: twinModel, sequence: run.sequence).gradients(of: .prediction())
    let gradients = run.gradients(of: .prediction())
    let history = GradientHistory(lstm: gradients, twin: twin)
    #expect(history.buckets == History.bucketCount)
    let magnitudes = (1...100_000).map { abs(gradients.ltm(after: $0, unit: 0)) }
    #expect(history.ltm.largest == magnitudes.max())
    #expect(history.ltm.smallestNonzero == magnitudes.filter { $0 > 0 }.min())
    #expect(history.ltm.high.max() == magnitudes.max())
    #expect(history.ltm.last.last == magnitudes.last)
    // The twin's gradient vanishes long before the start: it underflows to exactly 0.
    #expect(history.twinSTM?.low.first == 0)
  }

  @Test func aVectorCellKeepsNormsThatDoNotUnderflow() throws {
    let values: [Double] = [3e-200, -4e-200, 0]
    let norm = values.withUnsafeBufferPointer {
      GradientHistory.magnitude($0, from: 0, count: 3)
    }
    #expect(abs(norm - 5e-200) <= 1e-214)
  }
}
