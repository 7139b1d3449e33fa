import LSTMCore

/// The three stages of one timestep, in the order stage mode reveals them.
public enum Stage: Int, CaseIterable, Sendable, Comparable {
  /// The forget gate: how much of the LTM is remembered.
  case forget
  /// The input gate: the potential LTM and how much of it is added.
  case input
  /// The output gate: the new STM.
  case output

  /// The stage after this one, or nil after the output stage.
  public var next: Stage? { Stage(rawValue: rawValue + 1) }
  /// The stage before this one, or nil before the forget stage.
  public var previous: Stage? { Stage(rawValue: rawValue - 1) }

  /// The stage's number as the screen shows it: 1, 2 or 3.
  public var number: Int { rawValue + 1 }

  /// The stage's name: "Forget gate", "Input gate", "Output gate".
  public var title: String {
    switch self {
    case .forget: "Forget gate"
    case .input: "Input gate"
    case .output: "Output gate"
    }
  }

  /// Orders stages as they happen within a timestep.
  public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Everything the program is showing, as a value.
///
/// It changes only through `reduce(_:_:)`, which keeps it consistent: `t` in 1...T, the sequence
/// and unit in range. The lesson can change too (its model, a sequence's inputs); whatever is
/// derived from it (each sequence's run and downsampled history) then follows, rebuilt by one
/// function, `rebuildDerived()`. Whatever can be derived is derived: the current step's every
/// number is recomputed from the memories before it, which costs O(n²), never O(T).
///
/// Two states are equal when every stored property is: the synthesised `==` leaves none out.
public struct State: Sendable, Equatable {
  /// The playback speeds on offer, as seconds between steps, slowest first.
  /// The slowest two, 8 s and 5 s, leave time to talk about each step in a lecture.
  public static let tickIntervals: [Double] = [8, 5, 3, 2, 1.5, 1, 0.7, 0.5, 0.3, 0.2, 0.1]
  /// The speed playback starts with: one step a second.
  public static let defaultSpeed = 5

  /// The lesson shown.
  public internal(set) var lesson: Lesson
  /// Each sequence run through the model, derived from the lesson by `rebuildDerived()`.
  public internal(set) var runs: [SequenceRun] = []
  /// Each sequence's history of input, LTM and STM, downsampled to a fixed size, derived from
  /// `runs` by `rebuildDerived()`.
  public internal(set) var histories: [History] = []
  /// Decimals shown for every number (0...12).
  public let precision: Int

  /// The selected sequence, an index into `lesson.sequences`.
  public internal(set) var sequenceIndex = 0
  /// The step the user last asked for, kept when the sequence changes: `Int.max` stands for the
  /// last step of whichever sequence is shown (after End, or a step onto the last step).
  public internal(set) var askedStep = 1
  /// The timestep shown, 1...T: the numbers of step t, from the memories of step t - 1.
  ///
  /// It is the step asked for, within the sequence shown: a sequence shorter than the step asked
  /// for shows its last step, and the next longer one the step asked for again. Setting it asks
  /// for that step, or, when it is the sequence's last, for the last step of every sequence.
  public internal(set) var t: Int {
    get { min(max(askedStep, 1), max(stepCount, 1)) }
    set { askedStep = newValue >= stepCount ? Int.max : newValue }
  }
  /// In stage mode, the last stage revealed; nil when stage mode is off and all is shown.
  public internal(set) var stage: Stage?
  /// The selected hidden unit, whose formulas are shown (0..<n).
  public internal(set) var unit = 0
  /// Whether playback is running.
  public internal(set) var isPlaying = false
  /// The playback speed, an index into `State.tickIntervals`.
  public internal(set) var speed = State.defaultSpeed
  /// Whether the help overlay is showing.
  public internal(set) var isShowingHelp = false
  /// The screen's width in columns.
  public internal(set) var width: Int
  /// The screen's height in rows.
  public internal(set) var height: Int
  /// A message for the status line, such as "recording stopped: disk full".
  public internal(set) var statusMessage: String?
  /// Whether the user asked to leave.
  public internal(set) var hasQuit = false
  /// Whether the backward view is showing (b): the gradients of step t rather than its forward
  /// numbers.
  public internal(set) var isShowingBackward = false
  /// Whether the lesson's plain-RNN twin is showing in place of the LSTM (r).
  public internal(set) var isShowingTwin = false
  /// Whether J is the loss rather than the prediction (o), for a sequence with a target.
  public internal(set) var wantsLoss = false
  /// Whether the gates' values σ(x) are shown as percentages (%), as the seed speaks of them:
  /// `f = σ(x) = 83.48 %`, "% of LTM to remember".
  public internal(set) var showsPercentages = false
  /// The digits of a step number being typed (then Enter jumps to it), or nil.
  public internal(set) var typedStep: String?
  /// The gradients and twin runs the backward and RNN views have needed so far, derived from the
  /// lesson: nothing is computed until a view is shown.
  public internal(set) var backward = BackwardCache()
  /// The lesson as it was opened: what `0` in edit mode resets a number to, and what the status
  /// line says a changed number was.
  public let original: Lesson
  /// The runs the screen's dimmed "was" numbers and the history's ghost come from: the lesson
  /// as opened, or the lesson given with `--compare`.
  public private(set) var ghost: Ghost
  /// Edit mode: the cursor, the prompt, the history of edits.
  public internal(set) var edit = EditSession()
  /// The work asked for and not yet done (a long run after an edit, its gradients), oldest
  /// first; `Action.jobFinished` brings each result back.
  public internal(set) var jobs: [DerivedJob] = []
  /// The id the next job gets.
  var nextJobID = 1
  /// The sequences whose run is being made again by a job: their entries in `runs` and
  /// `histories` are the old ones until it is done, and are not shown.
  public internal(set) var staleSequences: Set<Int> = []
  /// The step shown of a sequence being run again, once known.
  public internal(set) var preview: StepPreview?
  /// The ghost's twin runs (the twin as the lesson was opened, or `--compare`'s), by sequence:
  /// made when the RNN view first shows a sequence with something changed, if that fits a key
  /// press, and kept, as the ghost never changes.
  public internal(set) var ghostTwinRuns: [Int: RNNRun] = [:]
  /// The ghost's gradients, by sequence and objective, for the backward view's "was" numbers:
  /// made as `ghostTwinRuns` are, when they fit a key press, and kept.
  public internal(set) var ghostGradients: [SequenceGradients] = []

