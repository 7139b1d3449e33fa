import ArgumentParser
import Foundation
import LSTMCore
import LSTMFiles
import LSTMScreen
import LSTMTerminal

extension TrainingFormat: ExpressibleByArgument {}

/// The optimizers `--optimizer` names.
enum OptimizerName: String, CaseIterable, ExpressibleByArgument {
  case adam
  case sgd
}

/// `lstmviz train`: the cell (or its twin) trained on the lesson's targets, epoch by epoch.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train the cell on the targets of the lesson's sequences.",
    discussion: """
      One epoch is one full-batch step on L = Σ (prediction − target)² over the sequences that \
      have a target, with the exact gradients of backpropagation through time and \
      torch.optim's Adam or SGD in float64. The defaults (Adam, learning rate \
      \(TrainingSettings.short(TrainingSettings.defaultLearningRate)), \
      \(TrainingSettings.defaultEpochs) epochs; for SGD momentum \
      \(TrainingSettings.short(TrainingSettings.defaultMomentum))) train the StatQuest lesson. \
      table prints the loss every K epochs and the weights before and after; csv one row per \
      epoch (epoch, loss, every parameter); json the losses and the trained model in the form \
      the lesson holds it. A loss or weight that stops being finite stops training: nothing is \
      written, exit 1.
      """)

  @OptionGroup var lesson: LessonOptions

  @Option(help: "Epochs to run (default \(TrainingSettings.defaultEpochs)).")
  var epochs: Int?

  @Option(help: "adam (default) or sgd.")
  var optimizer: OptimizerName?

  @Option(
    name: .customLong("learning-rate"),
    help: ArgumentHelp(
      "The learning rate (default \(TrainingSettings.short(TrainingSettings.defaultLearningRate))).",
      valueName: "LR"))
  var learningRate: Double?

  @Option(
    help: ArgumentHelp(
      "SGD's momentum, as torch.optim.SGD's (default "
        + "\(TrainingSettings.short(TrainingSettings.defaultMomentum)); 0 for plain SGD).",
      valueName: "M"))
  var momentum: Double?

  @Option(help: "lstm, or rnn for the lesson's plain-RNN twin.")
  var cell: TraceCell = .lstm

  @Option(
    help: ArgumentHelp(
      "Write the trained lesson to this file: the title marked as trained, the sequences and "
        + "targets kept.", valueName: "file"))
  var save: String?

  @Flag(help: "Overwrite the --save file if it exists.")
  var force = false

  @Option(
    help: ArgumentHelp(
      "table and csv show every K-th epoch (and the first and last); default: a tenth of the "
        + "epochs for table, every epoch for csv.", valueName: "K"))
  var every: Int?

  @Option(help: "table, csv or json.")
  var format: TrainingFormat = .table

  @OptionGroup var precision: PrecisionOption

  func run() throws {
    let settings = try self.settings()
    if let save {
      do {
        try RecordingFile.check(path: save, force: force)
      } catch {
        throw UsageError(message: "--save: \(error.description)")
      }
    } else if force {
      throw UsageError(message: "--force overwrites the --save file; give --save FILE with it")
    }
    let loaded = try lesson.loadLesson()
    if cell == .rnn, let problem = TraceOptions(cell: .rnn).problem(with: loaded) {
      throw UsageError(message: problem)
    }
    guard let start = loaded.trainableCell(twin: cell == .rnn) else {
      throw UsageError(message: "--cell rnn: the lesson has no plain-RNN twin")
    }
    let names = LessonEncoding.names(of: start)
    func failure(_ error: TrainingError) -> Error {
      let message = TrainingReport.message(for: error, names: names, cell: cell)
      if case .notFinite = error { return RuntimeError(blamed(message)) }
      return LessonError(file: blamedFile, location: nil, message: message)
    }
    var trainer: Trainer
    var history: TrainingHistory
    do {
      trainer = try Trainer(start, sequences: loaded.sequences, optimizer: settings.optimizer)
      let every = every ?? (format == .table ? max(1, settings.epochs / 10) : 1)
      var progress = ProgressLine(epochs: settings.epochs)
      history = try trainer.run(epochs: settings.epochs, every: every) { epoch, loss in
        progress.show(epoch: epoch, loss: loss)
      }
      progress.finish()
    } catch {
      throw failure(error)
    }
    let report = TrainingReport(
      lesson: loaded, settings: settings, history: history,
      examples: trainer.examples.map(\.name))
    if let save {
      try write(LessonEncoding.json(for: report.trainedLesson), to: save)
    }
    try report.write(
      format, precision: precision.decimals, to: ByteWriter(sink: StandardOutput.write))
  }

  /// The settings the options ask for, checked.
  func settings() throws -> TrainingSettings {
    var chosen = Set<TrainingSettings.Choice>()
    if optimizer != nil { chosen.insert(.optimizer) }
    if learningRate != nil { chosen.insert(.learningRate) }
    if momentum != nil { chosen.insert(.momentum) }
    if epochs != nil { chosen.insert(.epochs) }
    let epochs = epochs ?? TrainingSettings.defaultEpochs
    guard epochs >= 1, epochs <= 100_000_000 else {
      throw UsageError(message: "--epochs: expected 1 to 100000000 epochs, got \(epochs)")
    }
    let rate = learningRate ?? TrainingSettings.defaultLearningRate
    guard rate.isFinite, rate > 0 else {
      throw UsageError(message: "--learning-rate: expected a number above 0, got \(rate)")
    }
    if let every, every < 1 {
      throw UsageError(message: "--every: expected 1 or more epochs, got \(every)")
    }
    let optimizer: Optimizer
    switch self.optimizer ?? .adam {
    case .adam:
      if momentum != nil {
        throw UsageError(
          message: "--momentum is SGD's (--optimizer sgd); Adam keeps its own moments")
      }
      optimizer = .adam(learningRate: rate)
    case .sgd:
      let momentum = momentum ?? TrainingSettings.defaultMomentum
      guard momentum.isFinite, momentum >= 0 else {
        throw UsageError(message: "--momentum: expected 0 or more, got \(momentum)")
      }
      optimizer = .sgd(learningRate: rate, momentum: momentum)
    }
    return TrainingSettings(optimizer: optimizer, epochs: epochs, cell: cell, chosen: chosen)
  }

  /// The file a problem with the sequences lies in: the sequences' file when they replace the
  /// lesson's, else the lesson (or model) file; nil for the built-in lesson or `--input`.
  var blamedFile: String? {
    if !lesson.input.isEmpty || lesson.sequences != nil { return lesson.sequences }
    return lesson.lesson ?? lesson.model
  }

  /// `FILE: message` when the lesson came from a file.
  func blamed(_ message: String) -> String {
    (lesson.lesson ?? lesson.model).map { "\($0): \(message)" } ?? message
  }

  /// Writes `text` to `path` (checked before training).
  ///
  /// - Throws: `RuntimeError` (exit 1) if it cannot be written.
  func write(_ text: String, to path: String) throws {
    do {
      let file = try RecordingFile(path: path, force: force)
      defer { file.close() }
      if !file.append(text) {
        throw RuntimeError("cannot write \(path): \(file.failure ?? "the write failed")")
      }
    } catch let error as RecordingFileError {
      throw RuntimeError("cannot write \(error.description)")
    }
  }
}

/// The progress line on stderr, drawn only when stderr is a terminal, at most ten times a second.
struct ProgressLine {
  /// Epochs in all.
  let epochs: Int
  /// Whether stderr is a terminal.
  let shown = isatty(2) == 1
  /// When training started.
  let start = ContinuousClock.now
  /// When the line was last drawn.
  var drawn = ContinuousClock.now

  /// Draws epoch `epoch` and its loss, if a tenth of a second has passed.
  mutating func show(epoch: Int, loss: Double) {
    guard shown else { return }
    let now = ContinuousClock.now
    guard now - drawn >= .milliseconds(100) || epoch == epochs else { return }
    drawn = now
    let seconds =
      Double((now - start).components.attoseconds) / 1e18
      + Double((now - start).components.seconds)
    let line = TrainingProgress.line(
      epoch: epoch, of: epochs, loss: loss, seconds: seconds, width: Self.width())
    FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
  }

  /// Clears the line.
  func finish() {
    guard shown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  /// The terminal's width on stderr, 80 if it cannot be told.
  static func width() -> Int {
    var size = winsize()
    guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }
}
