import Benchmark
import BenchmarkSupport
import Foundation
import LSTMCore
import LSTMFiles

/// Training, one epoch a sample: `Trainer.runEpoch()`, what `lstmviz train` runs N times (one
/// optimizer step, then the loss and the exact gradients of every sequence at the new weights).
///
/// Figures are per epoch; epochs per second is their inverse. The target: at least 100×
/// the per-epoch speed of the same training in torch, which `Scripts/torch_train_epoch.py`
/// measures on this machine (run by run-training-benchmarks.sh beside these).
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal],
    timeUnits: .microseconds,
    warmupIterations: 100,
    maxDuration: .seconds(5),
    maxIterations: 100_000
  )

  Benchmark("train epoch, StatQuest untrained (Adam, 2 sequences of 4 steps)") { benchmark, start in
    var trainer = start
    for _ in benchmark.scaledIterations {
      blackHole(try trainer.runEpoch())
    }
  } setup: {
    try trainer(sample("statquest-untrained.json"), optimizer: .adam(learningRate: 0.1))
  }

  Benchmark("train epoch, forty days (Adam, 2 sequences of 44 steps)") { benchmark, start in
    var trainer = start
    for _ in benchmark.scaledIterations {
      blackHole(try trainer.runEpoch())
    }
  } setup: {
    try trainer(sample("forty-days.json"), optimizer: .adam(learningRate: 0.1))
  }

  Benchmark("train epoch, forty days RNN twin (Adam)") { benchmark, start in
    var trainer = start
    for _ in benchmark.scaledIterations {
      blackHole(try trainer.runEpoch())
    }
  } setup: {
    try trainer(sample("forty-days.json"), optimizer: .adam(learningRate: 0.1), twin: true)
  }

  Benchmark(
    "train epoch, n=16 m=1 state_dict, 100 sequences of 50 steps (Adam)",
    configuration: .init(warmupIterations: 3, maxDuration: .seconds(10), maxIterations: 200)
  ) { benchmark, start in
    var trainer = start
    for _ in benchmark.scaledIterations {
      blackHole(try trainer.runEpoch())
    }
  } setup: {
    try sixteenUnitTrainer()
  }
}

/// A 16-unit `nn.LSTM(1, 16)`-shaped cell (PyTorch's initialisation, `bias_ih` and `bias_hh`
/// apart) on 100 sequences of 50 steps with random targets in (-0.8, 0.8).
func sixteenUnitTrainer() throws -> Trainer {
  var random = SplitMix64(seed: 16)
  let sequences = (0..<100).map { k in
    InputSequence(
      name: "s\(k)", inputSize: 1, values: randomInputs(steps: 50, seed: UInt64(k)),
      target: (0..<16).map { _ in random.nextUnit() * 1.6 - 0.8 })
  }
  let model = randomModel(hiddenSize: 16, inputSize: 1, seed: 5)
  let layout = TorchLayout(
    inputBias: model.torchOrderBias, stmBias: [Double](repeating: 0, count: 64))
  return try Trainer(
    TrainableCell(.lstm(model), layout: layout), sequences: sequences,
    optimizer: .adam(learningRate: 0.01))
}

/// A sample lesson of the repository's `Samples/`.
func sample(_ name: String) throws -> Lesson {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let text = try String(
    contentsOf: root.appendingPathComponent("Samples/\(name)"), encoding: .utf8)
  return try Lesson.load(LessonSources(lesson: name)) { _ throws(LessonError) in Array(text.utf8) }
}

/// A trainer of `lesson`'s LSTM (or twin) on its targets.
func trainer(_ lesson: Lesson, optimizer: Optimizer, twin: Bool = false) throws -> Trainer {
  guard let cell = lesson.trainableCell(twin: twin) else {
    fatalError("the lesson has no twin")
  }
  return try Trainer(cell, sequences: lesson.sequences, optimizer: optimizer)
}
