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
  /// neither the sequence, the objective nor the model costs no more than before. What does not
  /// fit in `budget` is asked of a job; nothing is asked while the sequence's run is stale.
  mutating func prepareViews(budget: inout WorkBudget) {
    guard isShowingBackward || isShowingTwin, let run, run.count > 0 else { return }
    prepareGhostTwinRun(budget: &budget)
    var twin: RNNRun?
    if let model = lesson.rnn, model.inputSize == run.model.inputSize {
      if let made = backward.twinRun(sequence: sequenceIndex) {
        twin = made.run
      } else if jobs.contains(where: { $0.slot == .twinRun(sequence: sequenceIndex) }) {
        return
      } else {
        let sequence = lesson.sequences[sequenceIndex]
        let cost =
          Double(sequence.count) * WorkBudget.twinStep(n: model.hiddenSize, m: model.inputSize)
        guard budget.take(cost) else {
          ask(.twinRun(sequence: sequenceIndex, model: model, inputs: sequence))
          return
        }
        twin =
          backward.makeTwinRun(sequence: sequenceIndex, model: model, sequence: sequence).run
      }
    }
    guard isShowingBackward, !isRecomputing else { return }
    let slot = DerivedJob.Slot.gradients(sequence: sequenceIndex, objective: objective)
    if backward.gradients(sequence: sequenceIndex, objective: objective) != nil {
      backward.prepareGradients(
        sequence: sequenceIndex, objective: objective, run: run, twinRun: twin)
      prepareGhostGradients(budget: &budget)
      return
    }
    guard !jobs.contains(where: { $0.slot == slot }) else { return }
    let (n, m) = (run.model.hiddenSize, run.model.inputSize)
    let cost = Double(run.count) * WorkBudget.backwardStep(n: n, m: m)
    if budget.take(cost) {
      backward.prepareGradients(
        sequence: sequenceIndex, objective: objective, run: run, twinRun: twin)
    } else {
      ask(.gradients(sequence: sequenceIndex, objective: objective, run: run, twinRun: twin))
    }
    prepareGhostGradients(budget: &budget)
  }

  /// The ghost's gradients of the selected sequence for J, once made.
  public var ghostStepGradients: SequenceGradients? {
    guard showsGhost else { return nil }
    return ghostGradients.first { $0.sequenceIndex == sequenceIndex && $0.objective == objective }
  }

  /// Makes the ghost's gradients of the selected sequence for J, for the backward view's "was"
  /// numbers, if something was changed and they fit in `budget` (the twin's are not needed).
  private mutating func prepareGhostGradients(budget: inout WorkBudget) {
    guard isShowingBackward, showsGhost, ghostStepGradients == nil, let ghostRun,
      ghostRun.count > 0, objective.fits(hiddenSize: ghostRun.model.hiddenSize)
    else { return }
    let (n, m) = (ghostRun.model.hiddenSize, ghostRun.model.inputSize)
    guard budget.take(Double(ghostRun.count) * WorkBudget.backwardStep(n: n, m: m)) else { return }
    ghostGradients.append(
      SequenceGradients(
        sequenceIndex: sequenceIndex, objective: objective, run: ghostRun, twinRun: nil))
  }

  /// Makes the ghost's twin run of the selected sequence, for the RNN view's "was" numbers, if
  /// something was changed and it fits in `budget`; a longer one is not made (the view then
  /// shows the twin's numbers without them).
  private mutating func prepareGhostTwinRun(budget: inout WorkBudget) {
    guard isShowingTwin, showsGhost, ghostTwinRuns[sequenceIndex] == nil,
      let twin = ghost.lesson.rnn, ghost.lesson.sequences.indices.contains(sequenceIndex)
    else { return }
    let sequence = ghost.lesson.sequences[sequenceIndex]
    guard twin.inputSize == sequence.inputSize,
      budget.take(
        Double(sequence.count) * WorkBudget.twinStep(n: twin.hiddenSize, m: twin.inputSize))
    else { return }
    ghostTwinRuns[sequenceIndex] = RNNRun(model: twin, sequence: sequence)
  }

  /// Whether the gradients the backward view shows are being computed by a job.
  public var isComputingGradients: Bool {
    isShowingBackward
      && (isRecomputing
        || jobs.contains { job in
          switch job.slot {
          case .gradients(let index, let wanted): index == sequenceIndex && wanted == objective
          case .twinRun(let index): index == sequenceIndex
          case .run: false
          }
        })
  }

  /// Whether the twin's run of the selected sequence is being made by a job.
  public var isMakingTwinRun: Bool {
    jobs.contains { $0.slot == .twinRun(sequence: sequenceIndex) }
  }

  /// Forgets every gradient (and every twin run not of the lesson's twin and inputs now), and
  /// makes again what the views showing need: the lesson changed.
  mutating func rebuildViews(budget: inout WorkBudget) {
    backward.removeAll(keepingTwinRunsOf: lesson)
    jobs.removeAll { job in
      switch job.work {
      case .run: false
      case .gradients: true
      case .twinRun(let index, let model, let inputs):
        !(lesson.rnn == model && lesson.sequences.indices.contains(index)
          && lesson.sequences[index] == inputs)
      }
    }
    prepareViews(budget: &budget)
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