  /// Opens `lesson` at the first step of its first sequence, on a `width`×`height` screen.
  ///
  /// Runs every sequence through the model once (O(T) each) and downsamples its history to at
  /// most `History.bucketCount` buckets. Every sequence's input size must be the model's.
  /// `compare` is the lesson whose numbers are shown beside these as the ghost (`--compare`),
  /// named `compareName`; it must run the same sequences through a cell of the same sizes (as
  /// LSTMFiles' `Lesson.checkComparable` checks). Without one, the ghost is the lesson itself
  /// as opened.
  public init(
    lesson: Lesson, width: Int, height: Int, precision: Int = 4, compare: Lesson? = nil,
    compareName: String? = nil
  ) {
    self.lesson = lesson
    self.original = lesson
    self.precision = min(max(precision, 0), 12)
    self.width = max(width, 0)
    self.height = max(height, 0)
    ghost = Ghost(lesson: lesson, runs: [], histories: [], name: nil)
    var budget = WorkBudget.unlimited
    rebuildDerived(budget: &budget)
    if let compare {
      ghost = Ghost(lesson: compare, name: compareName ?? "the other lesson")
    } else {
      ghost = Ghost(lesson: lesson, runs: runs, histories: histories, name: nil)
    }
  }

  /// The seconds between playback steps.
  public var tickInterval: Double { State.tickIntervals[speed] }

  /// The number of sequences.
  public var sequenceCount: Int { runs.count }

  /// The selected sequence's run, or nil if the lesson has no sequences.
  public var run: SequenceRun? {
    runs.indices.contains(sequenceIndex) ? runs[sequenceIndex] : nil
  }

  /// The selected sequence's history, or nil if the lesson has no sequences or the sequence is
  /// being run again.
  public var history: History? {
    guard histories.indices.contains(sequenceIndex), !isRecomputing else { return nil }
    return histories[sequenceIndex]
  }

  /// The number of timesteps T of the selected sequence (0 if there is none).
  public var stepCount: Int { run?.count ?? 0 }

  /// Every number of step t, recomputed from the memories before it (nil if there are no steps,
  /// or while the sequence is being run again and step t is not known yet).
  public var step: StepTrace? {
    guard let run, run.count > 0 else { return nil }
    let t = min(max(self.t, 1), run.count)
    guard isRecomputing else { return run.step(at: t) }
    guard let preview, preview.sequence == sequenceIndex, preview.step.t == t else { return nil }
    return preview.step
  }

  /// Whether the selected sequence's run is being made again (after an edit of a long one): its
  /// numbers are not shown until it is done, but for the step shown once it is known.
  public var isRecomputing: Bool { staleSequences.contains(sequenceIndex) }

  /// The hidden size n of the model.
  public var hiddenSize: Int { lesson.model.hiddenSize }

  /// Whether `stage` is revealed: always outside stage mode. The backward view reveals the
  /// stages in backward order: output, input, forget.
  public func reveals(_ stage: Stage) -> Bool {
    guard let shown = self.stage else { return true }
    return isShowingBackward ? stage >= shown : stage <= shown
  }

  /// Whether the last step is showing in full: the sequence has ended and the prediction shows.
  public var isAtEnd: Bool { t >= stepCount && reveals(lastStage) }
}
