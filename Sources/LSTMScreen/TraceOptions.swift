import LSTMCore

/// Which cell `lstmviz trace` traces.
public enum TraceCell: String, CaseIterable, Sendable {
  /// The lesson's LSTM.
  case lstm
  /// The lesson's plain-RNN twin.
  case rnn
}

/// What `trace --gradients` differentiates: J.
public enum GradientRequest: Sendable, Equatable {
  /// J = the prediction of one unit, counting from 0 (`--of prediction:1` is unit 0).
  case prediction(unit: Int)
  /// J = the loss `Σ_u (prediction_u − target_u)²`, each sequence against its own target.
  case loss

  /// Reads `--of`: `prediction`, `prediction:UNIT` (UNIT counting from 1) or `loss`; nil for
  /// anything else, or a UNIT below 1.
  public init?(argument: String) {
    if argument == "loss" {
      self = .loss
      return
    }
    if argument == "prediction" {
      self = .prediction(unit: 0)
      return
    }
    guard argument.hasPrefix("prediction:"), let unit = Int(argument.dropFirst(11)), unit >= 1
    else { return nil }
    self = .prediction(unit: unit - 1)
  }

  /// The words the JSON trace writes under `gradientOf`: `prediction unit 1` or `loss`.
  public var words: String {
    switch self {
    case .prediction(let unit): "prediction unit \(unit + 1)"
    case .loss: "loss"
    }
  }

  /// J for `sequence`, whose target (for the loss) the options have checked.
  func objective(for sequence: InputSequence) -> Objective {
    switch self {
    case .prediction(let unit): .prediction(unit: unit)
    case .loss: .loss(target: sequence.target ?? [])
    }
  }
}

/// What `lstmviz trace` adds to the forward trace of the LSTM: the twin instead, and the
/// gradients of backpropagation through time.
public struct TraceOptions: Sendable, Equatable {
  /// The cell traced.
  public var cell: TraceCell
  /// What the gradients are of, or nil for no gradients.
  public var gradients: GradientRequest?

  /// Makes the options; the defaults are the plain trace of the LSTM.
  public init(cell: TraceCell = .lstm, gradients: GradientRequest? = nil) {
    self.cell = cell
    self.gradients = gradients
  }

  /// What stops these options from tracing `lesson`, in words for one line, or nil: a twin
  /// asked for that the lesson does not have, a unit it does not have, a loss without targets.
  public func problem(with lesson: Lesson) -> String? {
    if cell == .rnn, lesson.rnn == nil {
      return "--cell rnn: the lesson has no plain-RNN twin; add one under \"rnn\" in the lesson "
        + "({\"stmWeight\", \"inputWeight\", \"bias\"} or an nn.RNN state_dict), or give one "
        + "with --rnn FILE"
    }
    let n = lesson.model.hiddenSize
    switch gradients {
    case .prediction(let unit) where unit >= n:
      let units = n == 1 ? "1 unit, so UNIT can only be 1" : "\(n) units, so UNIT is 1 to \(n)"
      return "--of prediction:\(unit + 1): the cell has \(units)"
    case .loss:
      if let sequence = lesson.sequences.first(where: { $0.target == nil }) {
        return "--of loss: the sequence \"\(sequence.name)\" has no target; give every sequence "
          + "a \"target\" in the lesson, or take the gradients of the prediction"
      }
    default: break
    }
    return nil
  }

  /// The gradients of `sequence` through the lesson's LSTM.
  func lstmGradients(_ lesson: Lesson, _ sequence: InputSequence) -> (SequenceRun, LSTMGradients)? {
    guard let gradients else { return nil }
    let run = SequenceRun(model: lesson.model, sequence: sequence)
    return (run, run.gradients(of: gradients.objective(for: sequence)))
  }
}
