import LSTMCore

// Everything derived from the lesson is made here: each sequence's run and history, and (in
// BackwardState) what the views need. A key press does what fits its `WorkBudget` at once and
// asks for the rest as `DerivedJob`s, whose results come back through `Action.jobFinished`.

extension State {
  /// Rebuilds everything derived from the lesson, then brings the selection back in range.
  ///
  /// This is the one place where runs and histories are made. A sequence whose run was made from
  /// the same model and the same inputs keeps its run and history (comparing them costs O(1) when
  /// nothing was changed, as they share storage), so changing one sequence's inputs re-runs that
  /// sequence alone, from the first step that changed, and opening a lesson runs each sequence
  /// once. A run that does not fit in `budget` is asked of a job: until it is done the sequence
  /// is stale (`staleSequences`), and for the selected sequence the step shown is computed first
  /// if that fits (`preview`). The gradients and twin runs of the backward and RNN views are
  /// forgotten here too, and remade for the views showing (`rebuildViews()`).
  mutating func rebuildDerived(budget: inout WorkBudget) {
    let model = lesson.model
    var runs = self.runs
    var histories = self.histories
    if runs.count > lesson.sequences.count {
      runs.removeLast(runs.count - lesson.sequences.count)
      histories.removeLast(histories.count - lesson.sequences.count)
    }
    jobs.removeAll { job in
      if case .run(let index) = job.slot { return index >= lesson.sequences.count }
      return false
    }
    staleSequences = staleSequences.filter { $0 < lesson.sequences.count }
    let cost = WorkBudget.forwardStep(n: model.hiddenSize, m: model.inputSize)
    // The selected sequence first: its step is what the frame shows.
    let order =
      [sequenceIndex].filter { lesson.sequences.indices.contains($0) }
      + lesson.sequences.indices.filter { $0 != sequenceIndex }
    for index in order {
      let sequence = lesson.sequences[index]
      let earlier = runs.indices.contains(index) ? runs[index] : nil
      if let earlier, earlier.model == model, earlier.sequence == sequence {
        // Still (or again, after an undo) the run of this model and these inputs.
        if staleSequences.remove(index) != nil {
          jobs.removeAll { $0.slot == .run(sequence: index) }
          if preview?.sequence == index { preview = nil }
        }
        continue
      }
      // An earlier run of the same model keeps the steps before the first changed input.
      let reusable = earlier.flatMap { $0.model == model ? $0 : nil }
      let kept = reusable.map { $0.sequence.firstDifference(from: sequence) - 1 } ?? 0
      // The steps run again, and the copy of the memories kept and the history, which walk
      // every step.
      let remaining =
        Double(sequence.count - kept) * cost
        + Double(sequence.count * model.hiddenSize) * WorkBudget.keptStep
      if budget.take(remaining) {
        let run =
          reusable.map { SequenceRun(model: model, sequence: sequence, keeping: kept, of: $0) }
          ?? SequenceRun(model: model, sequence: sequence)
        if index < runs.count {
          (runs[index], histories[index]) = (run, History(run: run))
        } else {
          runs.append(run)
          histories.append(History(run: run))
        }
        staleSequences.remove(index)
        jobs.removeAll { $0.slot == .run(sequence: index) }
        if preview?.sequence == index { preview = nil }
        continue
      }
      // Too long for a key press: a job makes it, the step shown first.
      var base = reusable
      var keptSteps = kept
      var previewAt: Int?
      if index == sequenceIndex {
        let t = min(max(self.t, 1), sequence.count)
        if t - 1 <= kept {
          // The memories before step t are known (kept, or the zeros of step 0): the step
          // shown costs one step.
          let before = base?.memories(after: t - 1) ?? .zero(hiddenSize: model.hiddenSize)
          preview = StepPreview(
            sequence: index, step: model.step(input: sequence.input(at: t), from: before, t: t))
        } else if budget.take(Double(t - 1 - kept) * cost) {
          let before = sequence.prefix(steps: t - 1)
          let prefix =
            base.map { SequenceRun(model: model, sequence: before, keeping: keptSteps, of: $0) }
            ?? SequenceRun(model: model, sequence: before)
          let step = model.step(
            input: sequence.input(at: t), from: prefix.memories(after: t - 1), t: t)
          preview = StepPreview(sequence: index, step: step)
          (base, keptSteps) = (prefix, t - 1)
        } else {
          previewAt = t
          if preview?.sequence == index { preview = nil }
        }
      }
      if index >= runs.count {
        // A sequence with no run yet (a lesson that grew) has its history made by the job too.
        runs.append(SequenceRun(model: model, sequence: sequence.prefix(steps: 0)))
        histories.append(History(run: runs[runs.count - 1]))
      }
      staleSequences.insert(index)
      ask(
        .run(
          sequence: index, model: model, inputs: sequence, kept: keptSteps, earlier: base,
          previewAt: previewAt))
    }
    self.runs = runs
    self.histories = histories
    keepSelectionInRange()
    rebuildViews(budget: &budget)
  }

