/// Training one cell of a lesson on the targets of its sequences, one epoch at a time.
///
/// An epoch is one full-batch step on the loss `L = Σ_s Σ_u (prediction_u − target_u)²` over
/// the sequences `s` that have a target (StatQuest's sum of squared residuals), with the exact
/// gradients of backpropagation through time (`SequenceRun.gradients(of:)`,
/// `RNNRun.gradients(of:)`), and one step of the optimizer. The trainer always holds the loss
/// and the gradient at its current parameters, so the loss after an update is known as soon as
/// the update is made, and the next epoch starts from that gradient.
public struct Trainer: Sendable {
  /// How the parameters move.
  public let optimizer: Optimizer
  /// The sequences trained on: those with a target.
  public let examples: [InputSequence]
  /// The cell and its parameters now.
  public private(set) var parameters: TrainableCell
  /// The optimizer's moments or momentum buffer now.
  public private(set) var state = OptimizerState()
  /// Epochs run so far.
  public private(set) var epoch = 0
  /// L at the current parameters.
  public private(set) var loss: Double
  /// ∂L/∂ each parameter at the current parameters, laid out as `parameters.values`.
  public private(set) var gradient: [Double]

  /// A trainer of `cell` on those of `sequences` that have a target.
  ///
  /// - Throws: `TrainingError` when no sequence has a target, when a target or an input does
  ///   not fit the cell, or when the loss at the start is not finite.
  public init(
    _ cell: TrainableCell, sequences: [InputSequence], optimizer: Optimizer
  ) throws(TrainingError) {
    let n = cell.cell.hiddenSize
    for sequence in sequences {
      guard sequence.inputSize == cell.cell.inputSize else {
        throw .inputSize(
          sequence: sequence.name, found: sequence.inputSize, expected: cell.cell.inputSize)
      }
      if let target = sequence.target, target.count != n {
        throw .targetSize(sequence: sequence.name, found: target.count, expected: n)
      }
    }
    let examples = sequences.filter { $0.target != nil }
    guard !examples.isEmpty else { throw .noTarget(sequences: sequences.map(\.name)) }
    self.optimizer = optimizer
    self.examples = examples
    parameters = cell
    (loss, gradient) = Trainer.lossAndGradient(of: cell, on: examples)
    try check(epoch: 0)
  }

  /// Runs one epoch: one optimizer step down the gradient, then the loss and gradient at the
  /// new parameters.
  ///
  /// - Returns: the update, with every number of it.
  /// - Throws: `TrainingError.notFinite` when a parameter, the loss or a gradient stops being
  ///   finite; the trainer is then left as it was before the epoch.
  @discardableResult
  public mutating func runEpoch() throws(TrainingError) -> EpochUpdate {
    let before = self
    var values = parameters.values
    state.update(&values, gradient: gradient, optimizer: optimizer)
    epoch += 1
    if let k = values.firstIndex(where: { !$0.isFinite }) {
      let failure = TrainingError.notFinite(epoch: epoch, what: .parameter(k), value: values[k])
      self = before
      throw failure
    }
    parameters = parameters.with(values: values)
    (loss, gradient) = Trainer.lossAndGradient(of: parameters, on: examples)
    do {
      try check(epoch: epoch)
    } catch {
      self = before
      throw error
    }
    return EpochUpdate(
      epoch: epoch, lossBefore: before.loss, lossAfter: loss, gradient: before.gradient,
      before: before.parameters.values, after: values)
  }

  /// The numbers of `update` (this trainer's last) for parameter `k`: the gradient, Adam's m,
  /// v, m̂, v̂ and step or SGD's momentum, and the value before and after.
  public func numbers(of k: Int, in update: EpochUpdate) -> UpdateNumbers? {
    state.numbers(
      of: k, gradient: update.gradient[k], before: update.before[k], after: update.after[k],
      optimizer: optimizer)
  }

  /// Throws if the loss or a gradient is not finite.
  private func check(epoch: Int) throws(TrainingError) {
    guard loss.isFinite else { throw .notFinite(epoch: epoch, what: .loss, value: loss) }
    if let k = gradient.firstIndex(where: { !$0.isFinite }) {
      throw .notFinite(epoch: epoch, what: .gradient(k), value: gradient[k])
    }
  }

  /// L and ∂L/∂ every parameter of `cell` over `examples` (each with a target): the sequences'
  /// losses and gradients added in order, from 0.
  static func lossAndGradient(
    of cell: TrainableCell, on examples: [InputSequence]
  ) -> (Double, [Double]) {
    var loss = 0.0
    var gradient = [Double](repeating: 0, count: cell.values.count)
    for sequence in examples {
      let objective = Objective.loss(target: sequence.target ?? [])
      switch cell.cell {
      case .lstm(let model):
        let gradients = SequenceRun(model: model, sequence: sequence).weightGradients(
          of: objective)
        loss += gradients.objectiveValue
        cell.addGradient(gates: 4, { gradients.weights[Gate.allCases[$0]] }, into: &gradient)
      case .rnn(let model):
        let gradients = RNNRun(model: model, sequence: sequence).gradients(of: objective)
        loss += gradients.objectiveValue
        cell.addGradient(gates: 1, { _ in gradients.weightGradients }, into: &gradient)
      }
    }
    return (loss, gradient)
  }
}

/// One epoch's update: the loss before and after it, the gradient it followed, and every
/// parameter before and after.
public struct EpochUpdate: Sendable, Equatable {
  /// The epoch, from 1.
  public var epoch: Int
  /// L before the update: the epoch's loss, as a torch training loop prints it.
  public var lossBefore: Double
  /// L after the update.
  public var lossAfter: Double
  /// ∂L/∂ each parameter before the update, laid out as `TrainableCell.values`.
  public var gradient: [Double]
  /// The parameters before the update.
  public var before: [Double]
  /// The parameters after the update.
  public var after: [Double]
}

/// Why training cannot start or cannot go on.
public enum TrainingError: Error, Sendable, Equatable {
  /// What stopped being finite.
  public enum Quantity: Sendable, Equatable {
    /// The loss.
    case loss
    /// The parameter at this index of `TrainableCell.values`.
    case parameter(Int)
    /// The gradient of the parameter at this index.
    case gradient(Int)

    /// The parameter's index, for a parameter or a gradient; 0 for the loss.
    public var index: Int {
      switch self {
      case .loss: 0
      case .parameter(let k), .gradient(let k): k
      }
    }
  }

  /// None of these sequences has a target.
  case noTarget(sequences: [String])
  /// A sequence's target has `found` numbers, the cell predicts `expected`.
  case targetSize(sequence: String, found: Int, expected: Int)
  /// A sequence's inputs have `found` numbers a step, the cell takes `expected`.
  case inputSize(sequence: String, found: Int, expected: Int)
  /// At `epoch` (0: before training), `what` became `value`, which is not finite.
  case notFinite(epoch: Int, what: Quantity, value: Double)
}
