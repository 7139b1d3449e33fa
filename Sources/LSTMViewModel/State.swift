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
/// The lesson and what is derived from it (each sequence's run and downsampled history) are
/// fixed at init; the rest changes only through `reduce(_:_:)`, which keeps it consistent: `t` in
/// 1...T, the sequence and unit in range. Whatever can be derived is derived: the current step's
/// every number is recomputed from the memories before it, which costs O(n²), never O(T).
public struct State: Sendable {
  /// The playback speeds on offer, as seconds between steps, slowest first.
  public static let tickIntervals: [Double] = [3, 2, 1.5, 1, 0.7, 0.5, 0.3, 0.2, 0.1]
  /// The speed playback starts with: one step a second.
  public static let defaultSpeed = 3

  /// The lesson shown.
  public let lesson: Lesson
  /// Each sequence run through the model, computed once.
  public let runs: [SequenceRun]
  /// Each sequence's history of input, LTM and STM, downsampled once to a fixed size.
  public let histories: [History]
  /// Decimals shown for every number (0...12).
  public let precision: Int

  /// The selected sequence, an index into `lesson.sequences`.
  public internal(set) var sequenceIndex = 0
  /// The timestep shown, 1...T: the numbers of step t, from the memories of step t - 1.
  public internal(set) var t = 1
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

  /// Opens `lesson` at the first step of its first sequence, on a `width`×`height` screen.
  ///
  /// Runs every sequence through the model once (O(T) each) and downsamples its history to at
  /// most `History.bucketCount` buckets. Every sequence's input size must be the model's.
  public init(lesson: Lesson, width: Int, height: Int, precision: Int = 4) {
    self.lesson = lesson
    runs = lesson.sequences.map { SequenceRun(model: lesson.model, sequence: $0) }
    histories = runs.map { History(run: $0) }
    self.precision = min(max(precision, 0), 12)
    self.width = max(width, 0)
    self.height = max(height, 0)
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

  /// Whether `stage` is revealed: always outside stage mode.
  public func reveals(_ stage: Stage) -> Bool {
    guard let shown = self.stage else { return true }
    return stage <= shown
  }

  /// Whether the last step is showing in full: the sequence has ended and the prediction shows.
  public var isAtEnd: Bool { t >= stepCount && reveals(.output) }
}

extension State: Equatable {
  /// Two states are equal when they show the same lesson in the same way.
  ///
  /// Runs and histories are not compared: they are derived from the lesson.
  public static func == (lhs: State, rhs: State) -> Bool {
    lhs.precision == rhs.precision && lhs.sequenceIndex == rhs.sequenceIndex && lhs.t == rhs.t
      && lhs.stage == rhs.stage && lhs.unit == rhs.unit && lhs.isPlaying == rhs.isPlaying
      && lhs.speed == rhs.speed && lhs.isShowingHelp == rhs.isShowingHelp
      && lhs.width == rhs.width && lhs.height == rhs.height
      && lhs.statusMessage == rhs.statusMessage && lhs.hasQuit == rhs.hasQuit
      && lhs.lesson == rhs.lesson
  }
}
