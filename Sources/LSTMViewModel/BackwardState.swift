import LSTMCore

// What the backward view (b) and the RNN view (r) read from State, and the stage order of the
// backward view. Gradients are derived data: computed once, the first time a view shows a
// sequence and an objective (`prepareViews()`), kept in `backward`, forgotten when the lesson
// changes. Everything a frame reads from them is O(n²): one backward step, the downsampled plot.

extension State {
  /// What J is: the loss `Σ (prediction − target)²` when the user chose it (o) and the sequence
  /// has a target for every unit, else the prediction of the selected unit.
  public var objective: Objective {
    if wantsLoss, let target = lossTarget { return .loss(target: target) }
    return .prediction(unit: min(max(unit, 0), max(hiddenSize - 1, 0)))
  }

  /// The selected sequence's target, if it has one value per unit: what the loss needs.
  public var lossTarget: [Double]? {
    guard let target = run?.sequence.target, target.count == hiddenSize else { return nil }
    return target
  }

  /// The gradients of the selected sequence for `objective`, once the backward view has been
  /// shown for them.
  public var gradients: SequenceGradients? {
    backward.gradients(sequence: sequenceIndex, objective: objective)
  }

  /// Every term of step t's backward formulas (O(n²)), once the gradients are computed.
  public var backwardStep: BackwardStep? {
    guard let run, let gradients, run.count > 0 else { return nil }
    return run.backwardStep(at: min(max(t, 1), run.count), of: gradients.lstm)
  }

  /// The selected sequence run through the twin, once a view has needed it.
  public var twinRun: TwinRun? { backward.twinRun(sequence: sequenceIndex) }

  /// The twin's step t, every number (O(n²)), once its run is made.
  public var twinStep: RNNStepTrace? {
    guard let run = twinRun?.run, run.count > 0 else { return nil }
    return run.step(at: min(max(t, 1), run.count))
  }

  /// Every term of the twin's step t backward (O(n²)), once its gradients are computed.
  public var twinBackwardStep: RNNBackwardStep? {
    guard let run = twinRun?.run, let twin = gradients?.twin, run.count > 0 else { return nil }
    return run.backwardStep(at: min(max(t, 1), run.count), of: twin)
  }

  /// Computes what the views showing need and have not got: the twin's run of the selected
  /// sequence (RNN or backward view, with a twin) and the gradients for the selected sequence and
  /// objective (backward view). Once they are there this is a lookup, so a key press that changes
  /// neither the sequence, the objective nor the model costs no more than before.
  mutating func prepareViews() {
    guard isShowingBackward || isShowingTwin, let run, run.count > 0 else { return }
    var twin: RNNRun?
    if let model = lesson.rnn, model.inputSize == run.model.inputSize {
      twin =
        backward.makeTwinRun(sequence: sequenceIndex, model: model, sequence: run.sequence).run
    }
    guard isShowingBackward else { return }
    backward.prepareGradients(
      sequence: sequenceIndex, objective: objective, run: run, twinRun: twin)
  }

  /// Forgets every gradient and twin run, and makes again what the views showing need: the
  /// lesson changed.
  mutating func rebuildViews() {
    backward.removeAll()
    prepareViews()
  }

  /// The stage stage mode starts a step with: forget, or output in the backward view.
  var firstStage: Stage { isShowingBackward ? .output : .forget }

  /// The stage shown last in a step: output, or forget in the backward view.
  var lastStage: Stage { isShowingBackward ? .forget : .output }

  /// The stage revealed after `stage`, in the view's order, or nil after the last.
  func stage(after stage: Stage) -> Stage? {
    isShowingBackward ? stage.previous : stage.next
  }

  /// The stage revealed before `stage`, in the view's order, or nil before the first.
  func stage(before stage: Stage) -> Stage? {
    isShowingBackward ? stage.next : stage.previous
  }
}
