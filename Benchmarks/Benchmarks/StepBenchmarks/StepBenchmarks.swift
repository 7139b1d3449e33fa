import Benchmark
import BenchmarkSupport
import Foundation
import LSTMCore
import LSTMFiles

/// One trace step, `LSTMModel.advance`, as `lstmviz trace` and `SequenceRun` take it.
///
/// The figure is per step: each sample runs `scalingFactor` steps through a ring of inputs, and
/// the harness divides by it (the columns marked `*`). Allocations are counted by the harness's
/// malloc interposer over the same steps, so "Malloc (total) *" is allocations per step.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    timeUnits: .nanoseconds,
    warmupIterations: 10,
    maxDuration: .seconds(2),
    maxIterations: 1_000
  )

  Benchmark(
    "advance scalar (StatQuest cell)",
    configuration: .init(scalingFactor: .mega)
  ) { benchmark, fixture in
    fixture.run(steps: benchmark.scaledIterations.count)
  } setup: {
    StepFixture(model: Lesson.statQuest.model, seed: 1)
  }

  // A thousand steps a sample: for n = 512 a sample takes about half a second, so it gets longer.
  for (hiddenSize, seconds) in [(32, 2), (128, 3), (512, 10)] {
    Benchmark(
      "advance n=\(hiddenSize) m=16",
      configuration: .init(scalingFactor: .kilo, maxDuration: .seconds(seconds))
    ) { benchmark, fixture in
      fixture.run(steps: benchmark.scaledIterations.count)
    } setup: {
      StepFixture(model: randomModel(hiddenSize: hiddenSize, inputSize: 16, seed: 7), seed: 2)
    }
  }

  addFloors()
}

/// What no layout of a step can go below, with the C library's `exp` and `tanh` (what the cell
/// used before) and with the cell's own functions (`Activation`, on the C functions of
/// `CLSTMKernels`), and what one dependent C library `exp` and one dependent division take here:
/// a scalar step's chain holds two of each.
///
/// The scalar floor runs only the recurrence (the same formulas, nothing stored): each step's
/// STM feeds the next, through two dependent `tanh` and an `exp`. The n = 128 floor runs only a
/// step's 384 sigmoids and 256 `tanh`, with no weights at all.
func addFloors() {
  Benchmark(
    "floor: one division, each waiting for the one before",
    configuration: .init(scalingFactor: .mega)
  ) { (benchmark: Benchmark, inputs: [Double]) in
    var quotient = inputs[0] + 1
    let dividend = inputs[1] + 1
    for _ in benchmark.scaledIterations { quotient = dividend / quotient }
    blackHole(quotient)
  } setup: {
    randomInputs(steps: 2, seed: 5)
  }

  Benchmark(
    "floor: one C library exp, each waiting for the one before",
    configuration: .init(scalingFactor: .mega)
  ) { (benchmark: Benchmark, inputs: [Double]) in
    var value = -inputs[0]
    for _ in benchmark.scaledIterations { value = -exp(value) }
    blackHole(value)
  } setup: {
    randomInputs(steps: 1, seed: 5)
  }

  Benchmark(
    "floor: scalar recurrence alone (C library)",
    configuration: .init(scalingFactor: .mega)
  ) { (benchmark: Benchmark, inputs: [Double]) in
    blackHole(libraryRecurrence(inputs, steps: benchmark.scaledIterations.count))
  } setup: {
    randomInputs(steps: 1_024, seed: 1)
  }

  Benchmark(
    "floor: scalar recurrence alone (the cell's functions)",
    configuration: .init(scalingFactor: .mega)
  ) { (benchmark: Benchmark, inputs: [Double]) in
    blackHole(cellRecurrence(inputs, steps: benchmark.scaledIterations.count))
  } setup: {
    randomInputs(steps: 1_024, seed: 1)
  }

  Benchmark(
    "floor: the activations of one n=128 step alone (C library)",
    configuration: .init(scalingFactor: .kilo)
  ) { (benchmark: Benchmark, xs: [Double]) in
    var sum = 0.0
    for _ in benchmark.scaledIterations {
      for (k, x) in xs.enumerated() {
        sum += k < 384 ? librarySigmoid(x) : tanh(x)
      }
    }
    blackHole(sum)
  } setup: {
    randomInputs(steps: 640, seed: 4).map { $0 * 6 - 3 }
  }

  Benchmark(
    "floor: the activations of one n=128 step alone (the cell's functions)",
    configuration: .init(scalingFactor: .kilo)
  ) { (benchmark: Benchmark, xs: [Double]) in
    var sum = 0.0
    for _ in benchmark.scaledIterations {
      for (k, x) in xs.enumerated() {
        sum += k < 384 ? Activation.sigmoid(x) : Activation.tanh(x)
      }
    }
    blackHole(sum)
  } setup: {
    randomInputs(steps: 640, seed: 4).map { $0 * 6 - 3 }
  }
}

