import LSTMCore
import Testing

@testable import LSTMScreen

@Suite struct TrainingTextTests {
  @Test func theProgressLineSaysEpochLossSpeedAndTimeLeftWithinItsWidth() {
    let line = TrainingProgress.line(epoch: 150, of: 300, loss: 0.0123456, seconds: 2, width: 100)
    #expect(line.hasPrefix("epoch 150 / 300  loss 0.012346  ["))
    #expect(line.hasSuffix("]  75 epochs/s  2.0 s left"))
    #expect(line.contains("███████████████               "))
    #expect(line.count <= 99)
    let tiny = TrainingProgress.line(epoch: 1, of: 3, loss: 2e-7, seconds: 0.5, width: 40)
    #expect(tiny.count <= 39 && tiny.hasPrefix("epoch 1 / 3  loss 2.0000e-07"))
  }

  @Test func theSettingsLineMarksTheDefaults() {
    let chosen = TrainingSettings(
      optimizer: .sgd(learningRate: 0.05, momentum: 0), epochs: 10, cell: .lstm,
      chosen: [.optimizer, .learningRate, .momentum, .epochs])
    #expect(chosen.words == "SGD, learning rate 0.05, momentum 0, 10 epochs")
    let defaults = TrainingSettings(optimizer: .adam(learningRate: 0.1), epochs: 300, cell: .rnn)
    #expect(
      defaults.words
        == "Adam (β1 0.9, β2 0.999, ε 1e-8) (default), learning rate 0.1 (default), "
        + "300 epochs (default)")
  }

  @Test func everyTrainingErrorIsOneLineNamingWhatToFix() {
    let names = ["forget.stmWeight", "forget.inputWeight"]
    let said = [
      TrainingError.noTarget(sequences: ["A", "B"]),
      .targetSize(sequence: "A", found: 2, expected: 1),
      .notFinite(epoch: 0, what: .loss, value: .infinity),
      .notFinite(epoch: 7, what: .loss, value: .nan),
      .notFinite(epoch: 7, what: .parameter(1), value: -.infinity),
      .notFinite(epoch: 8, what: .gradient(0), value: .nan),
    ].map { TrainingReport.message(for: $0, names: names, cell: .lstm) }
    #expect(said[0].hasPrefix("no sequence has a target (\"A\", \"B\")"))
    #expect(
      said[1]
        == "the target of \"A\" has 2 numbers, but the model predicts 1 number (its hidden size)")
    #expect(said[2].hasPrefix("the loss before training is inf"))
    #expect(said[3].hasPrefix("training stopped at epoch 7: after its update the loss is nan"))
    #expect(
      said[4].hasPrefix("training stopped at epoch 7: its update made forget.inputWeight -inf"))
    #expect(said[5].contains("the gradient of forget.stmWeight is nan"))
    #expect(said.allSatisfy { !$0.contains("\n") })
  }
}
