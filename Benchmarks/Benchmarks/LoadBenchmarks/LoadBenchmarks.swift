import Benchmark
import BenchmarkSupport
import LSTMCore
import LSTMFiles
import LSTMScreen
import LSTMViewModel

/// Opening a long lesson: reading a 10⁶-step sequences CSV into a `Lesson`, and from there the
/// first 120×40 frame (running every step once, downsampling the history, laying out the frame).
///
/// The CSV text is made once in memory, the shape `Scripts/make_sequences.py` writes (a header,
/// then one number with six decimals a row), so these figures leave out the disk; the whole
/// process, disk included, is in `run-process-benchmarks.sh`.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    maxDuration: .seconds(10),
    maxIterations: 20
  )

  Benchmark("load 10^6-step CSV") { benchmark, csv in
    let lesson = try load(csv)
    blackHole(lesson.sequences[0].count)
  } setup: {
    sequencesCSV(steps: 1_000_000)
  }

  Benchmark("load 10^6-step CSV and lay out the first frame (120x40)") { benchmark, csv in
    let lesson = try load(csv)
    let state = State(lesson: lesson, width: 120, height: 40)
    blackHole(Screen.render(state).lines.count)
  } setup: {
    sequencesCSV(steps: 1_000_000)
  }
}

/// The built-in model with the sequences of `csv`, through the loader `lstmviz --sequences` uses.
func load(_ csv: [UInt8]) throws -> Lesson {
  try Lesson.load(LessonSources(sequences: "walk.csv")) { _ throws(LessonError) in csv }
}

/// A CSV of one sequence of `steps` values: a bounded random walk from a fixed seed.
func sequencesCSV(steps: Int) -> [UInt8] {
  var random = SplitMix64(seed: 5)
  var text = "Random walk\n"
  text.reserveCapacity(steps * 9 + 16)
  var millionths = 500_000
  for _ in 0..<steps {
    millionths = min(max(millionths + Int(random.next() % 200_001) - 100_000, 0), 1_000_000)
    let digits = String(millionths)
    text +=
      millionths == 1_000_000
      ? "1.000000\n" : "0." + String(repeating: "0", count: 6 - digits.count) + digits + "\n"
  }
  return Array(text.utf8)
}
