import Foundation
import LSTMCore

/// How `lstmviz train` writes a training run.
public enum TrainingFormat: String, CaseIterable, Sendable {
  /// For a person: the loss every K epochs, the predictions and the weights before and after.
  case table
  /// One row per epoch: `epoch,loss`, then every parameter, at full precision.
  case csv
  /// `{"optimizer", "learningRate", "epochs", "losses", "model", …}` at full precision.
  case json
}

/// What `lstmviz train` was asked to do, and which of it the user chose (the rest are the
/// defaults, which the table says are).
public struct TrainingSettings: Sendable, Equatable {
  /// The settings a user can choose.
  public enum Choice: Sendable, Hashable {
    /// `--optimizer`.
    case optimizer
    /// `--learning-rate`.
    case learningRate
    /// `--momentum`.
    case momentum
    /// `--epochs`.
    case epochs
  }

  /// Epochs when `--epochs` is not given.
  public static let defaultEpochs = 300
  /// Momentum for SGD when `--momentum` is not given.
  public static let defaultMomentum = 0.9

  /// The learning rate when `--learning-rate` is not given, for Adam and for SGD.
  public static let defaultLearningRate = 0.1

  /// The optimizer, with its learning rate (and momentum).
  public var optimizer: Optimizer
  /// Epochs to run.
  public var epochs: Int
  /// The cell trained: the LSTM or the lesson's twin.
  public var cell: TraceCell
  /// The settings the user gave.
  public var chosen: Set<Choice>

  /// Makes the settings.
  public init(optimizer: Optimizer, epochs: Int, cell: TraceCell, chosen: Set<Choice> = []) {
    self.optimizer = optimizer
    self.epochs = epochs
    self.cell = cell
    self.chosen = chosen
  }

  /// The table's line of settings, each the user did not choose marked `(default)`:
  /// `Adam (β1 0.9, β2 0.999, ε 1e-8) (default), learning rate 0.1 (default), 300 epochs (default)`.
  public var words: String {
    func mark(_ choice: Choice) -> String { chosen.contains(choice) ? "" : " (default)" }
    let optimizerWords: String
    var rest: [String] = []
    switch optimizer {
    case .adam(let learningRate, let beta1, let beta2, let epsilon):
      optimizerWords =
        "Adam (β1 \(Self.short(beta1)), β2 \(Self.short(beta2)), ε \(Self.short(epsilon)))"
      rest.append("learning rate \(Self.short(learningRate))\(mark(.learningRate))")
    case .sgd(let learningRate, let momentum):
      optimizerWords = "SGD"
      rest.append("learning rate \(Self.short(learningRate))\(mark(.learningRate))")
      rest.append("momentum \(Self.short(momentum))\(mark(.momentum))")
    }
    let epochWords = epochs == 1 ? "1 epoch" : "\(epochs) epochs"
    return ([optimizerWords + mark(.optimizer)] + rest + [epochWords + mark(.epochs)])
      .joined(separator: ", ")
  }

  /// `0.1`, `1e-08` → `1e-8`: a setting as a person writes it.
  public static func short(_ value: Double) -> String {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text.replacingOccurrences(of: "e-0", with: "e-")
  }

  /// The name `--optimizer` takes: `adam` or `sgd`.
  public var optimizerName: String {
    if case .sgd = optimizer { return "sgd" }
    return "adam"
  }
}

/// The line `lstmviz train` keeps on stderr while it trains, when stderr is a terminal.
public enum TrainingProgress {
  /// `epoch 120 / 300  loss 0.012345  [█████▌      ]  8,400 epochs/s  0.0 s left`, in at
  /// most `width` columns.
  public static func line(
    epoch: Int, of epochs: Int, loss: Double, seconds: Double, width: Int
  ) -> String {
    let rate = seconds > 0 ? Double(epoch) / seconds : 0
    let left = rate > 0 ? Double(epochs - epoch) / rate : 0
    let lossText =
      loss.magnitude < 1e-3 && loss != 0
      ? String(format: "%.4e", loss) : String(format: "%.6f", loss)
    let head = "epoch \(epoch) / \(epochs)  loss \(lossText)  "
    let tail = "  \(Int(rate.rounded())) epochs/s  \(String(format: "%.1f", left)) s left"
    let barWidth = max(0, min(30, width - 1 - head.count - tail.count - 2))
    guard barWidth >= 5 else { return String((head + tail).prefix(max(0, width - 1))) }
    let filled = epochs > 0 ? Double(barWidth) * Double(epoch) / Double(epochs) : 0
    let full = Int(filled)
    let half = filled - Double(full) >= 0.5 && full < barWidth
    let bar =
      String(repeating: "█", count: full) + (half ? "▌" : "")
      + String(repeating: " ", count: barWidth - full - (half ? 1 : 0))
    return head + "[" + bar + "]" + tail
  }
}
