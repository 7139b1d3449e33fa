import LSTMCore

/// The runs whose numbers the screen shows beside the lesson's, dimmed: the lesson as it was
/// opened (so that after an edit every changed number shows what it was), or another lesson on
/// the same sequences (`--compare`). It never changes, so its runs are made once.
public struct Ghost: Sendable, Equatable {
  /// The lesson the ghost's numbers come from.
  public let lesson: Lesson
  /// Each sequence run through the ghost's model.
  public let runs: [SequenceRun]
  /// Each sequence's history, downsampled.
  public let histories: [History]
  /// The compared lesson's name (`--compare`), or nil when the ghost is the lesson as opened.
  public let name: String?

  /// A ghost of runs already made.
  init(lesson: Lesson, runs: [SequenceRun], histories: [History], name: String?) {
    self.lesson = lesson
    self.runs = runs
    self.histories = histories
    self.name = name
  }

  /// The ghost of `lesson`, another lesson shown beside the one opened: each of its sequences
  /// run once.
  init(lesson: Lesson, name: String) {
    self.lesson = lesson
    runs = lesson.sequences.map { SequenceRun(model: lesson.model, sequence: $0) }
    histories = runs.map { History(run: $0) }
    self.name = name
  }

  /// Whether the ghost is another lesson (`--compare`) rather than the lesson as opened.
  public var isComparison: Bool { name != nil }
}

/// The step shown of a sequence whose run is being made again, known before the run is done.
public struct StepPreview: Sendable, Equatable {
  /// The sequence, an index.
  public var sequence: Int
  /// Every number of the step.
  public var step: StepTrace
}

extension State {
  /// The ghost's run of the selected sequence, if it has one.
  public var ghostRun: SequenceRun? {
    ghost.runs.indices.contains(sequenceIndex) ? ghost.runs[sequenceIndex] : nil
  }

  /// The ghost's history of the selected sequence, if it has one.
  public var ghostHistory: History? {
    ghost.histories.indices.contains(sequenceIndex) ? ghost.histories[sequenceIndex] : nil
  }

  /// The ghost's step t, every number (O(n²)), when it differs from the lesson's: after an
  /// edit, or with `--compare`. Nil when nothing differs.
  public var ghostStep: StepTrace? {
    guard showsGhost, let run = ghostRun, run.count > 0 else { return nil }
    return run.step(at: min(max(t, 1), run.count))
  }

  /// Whether the ghost's numbers can differ from the lesson's: the ghost is another lesson, or
  /// the lesson has been changed since it was opened.
  public var showsGhost: Bool {
    ghost.isComparison || lesson.model != original.model || lesson.rnn != original.rnn
      || !changedInputs.isEmpty
  }

  /// The inputs that differ from the lesson as opened: what edits changed and did not put back.
  var changedInputs: [EditTarget] { changes.filter(\.target.isInput).map(\.target) }
}