  /// Asks for `work`, replacing the job of the same slot if one is waiting.
  mutating func ask(_ work: DerivedJob.Work) {
    let job = DerivedJob(id: nextJobID, work: work)
    nextJobID += 1
    jobs.removeAll { $0.slot == job.slot }
    jobs.append(job)
  }

  /// Takes in a result of a job the state waits for; ignores any other.
  mutating func receive(_ result: DerivedResult, budget: inout WorkBudget) {
    guard let index = jobs.firstIndex(where: { $0.id == result.jobID }) else { return }
    if result.isLast { jobs.remove(at: index) }
    switch result.value {
    case .preview(let sequence, let step):
      preview = StepPreview(sequence: sequence, step: step)
    case .run(let sequence, let run, let history):
      guard runs.indices.contains(sequence) else { return }
      (runs[sequence], histories[sequence]) = (run, history)
      staleSequences.remove(sequence)
      if preview?.sequence == sequence { preview = nil }
      keepSelectionInRange()
      prepareViews(budget: &budget)
    case .gradients(let gradients):
      backward.insert(gradients)
    case .twinRun(let twinRun):
      backward.insert(twinRun)
      prepareViews(budget: &budget)
    }
  }

  /// Does every job asked for, and those their results ask for, at once: what a program with
  /// no other thread does after each key (`render`, the tests).
  public mutating func finishJobs() {
    while let job = jobs.first {
      for result in job.perform() { reduce(&self, .jobFinished(result)) }
      // A job whose results were all ignored is not waited for any more.
      jobs.removeAll { $0.id == job.id }
    }
  }

  /// Brings the sequence, `t` and the unit back in range, and stops playback with nothing to play.
  mutating func keepSelectionInRange() {
    sequenceIndex = min(max(sequenceIndex, 0), max(runs.count - 1, 0))
    t = min(max(t, 1), max(stepCount, 1))
    unit = min(max(unit, 0), max(hiddenSize - 1, 0))
    if stepCount == 0 { isPlaying = false }
  }

  /// Whether `model` can replace the lesson's: every sequence's input size is its input size.
  func accepts(_ model: LSTMModel) -> Bool {
    lesson.sequences.allSatisfy { $0.inputSize == model.inputSize }
  }

  /// Replaces the lesson's model, if it `accepts(_:)` it, and rebuilds what is derived from it.
  mutating func changeModel(to model: LSTMModel, budget: inout WorkBudget) {
    guard accepts(model) else { return }
    lesson.model = model
    rebuildDerived(budget: &budget)
  }

  /// Replaces the input at timestep `t` of sequence `index` with `values`, if there is such a
  /// step and `values` has the sequence's input size, and re-runs that sequence from step `t`.
  mutating func changeInput(
    sequence index: Int, t: Int, to values: [Double], budget: inout WorkBudget
  ) {
    guard lesson.sequences.indices.contains(index) else { return }
    let sequence = lesson.sequences[index]
    guard t >= 1, t <= sequence.count, values.count == sequence.inputSize else { return }
    lesson.sequences[index] = sequence.replacingInput(at: t, with: values)
    rebuildDerived(budget: &budget)
  }

  /// Replaces the lesson's twin with `twin` (of the same sizes), and remakes the views' twin
  /// runs and gradients.
  mutating func changeTwin(to twin: RNNModel, budget: inout WorkBudget) {
    guard let old = lesson.rnn, old.inputSize == twin.inputSize,
      old.hiddenSize == twin.hiddenSize
    else { return }
    lesson.rnn = twin
    backward.removeAll()
    jobs.removeAll { job in
      if case .run = job.slot { return false }
      return true
    }
    prepareViews(budget: &budget)
  }
}

extension InputSequence {
  /// The first step (from 1) whose inputs differ from `other`'s, or one past the shorter of
  /// the two when none does.
  func firstDifference(from other: InputSequence) -> Int {
    guard inputSize == other.inputSize else { return 1 }
    let steps = min(count, other.count)
    let first = values.withUnsafeBufferPointer { mine in
      other.values.withUnsafeBufferPointer { theirs in
        (0..<steps * inputSize).first { mine[$0] != theirs[$0] || mine[$0].sign != theirs[$0].sign }
      }
    }
    return first.map { $0 / inputSize + 1 } ?? steps + 1
  }
}
