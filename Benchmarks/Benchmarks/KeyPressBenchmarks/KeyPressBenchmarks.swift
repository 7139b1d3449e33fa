import Benchmark
import LSTMCore
import LSTMTerminal
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
      KeyPressSession(steps: steps)
    }
  }
}

/// A 120×40 state on the last step of a long sequence, stepped back and forth one key at a time.
final class KeyPressSession {
  var state: State
  var forward = false
  /// Bytes written so far, so that the text is not optimised away.
  var written = 0

  init(steps: Int) {
    var random = SplitMix64(seed: 3)
    let values = (0..<steps).map { _ in random.nextUnit() }
    let lesson = Lesson(
      title: "Benchmark: \(steps) steps", model: Lesson.statQuest.model,
      sequences: [InputSequence(name: "Random walk", values: values)])
    state = State(lesson: lesson, width: 120, height: 40)
    reduce(&state, .last)
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

/// A small deterministic generator, so every run measures the same numbers.
struct SplitMix64 {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform value in [0, 1).
  mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }
}
