import LSTMCore

/// Applies `action` to `state`: the one place the program's state changes.
///
/// It never traps. At the edges it stays put: "next" on the last step keeps showing it (the
/// screen says the sequence has ended and shows the prediction), "previous" on the first likewise;
/// changing sequence keeps `t` within the new sequence; playback stops at the end, and play
/// pressed at the end starts again from the first step.
///
/// Changing sequence shows the step last asked for, or the new sequence's last step if it is
/// shorter; from the last step (after End, or stepping onto it) it goes to the new sequence's last
/// step. So End, ↓ to a shorter sequence and ↓ to a longer one shows the longer one's last step,
/// and t = 3 of 5, ↓ to a 2-step sequence (t = 2) and ↓ to a 5-step one shows t = 3 again.
///
/// Stage mode: `s` turns it on at the forget stage of the current step; each further `s` reveals
/// the next stage (input, then output), and `s` after the output stage turns stage mode off. While
/// stage mode is on, → and ← (and playback) move one stage at a time, on into the next step's
/// forget stage and back into the previous step's output stage; Home and End go to the forget
/// stage; a change of sequence keeps the stage, so two sequences can be compared stage by stage.
///
/// Changing the model or an input rebuilds each run and history it touches (`rebuildDerived()`)
/// and keeps the selection in range; a model whose input size does not fit the sequences, or an
/// input that is not there or has the wrong size, changes nothing.
///
/// The backward view (b) shows step t's gradients; in it, stage mode reveals the stages in
/// backward order (output, input, forget) and moves on as before. The RNN view (r) has no stages:
/// turning it on leaves stage mode. `o` makes J the loss or the prediction. The gradients and the
/// twin's run are computed the first time a view needs them (`prepareViews()`), and are then
/// looked up: stepping costs no more in these views than in the forward one; a changed model or
/// input forgets them.
///
/// Typing digits and then Enter jumps to that step (within the sequence: 0 is the first step, a
/// number past the end the last); any other key forgets the digits, and Esc says so.
///
/// Edit mode (`EditCommand`, see `perform(_:budget:)`) changes numbers of the lesson through the
/// same rebuild. Work too long for a key press (a long sequence run again, its gradients) is
/// asked of `State.jobs`, and its results come back as `jobFinished`. With edits not saved, the
/// first `q` only warns; the second quits.
///
/// While help is showing, any key closes it and does nothing else; `quit`, `resize`, `tick`,
/// `setStatus`, `changeModel`, `changeInput`, `jobFinished` and `saveFinished` still act.
///
/// Behind the "terminal too small" screen only quit, help and resize act (and a status message,
/// a model or an input change is kept): nothing changes that nobody can see, and playback waits.
public func reduce(_ state: inout State, _ action: Action) {
  var budget = WorkBudget.keyPress
  defer { state.prepareViews(budget: &budget) }
  if state.isTooSmall, !actsBehindTooSmall(action) { return }
  state.forgetTypedStep(unless: action)
  if state.isShowingHelp, closesHelp(action) {
    state.isShowingHelp = false
    return
  }
  if isKeyPress(action) {
    // What edit mode said after the last key, and the edit it made, last until this one.
    state.edit.notice = nil
    state.edit.lastEdit = nil
    if action != .quit { state.edit.quitAsked = false }
  }
  switch action {
  case .next: state.stepForward()
  case .previous: state.stepBackward()
  case .first:
    state.t = 1
    state.restartStages()
  case .last:
    state.t = max(state.stepCount, 1)
    state.restartStages()
  case .nextSequence: state.selectSequence(state.sequenceIndex + 1)
  case .previousSequence: state.selectSequence(state.sequenceIndex - 1)
  case .toggleStages:
    guard !state.isShowingTwin else { return }
    if let stage = state.stage {
      state.stage = state.stage(after: stage)
    } else {
      state.stage = state.firstStage
    }
  case .togglePlay:
    if state.isPlaying {
      state.isPlaying = false
    } else {
      if state.isAtEnd {
        state.t = 1
        state.restartStages()
      }
      state.isPlaying = state.stepCount > 0
    }
  case .faster: state.speed = min(state.speed + 1, State.tickIntervals.count - 1)
  case .slower: state.speed = max(state.speed - 1, 0)
  case .tick:
    guard state.isPlaying else { return }
    state.stepForward()
    if state.isAtEnd { state.isPlaying = false }
  case .nextUnit: state.unit = min(state.unit + 1, max(state.hiddenSize - 1, 0))
  case .previousUnit: state.unit = max(state.unit - 1, 0)
  case .toggleHelp: state.isShowingHelp.toggle()
  case .closeHelp: state.isShowingHelp = false
  case .resize(let width, let height):
    state.width = max(width, 0)
    state.height = max(height, 0)
  case .setStatus(let message): state.statusMessage = message
  case .changeModel(let model): state.changeModel(to: model, budget: &budget)
  case .changeInput(let sequence, let t, let values):
    state.changeInput(sequence: sequence, t: t, to: values, budget: &budget)
  case .quit:
    let unsaved = state.unsavedChangeCount
    if unsaved > 0, !state.edit.quitAsked {
      state.edit.quitAsked = true
      state.edit.notice = .unsavedChanges(unsaved)
      return
    }
    state.isPlaying = false
    state.hasQuit = true
  case .edit(let command): state.perform(command, budget: &budget)
  case .jobFinished(let result): state.receive(result, budget: &budget)
  case .saveFinished(let outcome): state.finishSave(outcome)
  case .toggleBackward:
    state.isShowingBackward.toggle()
    state.restartStages()
  case .toggleTwin:
    state.isShowingTwin.toggle()
    state.stage = nil
  case .toggleObjective: state.wantsLoss.toggle()
  case .togglePercentages: state.showsPercentages.toggle()
  case .typeStepDigit(let digit): state.type(digit: digit)
  case .jumpToTypedStep: state.jumpToTypedStep()
  }
}

