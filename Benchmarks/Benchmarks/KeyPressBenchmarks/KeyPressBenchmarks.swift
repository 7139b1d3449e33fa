import Benchmark
import BenchmarkSupport
import LSTMCore
import LSTMFiles
import LSTMScreen
import LSTMViewModel

/// One key press as the teacher feels it: `reduce` with → or ←, `Screen.render` of a 120×40
/// frame, and the frame written out as text (its rows joined into one string, as the recorder and
/// `lstmviz render` write it). For sequences of 10², 10⁴ and 10⁶ steps of the StatQuest cell.
///
/// The per-press cost must not grow with the sequence: at 10⁶ steps it should be within 1.5× of
/// its cost at 10² steps. Setting up the state (running the sequence once) is not measured.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal],
    timeUnits: .microseconds,
    warmupIterations: 20,
    maxDuration: .seconds(3),
    maxIterations: 2_000
  )

  for steps in [100, 10_000, 1_000_000] {
    Benchmark("key press 120x40, \(steps) steps") { benchmark, session in
      for _ in benchmark.scaledIterations {
        session.press()
      }
    } setup: {
      KeyPressSession(model: Lesson.statQuest.model, steps: steps)
    }
  }

  // The backward view (b) with the RNN twin: the gradients are computed once, in setup, when the
  // view opens; each key then recomputes one backward step of each cell (O(n²)) and draws the
  // log-scale plot from its downsampled series. Within 1.5× of 10² at 10⁶ steps.
  for steps in [100, 1_000_000] {
    Benchmark("backward key press 120x40, \(steps) steps") { benchmark, session in
      for _ in benchmark.scaledIterations {
        session.press()
      }
    } setup: {
      KeyPressSession(model: Lesson.statQuest.model, steps: steps, views: [.toggleBackward])
    }
    Benchmark("RNN backward key press 120x40, \(steps) steps") { benchmark, session in
      for _ in benchmark.scaledIterations {
        session.press()
      }
    } setup: {
      KeyPressSession(
        model: Lesson.statQuest.model, steps: steps, views: [.toggleTwin, .toggleBackward])
    }
  }

  // A vector cell: each key recomputes a step of n = 128 (O(n²)) and shows one unit.
  Benchmark("key press 120x40, n=128 m=16, 10000 steps") { benchmark, session in
    for _ in benchmark.scaledIterations {
      session.press()
    }
  } setup: {
    KeyPressSession(model: randomModel(hiddenSize: 128, inputSize: 16, seed: 9), steps: 10_000)
  }
}

/// A 120×40 state on the last step of a long sequence, stepped back and forth one key at a time.
final class KeyPressSession {
  var state: State
  var forward = false
  /// Bytes written so far, so that the text is not optimised away.
  var written = 0

  /// A session on `steps` random inputs, in the views `views` open (such as `.toggleBackward`),
  /// with the StatQuest twin (1.89, 2.29, −0.70) for a scalar model.
  init(model: LSTMModel, steps: Int, views: [Action] = []) {
    let values = randomInputs(steps: steps, inputSize: model.inputSize, seed: 3)
    let lesson = Lesson(
      title: "Benchmark: \(steps) steps", model: model,
      sequences: [
        InputSequence(name: "Random walk", inputSize: model.inputSize, values: values)
      ],
      rnn: model.isScalar ? RNNModel(stmWeight: 1.89, inputWeight: 2.29, bias: -0.70) : nil)
    state = State(lesson: lesson, width: 120, height: 40)
    reduce(&state, .last)
    for view in views { reduce(&state, view) }
  }

  /// One key press: reduce, lay out, write.
  @inline(never)
  func press() {
    reduce(&state, forward ? .next : .previous)
    forward.toggle()
    let canvas = Screen.render(state)
    var frame = ""
    for line in canvas.lines {
      frame += line
      frame += "\n"
    }
    written &+= frame.utf8.count
    blackHole(written)
  }
}
