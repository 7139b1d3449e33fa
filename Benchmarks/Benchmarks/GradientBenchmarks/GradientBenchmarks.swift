import Benchmark
import BenchmarkSupport
import LSTMCore
import LSTMFiles

/// Backpropagation through time of a whole sequence, `SequenceRun.gradients(of:)` and
/// `RNNRun.gradients(of:)`: what `trace --gradients` and the screen's backward view compute once
/// per sequence and objective. The forward run is made in the setup, outside the measurement.
///
/// Figures are per sequence (one gradient pass a sample). The target: under 0.2 s for
/// the scalar cell's 10^6 steps. Compare `Scripts/numpy_bptt.py` (run by
/// run-process-benchmarks.sh) on the same cell.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    maxDuration: .seconds(10),
    maxIterations: 10
  )

  Benchmark("gradients scalar 10^6 steps (StatQuest cell), J = prediction") { benchmark, run in
    for _ in benchmark.scaledIterations {
      blackHole(run.gradients(of: .prediction(unit: 0)))
    }
  } setup: {
    SequenceRun(
      model: Lesson.statQuest.model,
      sequence: InputSequence(name: "bench", values: randomInputs(steps: 1_000_000, seed: 3)))
  }

  Benchmark("gradients scalar 10^6 steps (StatQuest cell), J = loss") { benchmark, run in
    for _ in benchmark.scaledIterations {
      blackHole(run.gradients(of: .loss(target: [1])))
    }
  } setup: {
    SequenceRun(
      model: Lesson.statQuest.model,
      sequence: InputSequence(name: "bench", values: randomInputs(steps: 1_000_000, seed: 3)))
  }

  Benchmark("gradients RNN twin 10^6 steps (scalar)") { benchmark, run in
    for _ in benchmark.scaledIterations {
      blackHole(run.gradients(of: .prediction(unit: 0)))
    }
  } setup: {
    RNNRun(
      model: RNNModel(stmWeight: 1.89, inputWeight: 2.29, bias: -0.70),
      sequence: InputSequence(name: "bench", values: randomInputs(steps: 1_000_000, seed: 3)))
  }

  // n = 128 costs O(T·n²) a pass: 10^4 steps a sample, about 8·128² multiply-adds a step.
  Benchmark("gradients n=128 m=16, 10^4 steps") { benchmark, run in
    for _ in benchmark.scaledIterations {
      blackHole(run.gradients(of: .prediction(unit: 0)))
    }
  } setup: {
    SequenceRun(
      model: randomModel(hiddenSize: 128, inputSize: 16, seed: 7),
      sequence: InputSequence(
        name: "bench", inputSize: 16, values: randomInputs(steps: 10_000, inputSize: 16, seed: 4)))
  }
}