/// The sigmoid as the cell computed it before, on the C library's `exp`.
@inline(__always)
func librarySigmoid(_ x: Double) -> Double {
  if x >= 0 {
    return 1 / (1 + exp(-x))
  }
  let e = exp(x)
  return e / (1 + e)
}

/// The StatQuest recurrence with the C library's functions.
@inline(never)
func libraryRecurrence(_ inputs: [Double], steps: Int) -> Double {
  scalarRecurrence(inputs, steps: steps, sigmoid: librarySigmoid, tanh: tanh)
}

/// The StatQuest recurrence with the cell's own functions.
@inline(never)
func cellRecurrence(_ inputs: [Double], steps: Int) -> Double {
  scalarRecurrence(
    inputs, steps: steps, sigmoid: { Activation.sigmoid($0) }, tanh: { Activation.tanh($0) })
}

/// The StatQuest cell's recurrence over `steps` inputs from the ring `inputs`, nothing kept.
@inline(__always)
func scalarRecurrence(
  _ inputs: [Double], steps: Int, sigmoid: (Double) -> Double, tanh: (Double) -> Double
) -> Double {
  let w: [Double] = [2.70, 1.63, 1.62, 2.00, 1.65, 0.62, 1.41, 0.94, -0.32, 4.38, -0.19, 0.59]
  var stm = 0.0
  var ltm = 0.0
  for step in 0..<steps {
    let x = inputs[step & 1_023]
    let forget = sigmoid((0 + w[0] * stm) + (0 + w[1] * x) + w[2])
    let retained = sigmoid((0 + w[3] * stm) + (0 + w[4] * x) + w[5])
    let potential = tanh((0 + w[6] * stm) + (0 + w[7] * x) + w[8])
    let output = sigmoid((0 + w[9] * stm) + (0 + w[10] * x) + w[11])
    ltm = forget * ltm + retained * potential
    stm = output * tanh(ltm)
  }
  return stm + ltm
}

/// A model, a ring of inputs to cycle through, and a trace buffer advanced from one sample to
/// the next (so no sample pays for copying it).
final class StepFixture {
  let model: LSTMModel
  let inputs: InputSequence
  var trace: StepTrace

  init(model: LSTMModel, seed: UInt64) {
    let steps = 1_024
    self.model = model
    inputs = InputSequence(
      name: "ring", inputSize: model.inputSize,
      values: randomInputs(steps: steps, inputSize: model.inputSize, seed: seed).map { $0 * 2 - 1 })
    trace = StepTrace(t: 0, inputSize: model.inputSize, hiddenSize: model.hiddenSize)
  }

  /// Advances the trace by `steps` steps, cycling through the input ring.
  @inline(never)
  func run(steps: Int) {
    var trace = StepTrace(t: 0, inputSize: 0, hiddenSize: 0)
    swap(&trace, &self.trace)
    let ring = inputs.count
    var t = trace.t % ring
    for _ in 0..<steps {
      t = t == ring ? 1 : t + 1
      model.advance(&trace, input: inputs.input(at: t))
    }
    blackHole(trace.stm[0])
    swap(&trace, &self.trace)
  }
}
