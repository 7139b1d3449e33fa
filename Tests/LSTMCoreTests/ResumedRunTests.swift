import Foundation
import Testing

@testable import LSTMCore

/// A run that keeps the memories of an earlier run's first steps and runs on from there is bit
/// for bit a run from zero: what an edit of one step's input relies on.
@Suite struct ResumedRunTests {
  /// `sequence` with step `t`'s inputs replaced by `inputs`.
  private func changing(_ sequence: InputSequence, at t: Int, to inputs: [Double]) -> InputSequence
  {
    var values = sequence.values
    values.replaceSubrange((t - 1) * sequence.inputSize..<t * sequence.inputSize, with: inputs)
    return InputSequence(name: sequence.name, inputSize: sequence.inputSize, values: values)
  }

  @Test(arguments: [0, 1, 7, 19, 20])
  func aScalarRunKeepingItsFirstStepsIsARunFromZero(kept: Int) throws {
    let model = try statQuestModel()
    let sequence = InputSequence(name: "s", values: (0..<20).map { Double($0 % 5) / 4 })
    let earlier = SequenceRun(model: model, sequence: sequence)
    // The first step after those kept changes (none, when every step is kept).
    let changed = kept < 20 ? changing(sequence, at: kept + 1, to: [0.9]) : sequence
    let resumed = SequenceRun(model: model, sequence: changed, keeping: kept, of: earlier)
    let fresh = SequenceRun(model: model, sequence: changed)
    #expect(resumed == fresh)
    #expect(resumed.stmValues.elementsEqual(fresh.stmValues) { $0.bitPattern == $1.bitPattern })
  }

  @Test(arguments: [0, 2, 5])
  func aVectorRunKeepingItsFirstStepsIsARunFromZero(kept: Int) throws {
    let model = try vectorModel()
    let sequence = InputSequence(
      name: "v", inputSize: 2, values: (0..<12).map { sin(Double($0)) })
    let earlier = SequenceRun(model: model, sequence: sequence)
    let changed = changing(sequence, at: kept + 1, to: [0.9, -0.3])
    let resumed = SequenceRun(model: model, sequence: changed, keeping: kept, of: earlier)
    #expect(resumed == SequenceRun(model: model, sequence: changed))
    #expect(
      resumed.ltmValues.elementsEqual(SequenceRun(model: model, sequence: changed).ltmValues) {
        $0.bitPattern == $1.bitPattern
      })
  }

  @Test func keepingMoreThanEitherRunHasIsKeepingAll() throws {
    let model = try statQuestModel()
    let short = InputSequence(name: "s", values: [0, 0.5])
    let long = InputSequence(name: "s", values: [0, 0.5, 0.25, 1])
    let prefix = SequenceRun(model: model, sequence: short)
    let resumed = SequenceRun(model: model, sequence: long, keeping: 99, of: prefix)
    #expect(resumed == SequenceRun(model: model, sequence: long))
  }
}
