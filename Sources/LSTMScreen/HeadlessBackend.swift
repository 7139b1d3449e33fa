import LSTMViewModel

/// A backend with no terminal: a fixed size to start with, scripted input, and a `draw` that
/// hands each frame to a function. `render` prints frames through it; tests watch them.
///
/// Keys and resizes come at once; a pause moves its `ManualClock` on, so ticks come exactly
/// when they are due. Once a read finds the script run out (as a terminal finds its input
/// closed), or once `draw` throws, the loop stops with `.inputEnded`.
public struct HeadlessBackend: Backend {
  /// The screen's size: the size given, then that of the last `.resize` handed out.
  public private(set) var size: (width: Int, height: Int)
  /// Whether every event's frame is drawn, even one that shows no change.
  public let drawsEveryFrame: Bool
  /// What `draw` threw, which stopped the loop; nil while all is well.
  public private(set) var drawFailure: (any Error)?
  private let inputs: [HeadlessInput]
  private var nextInput = 0
  /// Whether a read has found the script run out.
  private var isAtEnd = false
  /// What is left of the pause under way.
  private var pauseLeft: Duration?
  private let clock: ManualClock
  private let onDraw: (ShownFrame) throws -> Void

  /// A `width`×`height` screen fed `inputs`, on `clock`, that hands each frame drawn to
  /// `onDraw`: only frames that differ from the one shown, or with `drawsEveryFrame` every
  /// event's frame.
  public init(
    width: Int, height: Int, inputs: [HeadlessInput], clock: ManualClock,
    drawsEveryFrame: Bool = false, onDraw: @escaping (ShownFrame) throws -> Void = { _ in }
  ) {
    size = (width, height)
    self.inputs = inputs
    self.clock = clock
    self.drawsEveryFrame = drawsEveryFrame
    self.onDraw = onDraw
  }

  /// Hands `frame` to `onDraw`; once that throws, nothing more is drawn.
  public mutating func draw(_ frame: ShownFrame, replacing previous: Canvas?) {
    guard drawFailure == nil else { return }
    do {
      try onDraw(frame)
    } catch {
      drawFailure = error
    }
  }

  /// The next key or resize of the script; during a pause, nil once `timeout` (or the rest of
  /// the pause, if shorter) has passed on the clock; nil at the end of the script.
  public mutating func nextEvent(waitingAtMost timeout: Duration) -> TerminalEvent? {
    if let left = pauseLeft {
      let step = timeout > .zero ? min(left, timeout) : left
      clock.advance(by: step)
      pauseLeft = left - step > .zero ? left - step : nil
      return nil
    }
    guard inputs.indices.contains(nextInput) else {
      isAtEnd = true
      return nil
    }
    let input = inputs[nextInput]
    nextInput += 1
    switch input {
    case .key(let key):
      return .key(key)
    case .resize(let width, let height):
      size = (width, height)
      return .resize(width: width, height: height)
    case .pause(let duration):
      pauseLeft = duration > .zero ? duration : nil
      return nextEvent(waitingAtMost: timeout)
    }
  }

  /// `.inputEnded` once a read has found the script run out, or `draw` has thrown; else nil.
  public var stopReason: TerminalOutcome? {
    isAtEnd || drawFailure != nil ? .inputEnded : nil
  }
}

/// One step of a `HeadlessBackend`'s scripted input.
public enum HeadlessInput: Sendable, Equatable {
  /// The user presses a key.
  case key(Key)
  /// The screen takes this size.
  case resize(width: Int, height: Int)
  /// Nothing happens for this long: the clock moves on, in steps no longer than the loop waits.
  case pause(Duration)
}
