import LSTMCore

/// A computation derived from the lesson that is too long for a key press (a long sequence run
/// again after an edit, its gradients): the state asks for it (`State.jobs`) and whoever runs
/// the program does it, on another thread in the terminal or at once headless, and hands back
/// its results with `Action.jobFinished`. Everything it needs is in the job, so it can run
/// anywhere; a result of a job the state no longer waits for is ignored.
public struct DerivedJob: Sendable, Equatable, Identifiable {
  /// What to compute.
  public enum Work: Sendable, Equatable {
    /// Sequence `sequence` (an index) run through `model`, its first `kept` steps taken from
    /// `earlier`; if `previewAt` is set, step `previewAt` is reported first, as soon as it is
    /// known.
    case run(
      sequence: Int, model: LSTMModel, inputs: InputSequence, kept: Int, earlier: SequenceRun?,
      previewAt: Int?)
    /// The gradients of `run` (sequence `sequence`) for `objective`, with the twin's on
    /// `twinRun`.
    case gradients(sequence: Int, objective: Objective, run: SequenceRun, twinRun: RNNRun?)
    /// Sequence `sequence` run through the twin `model`.
    case twinRun(sequence: Int, model: RNNModel, inputs: InputSequence)
  }

  /// Which job this is: a newer job for the same `slot` replaces it.
  public let id: Int
  /// What to compute.
  public let work: Work

  /// Job `id`, to do `work` (the state numbers its own jobs).
  package init(id: Int, work: Work) {
    self.id = id
    self.work = work
  }

  /// The kind of result and the sequence: at most one job a slot is waited for.
  public var slot: Slot {
    switch work {
    case .run(let sequence, _, _, _, _, _): .run(sequence: sequence)
    case .gradients(let sequence, let objective, _, _):
      .gradients(sequence: sequence, objective: objective)
    case .twinRun(let sequence, _, _): .twinRun(sequence: sequence)
    }
  }

  /// What a job is for: a sequence's run, gradients or twin run.
  public enum Slot: Sendable, Equatable {
    /// A run of this sequence.
    case run(sequence: Int)
    /// Gradients of this sequence for this objective.
    case gradients(sequence: Int, objective: Objective)
    /// A twin run of this sequence.
    case twinRun(sequence: Int)
  }

  /// Does the job, telling `report` each result as soon as it is known: for a run with a
  /// preview, the step shown first, then the whole run.
  public func perform(report: (DerivedResult) -> Void) {
    switch work {
    case .run(let index, let model, let inputs, let kept, let earlier, let previewAt):
      var base = earlier
      var keptSteps = earlier == nil ? 0 : kept
      // The memories before step t first, when the step shown is in the first half: it is
      // then ready well before the run ends (later, the whole run comes about as soon).
      if let t = previewAt, t >= 1, t <= max(inputs.count / 2, 1) {
        let before = inputs.prefix(steps: t - 1)
        let prefix =
          base.map { SequenceRun(model: model, sequence: before, keeping: keptSteps, of: $0) }
          ?? SequenceRun(model: model, sequence: before)
        let step = model.step(input: inputs.input(at: t), from: prefix.memories(after: t - 1), t: t)
        report(DerivedResult(jobID: id, value: .preview(sequence: index, step: step)))
        (base, keptSteps) = (prefix, t - 1)
      }
      let run =
        base.map { SequenceRun(model: model, sequence: inputs, keeping: keptSteps, of: $0) }
        ?? SequenceRun(model: model, sequence: inputs)
      report(
        DerivedResult(jobID: id, value: .run(sequence: index, run: run, history: History(run: run)))
      )
    case .gradients(let index, let objective, let run, let twinRun):
      let gradients = SequenceGradients(
        sequenceIndex: index, objective: objective, run: run, twinRun: twinRun)
      report(DerivedResult(jobID: id, value: .gradients(gradients)))
    case .twinRun(let index, let model, let inputs):
      let made = TwinRun(sequenceIndex: index, model: model, sequence: inputs)
      report(DerivedResult(jobID: id, value: .twinRun(made)))
    }
  }

  /// Every result of the job, in the order `perform(report:)` reports them.
  public func perform() -> [DerivedResult] {
    var results: [DerivedResult] = []
    perform { results.append($0) }
    return results
  }
}

/// One result of a `DerivedJob`.
public struct DerivedResult: Sendable, Equatable {
  /// The job it comes from.
  public let jobID: Int
  /// What was computed.
  public let value: Value

  /// What a job computes.
  public enum Value: Sendable, Equatable {
    /// The step shown of sequence `sequence`, before its run is done.
    case preview(sequence: Int, step: StepTrace)
    /// The whole run of sequence `sequence`, and its history.
    case run(sequence: Int, run: SequenceRun, history: History)
    /// Gradients.
    case gradients(SequenceGradients)
    /// A twin run.
    case twinRun(TwinRun)
  }

  /// Whether this is the job's last result.
  public var isLast: Bool {
    if case .preview = value { return false }
    return true
  }
}

/// How long work may take on a key press, counted in estimated nanoseconds: what fits is done
/// at once, the rest is left to a `DerivedJob`.
struct WorkBudget {
  /// What a key press may spend: about 10 ms, so that with drawing the frame an edit at 10⁵
  /// steps of the scalar cell is shown within 16 ms.
  static let keyPress = WorkBudget(nanoseconds: 10_000_000)
  /// No limit: opening a lesson does all its work at once.
  static let unlimited = WorkBudget(nanoseconds: .infinity)

  /// What is left.
  var nanoseconds: Double

  /// Takes `cost` from the budget if it is there, and says whether it was.
  mutating func take(_ cost: Double) -> Bool {
    guard cost <= nanoseconds else { return false }
    nanoseconds -= cost
    return true
  }

  /// Estimated nanoseconds of a forward step of a cell of hidden size `n`, input size `m` (on
  /// the 2-core machine of BENCHMARKS.md: 62 ns scalar, 4.2 µs at n = 128, m = 16), with the
  /// history's share.
  static func forwardStep(n: Int, m: Int) -> Double {
    n == 1 && m == 1 ? 75 : 40 + 0.05 * Double(4 * n * (n + m)) + 8 * Double(n)
  }

  /// Estimated nanoseconds a step and unit of a run costs even when the step is not run again:
  /// copying its memories, and its share of the history (measured about 8 ns on a quiet
  /// machine; counted as 15, so that at 10⁶ steps an edit of the last step's input is a job).
  static let keptStep = 15.0

  /// Estimated nanoseconds of a backward step (about twice a forward one, the forward step
  /// recomputed included), with the twin's.
  static func backwardStep(n: Int, m: Int) -> Double {
    2.5 * forwardStep(n: n, m: m)
  }

  /// Estimated nanoseconds of a step of the twin.
  static func twinStep(n: Int, m: Int) -> Double {
    n == 1 && m == 1 ? 30 : 20 + 0.05 * Double(n * (n + m)) + 4 * Double(n)
  }
}

extension InputSequence {
  /// The first `steps` steps (within 0...T).
  public func prefix(steps: Int) -> InputSequence {
    let steps = min(max(steps, 0), count)
    return InputSequence(
      name: name, inputSize: inputSize, values: Array(values[0..<steps * inputSize]),
      target: target)
  }

  /// The sequence with the inputs of step `t` (from 1) replaced by `values` (`inputSize`
  /// numbers).
  func replacingInput(at t: Int, with inputs: [Double]) -> InputSequence {
    var all = values
    all.replaceSubrange((t - 1) * inputSize..<t * inputSize, with: inputs)
    return InputSequence(name: name, inputSize: inputSize, values: all, target: target)
  }
}
