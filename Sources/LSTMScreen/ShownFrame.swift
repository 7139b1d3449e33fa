import LSTMViewModel

/// A frame the program loop shows: its canvas, when and why it came, and where in the lesson it
/// is. The loop tells whoever watches the frames (a recorder) of each one just before it is
/// drawn; `RecordedFrame` is the same frame as the text format writes and reads it.
public struct ShownFrame: Sendable, Equatable {
  /// The frame: exactly what the screen shows next.
  public var canvas: Canvas
  /// 1 for the first frame shown, then 2, 3, …
  public var number: Int
  /// Seconds since the first frame was shown (0 for the first).
  public var elapsed: Double
  /// What led to this frame: nil for the first one.
  public var cause: TerminalEvent?
  /// The name a recording gives what led to the frame: the cause's name (`right`, `space`,
  /// `resize`, `tick`, `status`), or `start` for the first frame. `render` keeps the key's name
  /// as the user typed it.
  public var key: String
  /// Where in the lesson the frame is.
  public var place: LessonPlace
  /// What the program says the key did, when it changed a number (`edit forget.bias =
  /// -5.0000`): a recording names the frame by it rather than by `key`.
  public var note: String?

  /// Makes the record of a frame; `key` is named after `cause`.
  public init(
    canvas: Canvas, number: Int, elapsed: Double, cause: TerminalEvent?, place: LessonPlace
  ) {
    self.canvas = canvas
    self.number = number
    self.elapsed = elapsed
    self.cause = cause
    self.key = cause?.name ?? "start"
    self.place = place
  }

  /// Whether the frame only shows a new status message (after a recorder failed).
  public var showsStatus: Bool {
    if case .status = cause { return true }
    return false
  }
}

/// Where in the lesson a frame is: the sequence shown, its timestep, and in stage mode the stage
/// revealed, as a recording's separator names them (`Company A · t = 2 / 4 · stage 1 / 3 forget
/// gate`).
public struct LessonPlace: Sendable, Equatable {
  /// The name of the sequence shown.
  public var sequence: String
  /// The timestep shown, counting from 1.
  public var t: Int
  /// The number of timesteps in the sequence.
  public var steps: Int
  /// In stage mode, the last stage revealed; nil when every stage shows.
  public var stage: Stage?

  /// Makes a place.
  public init(sequence: String, t: Int, steps: Int, stage: Stage? = nil) {
    self.sequence = sequence
    self.t = t
    self.steps = steps
    self.stage = stage
  }

  /// The place `state` shows.
  public init(state: State) {
    self.init(
      sequence: state.run?.sequence.name ?? "", t: state.t, steps: state.stepCount,
      stage: state.stage)
  }
}

extension RecordedFrame {
  /// Frame `number` of a recording, holding `frame` as it was shown.
  public init(number: Int, shown frame: ShownFrame) {
    self.init(
      number: number, elapsed: frame.elapsed, key: frame.note ?? frame.key,
      sequence: frame.place.sequence,
      t: frame.place.t, steps: frame.place.steps, stage: frame.place.stage, canvas: frame.canvas)
  }
}
