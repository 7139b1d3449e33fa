/// The one loop that runs a `TerminalProgram`, on the terminal and headless alike: wait for a
/// key or the next tick, update the program, draw what changed.
///
/// - The program hears `.resize` with the backend's size first, then its first frame is shown.
/// - A frame is shown only if it differs from the one on screen (unless the backend
///   `drawsEveryFrame`). Whoever watches the frames (`frameShown`) hears of each one just
///   before it is drawn, so that a recorder has written it before anyone can see it.
/// - A message returned by `frameShown` (a recorder that failed) goes to the program as
///   `.status`, and its frame is shown at once, once: a message about that frame is not taken.
/// - While the program has a `tickInterval`, a `.tick` comes each time that much has passed
///   since the last tick, or since playing began.
/// - The backend is asked at least every `pollInterval` whether the session must stop.
/// - The work the program asks for (`TerminalProgram.jobs`) goes to the `JobRunner` after every
///   event, and its results back to the program: with `InlineJobRunner` before the event's frame
///   is shown, with a thread of its own as they come (the loop then looks every 5 ms), each
///   with a frame of its own (`.workDone`).
public struct ProgramLoop<BackendType: Backend, ClockType: ProgramClock> {
  /// What the loop draws on and reads from.
  public private(set) var backend: BackendType
  /// Where the loop reads the time, for ticks and each frame's `elapsed`.
  public let clock: ClockType
  /// The longest the loop waits for input before it asks the backend whether to stop.
  public let pollInterval: Duration
  /// Who does the work the program asks for.
  public let runner: any JobRunner
  /// How often the loop looks for results while work is under way.
  static var workPollInterval: Duration { .milliseconds(5) }
  private var shown: Canvas?
  private var framesShown = 0
  private var firstFrameTime: ClockType.Instant?
  /// When the current playback interval started: at the last tick, or when playing began.
  private var tickBase: ClockType.Instant?

  /// A loop over `backend`, timed by `clock`, the program's work done by `runner`.
  public init(
    backend: BackendType, clock: ClockType, pollInterval: Duration = .milliseconds(100),
    runner: any JobRunner = InlineJobRunner()
  ) {
    self.backend = backend
    self.clock = clock
    self.pollInterval = pollInterval
    self.runner = runner
  }

  /// Runs `program` until it finishes or the backend says to stop.
  ///
  /// - Parameter frameShown: Told of every frame shown, just before it is drawn; returns a
  ///   message for the program's status line, or nil.
  /// - Returns: `.finished` when the program finished, else the backend's `stopReason`.
  public mutating func run<Program: TerminalProgram>(
    _ program: inout Program, frameShown: (ShownFrame) -> String? = { _ in nil }
  ) -> TerminalOutcome {
    let (width, height) = backend.size
    program.handle(.resize(width: width, height: height))
    exchangeWork(&program)
    present(&program, cause: nil, frameShown)
    while !program.isFinished {
      if let stop = backend.stopReason { return stop }
      var wait = pollInterval
      if let interval = program.tickInterval {
        let now = clock.now
        let due = (tickBase ?? now).advanced(by: .seconds(max(interval, 0.001)))
        if tickBase == nil { tickBase = now }
        if now >= due {
          tickBase = now
          update(&program, .tick, frameShown)
          continue
        }
        wait = min(wait, now.duration(to: due))
      } else {
        tickBase = nil
      }
      if !program.jobs.isEmpty { wait = min(wait, Self.workPollInterval) }
      guard let event = backend.nextEvent(waitingAtMost: wait) else {
        if exchangeWork(&program) { present(&program, cause: .workDone, frameShown) }
        continue
      }
      update(&program, event, frameShown)
    }
    return .finished
  }

  private mutating func update<Program: TerminalProgram>(
    _ program: inout Program, _ event: TerminalEvent, _ frameShown: (ShownFrame) -> String?
  ) {
    program.handle(event)
    exchangeWork(&program)
    present(&program, cause: event, frameShown)
  }

  /// Hands the program's jobs to the runner and the runner's results to the program, until no
  /// more come; says whether any did.
  @discardableResult
  private func exchangeWork<Program: TerminalProgram>(_ program: inout Program) -> Bool {
    var received = false
    while true {
      runner.submit(program.jobs)
      let results = runner.takeResults()
      if results.isEmpty { return received }
      for result in results { program.receive(result) }
      received = true
    }
  }

  /// Shows the program's frame if it differs from the one on screen, telling `frameShown` first.
  private mutating func present<Program: TerminalProgram>(
    _ program: inout Program, cause: TerminalEvent?, _ frameShown: (ShownFrame) -> String?
  ) {
    var cause = cause
    // A status message from `frameShown` makes one more frame, reported like any other; a
    // message about that frame is not taken, so this cannot loop.
    for attempt in 0..<2 {
      let canvas = program.render()
      guard backend.drawsEveryFrame || canvas != shown else { return }
      framesShown += 1
      let now = clock.now
      let start = firstFrameTime ?? now
      firstFrameTime = start
      var frame = ShownFrame(
        canvas: canvas, number: framesShown, elapsed: Self.seconds(start.duration(to: now)),
        cause: cause, place: program.place)
      if case .key = cause { frame.note = program.eventNote }
      // `frameShown` hears of the frame just before it reaches the screen, so that a recorder
      // has written it before anyone can see it: a session killed at any moment has recorded
      // every frame shown.
      let message = frameShown(frame)
      backend.draw(frame, replacing: shown)
      shown = canvas
      guard let message, attempt == 0 else { return }
      cause = .status(message)
      program.handle(.status(message))
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
