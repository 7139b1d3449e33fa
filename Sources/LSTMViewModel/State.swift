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
  public private(set) var lesson: Lesson
  /// Each sequence run through the model, derived from the lesson by `rebuildDerived()`.
  public private(set) var runs: [SequenceRun] = []
  /// Each sequence's history of input, LTM and STM, downsampled to a fixed size, derived from
  /// `runs` by `rebuildDerived()`.
  public private(set) var histories: [History] = []
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

  /// Opens `lesson` at the first step of its first sequence, on a `width`×`height` screen.
  ///
  /// Runs every sequence through the model once (O(T) each) and downsamples its history to at
  /// most `History.bucketCount` buckets. Every sequence's input size must be the model's.
  public init(lesson: Lesson, width: Int, height: Int, precision: Int = 4) {
    self.lesson = lesson
    self.precision = min(max(precision, 0), 12)
    self.width = max(width, 0)
    self.height = max(height, 0)
    rebuildDerived()
  }

  /// The seconds between playback steps.
  public var tickInterval: Double { State.tickIntervals[speed] }

  /// The number of sequences.
  public var sequenceCount: Int { runs.count }

  /// The selected sequence's run, or nil if the lesson has no sequences.
  public var run: SequenceRun? {
    runs.indices.contains(sequenceIndex) ? runs[sequenceIndex] : nil
  }

  /// The selected sequence's history, or nil if the lesson has no sequences.
  public var history: History? {
    histories.indices.contains(sequenceIndex) ? histories[sequenceIndex] : nil
  }

  /// The number of timesteps T of the selected sequence (0 if there is none).
  public var stepCount: Int { run?.count ?? 0 }

  /// Every number of step t, recomputed from the memories before it (nil if there are no steps).
  public var step: StepTrace? {
    guard let run, run.count > 0 else { return nil }
    return run.step(at: min(max(t, 1), run.count))
  }

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

extension State {
  /// Rebuilds everything derived from the lesson, then brings the selection back in range.
  ///
  /// This is the one place where runs and histories are made. A sequence whose run was made from
  /// the same model and the same inputs keeps its run and history (comparing them costs O(1) when
  /// nothing was changed, as they share storage), so changing one sequence's inputs re-runs that
  /// sequence alone, and opening a lesson runs each sequence once. The gradients and twin runs
  /// of the backward and RNN views are forgotten here too, and remade for the views showing
  /// (`rebuildViews()`).
  mutating func rebuildDerived() {
    let model = lesson.model
    let previous = (runs: runs, histories: histories)
    var runs = [SequenceRun]()
    var histories = [History]()
    runs.reserveCapacity(lesson.sequences.count)
    histories.reserveCapacity(lesson.sequences.count)
    for (index, sequence) in lesson.sequences.enumerated() {
      if previous.runs.indices.contains(index), previous.histories.indices.contains(index),
        previous.runs[index].model == model, previous.runs[index].sequence == sequence
      {
        runs.append(previous.runs[index])
        histories.append(previous.histories[index])
      } else {
        let run = SequenceRun(model: model, sequence: sequence)
        runs.append(run)
        histories.append(History(run: run))
      }
    }
    self.runs = runs
    self.histories = histories
    keepSelectionInRange()
    rebuildViews()
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
  mutating func changeModel(to model: LSTMModel) {
    guard accepts(model) else { return }
    lesson.model = model
    rebuildDerived()
  }

  /// Replaces the input at timestep `t` of sequence `index` with `values`, if there is such a
  /// step and `values` has the sequence's input size, and re-runs that sequence.
  mutating func changeInput(sequence index: Int, t: Int, to values: [Double]) {
    guard lesson.sequences.indices.contains(index) else { return }
    let sequence = lesson.sequences[index]
    guard t >= 1, t <= sequence.count, values.count == sequence.inputSize else { return }
    var all = sequence.values
    all.replaceSubrange((t - 1) * sequence.inputSize..<t * sequence.inputSize, with: values)
    lesson.sequences[index] = InputSequence(
      name: sequence.name, inputSize: sequence.inputSize, values: all, target: sequence.target)
    rebuildDerived()
  }
}