/// Whether `action` acts while the screen is too small to show the lesson.
private func actsBehindTooSmall(_ action: Action) -> Bool {
  switch action {
  case .quit, .toggleHelp, .closeHelp, .resize, .setStatus, .changeModel, .changeInput,
    .jobFinished, .saveFinished:
    true
  default: false
  }
}

/// Whether `action` comes from a key the user pressed, rather than from the clock, the
/// terminal, a recorder or a job.
private func isKeyPress(_ action: Action) -> Bool {
  switch action {
  case .tick, .resize, .setStatus, .changeModel, .changeInput, .jobFinished, .saveFinished: false
  default: true
  }
}

/// Whether `action`, sent while help is showing, only closes it.
private func closesHelp(_ action: Action) -> Bool {
  switch action {
  case .quit, .resize, .tick, .setStatus, .changeModel, .changeInput, .jobFinished,
    .saveFinished:
    false
  default: true
  }
}

extension State {
  /// One step (or in stage mode one stage) on; stays at the end.
  mutating func stepForward() {
    if let stage {
      if let next = self.stage(after: stage) {
        self.stage = next
      } else if t < stepCount {
        t += 1
        self.stage = firstStage
      }
    } else if t < stepCount {
      t += 1
    }
  }

  /// One step (or in stage mode one stage) back; stays at the start.
  mutating func stepBackward() {
    if let stage {
      if let previous = self.stage(before: stage) {
        self.stage = previous
      } else if t > 1 {
        t -= 1
        self.stage = lastStage
      }
    } else if t > 1 {
      t -= 1
    }
  }

  /// In stage mode, back to the first stage: forget, or output in the backward view.
  mutating func restartStages() {
    if stage != nil { stage = firstStage }
  }

  /// Selects sequence `index` if there is one, at the step asked for (`t` follows
  /// `askedStep`, within the new sequence's length).
  mutating func selectSequence(_ index: Int) {
    guard runs.indices.contains(index) else { return }
    sequenceIndex = index
  }

  /// The smallest screen the lesson is drawn on; below it, a "terminal too small" screen.
  public static let minimumWidth = 80
  /// The smallest screen the lesson is drawn on; below it, a "terminal too small" screen.
  public static let minimumHeight = 24

  /// Whether the screen is smaller than `minimumWidth`×`minimumHeight`.
  public var isTooSmall: Bool { width < State.minimumWidth || height < State.minimumHeight }
}
