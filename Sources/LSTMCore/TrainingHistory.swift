/// A whole training run, as `lstmviz train` reports it: every epoch's loss, the parameters after
/// the epochs it shows, and the cell before and after.
public struct TrainingHistory: Sendable, Equatable {
  /// The epochs run, N.
  public let epochs: Int
  /// Which epochs are shown: the first, every `every`-th, and the last.
  public let every: Int
  /// The cell before training.
  public let start: TrainableCell
  /// L before training.
  public let startLoss: Double
  /// Each epoch's loss, before its update (`losses[k − 1]` is epoch k's), as a torch training
  /// loop prints it: the first is `startLoss`.
  public internal(set) var losses: [Double] = []
  /// The parameters after each shown epoch, in order, with the epoch.
  public internal(set) var shownParameters: [(epoch: Int, values: [Double])] = []
  /// The cell after training.
  public internal(set) var end: TrainableCell
  /// L after the last epoch.
  public internal(set) var endLoss: Double

  /// Whether epoch `k` (1...N) is shown: the first, every `every`-th, and the last.
  public func isShown(_ k: Int) -> Bool {
    k == 1 || k % every == 0 || k == epochs
  }

  /// Compares everything, the shown parameters epoch by epoch.
  public static func == (a: TrainingHistory, b: TrainingHistory) -> Bool {
    a.epochs == b.epochs && a.every == b.every && a.start == b.start
      && a.startLoss.bitPattern == b.startLoss.bitPattern && a.losses == b.losses
      && a.shownParameters.map(\.epoch) == b.shownParameters.map(\.epoch)
      && a.shownParameters.map(\.values) == b.shownParameters.map(\.values) && a.end == b.end
      && a.endLoss.bitPattern == b.endLoss.bitPattern
  }
}

extension Trainer {
  /// Runs `epochs` epochs and keeps what `TrainingHistory` reports, calling `progress` after
  /// each epoch with the epoch and the loss after it.
  ///
  /// - Parameter every: which epochs to keep the parameters of (see `TrainingHistory.isShown`);
  ///   at least 1.
  /// - Throws: the first `TrainingError` of an epoch; nothing of the run is kept.
  public mutating func run(
    epochs: Int, every: Int, progress: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }
  ) throws(TrainingError) -> TrainingHistory {
    precondition(epochs >= 0 && every >= 1)
    var history = TrainingHistory(
      epochs: epochs, every: every, start: parameters, startLoss: loss, end: parameters,
      endLoss: loss)
    history.losses.reserveCapacity(epochs)
    for k in stride(from: 1, through: epochs, by: 1) {
      let update = try runEpoch()
      history.losses.append(update.lossBefore)
      if history.isShown(k) { history.shownParameters.append((k, update.after)) }
      progress(k, update.lossAfter)
    }
    history.end = parameters
    history.endLoss = loss
    return history
  }
}
