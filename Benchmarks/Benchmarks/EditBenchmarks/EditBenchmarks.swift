import Benchmark
import BenchmarkSupport
import LSTMCore
import LSTMFiles
import LSTMScreen
import LSTMViewModel

/// An edit in edit mode, as the class feels it, at 10², 10⁵ and 10⁶ steps of the StatQuest cell
/// (with its twin), at the last step of the sequence, 120×40:
///
/// - "edit key press": `reduce` with a nudge of the forget bias (+ then - in turn), then
///   `Screen.render` and the frame written as text: what a key costs before its frame is on
///   screen. Work that does not fit the key's budget (the run again of a long sequence) is only
///   asked for here: at 10⁶ steps this is the longest a key waits.
/// - "edit to the whole frame": the same, and then every job done at once and the frame drawn
///   again: the edit with every number of every step, the history and (in the backward view)
///   the gradients remade. At 10⁶ steps the terminal does the jobs on another thread, while
///   keys go on acting.
/// - "input edit at the last step": the step's input nudged: the steps before it are kept.
/// - The jobs of 10⁶ steps alone: the run again with its history, and the gradients.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal],
    timeUnits: .microseconds,
    warmupIterations: 2,
    maxDuration: .seconds(5),
    maxIterations: 200
  )

  // For scale: a key that only steps (→, ←), as KeyPressBenchmarks measures it, in the same run.
  Benchmark("step key press 120x40, 100 steps (for scale)") { benchmark, session in
    for _ in benchmark.scaledIterations { session.step() }
  } setup: {
    EditingSession(steps: 100)
  }

  for steps in [100, 100_000, 1_000_000] {
    Benchmark("edit key press 120x40, \(steps) steps") { benchmark, session in
      for _ in benchmark.scaledIterations { session.nudge(finishing: false) }
    } setup: {
      EditingSession(steps: steps)
    }
    Benchmark("edit to the whole frame 120x40, \(steps) steps") { benchmark, session in
      for _ in benchmark.scaledIterations { session.nudge(finishing: true) }
    } setup: {
      EditingSession(steps: steps)
    }
    Benchmark("edit to the whole frame, backward view, \(steps) steps") { benchmark, session in
      for _ in benchmark.scaledIterations { session.nudge(finishing: true) }
    } setup: {
      EditingSession(steps: steps, views: [.toggleBackward])
    }
    Benchmark("input edit at the last step 120x40, \(steps) steps") { benchmark, session in
      for _ in benchmark.scaledIterations { session.nudge(finishing: false) }
    } setup: {
      EditingSession(steps: steps, onInput: true)
    }
  }

  Benchmark("job: 10^6 steps run again, with the history") { benchmark, job in
    for _ in benchmark.scaledIterations { blackHole(job.perform()) }
  } setup: { () -> DerivedJob in
    let session = EditingSession(steps: 1_000_000)
    return session.pendingJob()
  }

  Benchmark("job: the gradients of 10^6 steps (and the twin's)") { benchmark, job in
    for _ in benchmark.scaledIterations { blackHole(job.perform()) }
  } setup: { () -> DerivedJob in
    let session = EditingSession(steps: 1_000_000, views: [.toggleBackward])
    return session.pendingGradientsJob()
  }
}

/// A 120×40 state in edit mode at the last step of a long sequence, its cursor on the forget
/// bias (or the step's input), nudged up and down in turn.
final class EditingSession {
  var state: State
  var up = true
  /// Bytes written so far, so that the text is not optimised away.
  var written = 0

  /// A session on `steps` random inputs with the StatQuest twin, in the views `views`.
  init(steps: Int, views: [Action] = [], onInput: Bool = false) {
    let values = randomInputs(steps: steps, inputSize: 1, seed: 3)
    let lesson = Lesson(
      title: "Benchmark: \(steps) steps", model: Lesson.statQuest.model,
      sequences: [InputSequence(name: "Random walk", values: values, target: 1)],
      rnn: RNNModel(stmWeight: 1.89, inputWeight: 2.29, bias: -0.70))
    state = State(lesson: lesson, width: 120, height: 40)
    let moves: [Action] =
      onInput
      ? Array(repeating: .edit(.nextGroup), count: 4) : [.edit(.nextField), .edit(.nextField)]
    for action in [.last, .edit(.toggle)] + moves + views { reduce(&state, action) }
    state.finishJobs()
  }

  /// One nudge (up, then down next time), its frame drawn and written; with `finishing`, every
  /// job done and the frame drawn again.
  @inline(never)
  func nudge(finishing: Bool) {
    reduce(&state, .edit(up ? .nudgeUp : .nudgeDown))
    up.toggle()
    draw()
    if finishing {
      state.finishJobs()
      draw()
    }
  }

  /// One step back or on (h, l), and its frame.
  @inline(never)
  func step() {
    reduce(&state, up ? .previous : .next)
    up.toggle()
    draw()
  }

  /// The frame as text.
  private func draw() {
    var frame = ""
    for line in Screen.render(state).lines {
      frame += line
      frame += "\n"
    }
    written &+= frame.utf8.count
    blackHole(written)
  }

  /// The run job a nudge asks for.
  func pendingJob() -> DerivedJob {
    reduce(&state, .edit(.nudgeUp))
    guard let job = state.jobs.first else { fatalError("the edit asked for no job") }
    return job
  }

  /// The gradients job that follows the run job of a nudge.
  func pendingGradientsJob() -> DerivedJob {
    let run = pendingJob()
    for result in run.perform() { reduce(&state, .jobFinished(result)) }
    guard let job = state.jobs.first else { fatalError("the run asked for no gradients") }
    return job
  }
}
