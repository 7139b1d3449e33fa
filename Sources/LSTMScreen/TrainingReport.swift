import LSTMCore
import LSTMFiles

/// A finished training run, ready to be written: the lesson, what was asked, and what happened.
public struct TrainingReport: Sendable {
  /// The lesson as it was loaded.
  public let lesson: Lesson
  /// What was asked.
  public let settings: TrainingSettings
  /// Every epoch's loss, and the cell before and after.
  public let history: TrainingHistory
  /// The names of the sequences trained on (those with a target).
  public let examples: [String]
  /// The name of every parameter, laid out as `TrainableCell.values`.
  public let names: [String]

  /// Makes the report of `history`, a run of `settings` on `lesson`.
  public init(
    lesson: Lesson, settings: TrainingSettings, history: TrainingHistory, examples: [String]
  ) {
    self.lesson = lesson
    self.settings = settings
    self.history = history
    self.examples = examples
    names = LessonEncoding.names(of: history.start)
  }

  /// The trained lesson, for `--save`: the trained cell in place of the old, in the same form,
  /// the sequences and targets kept, and the title marked as trained.
  public var trainedLesson: Lesson {
    var trained = lesson.replacing(history.end)
    trained.title += " · \(settings.cell == .rnn ? "RNN twin trained" : "trained"): " + howTrained
    return trained
  }

  /// `Adam, learning rate 0.1, 300 epochs`: what the title of a trained lesson says.
  var howTrained: String {
    let rate = TrainingSettings.short(settings.optimizer.learningRate)
    var words = "\(settings.optimizerName == "sgd" ? "SGD" : "Adam"), learning rate \(rate)"
    if case .sgd(_, let momentum) = settings.optimizer, momentum != 0 {
      words += ", momentum \(TrainingSettings.short(momentum))"
    }
    return words + ", " + (settings.epochs == 1 ? "1 epoch" : "\(settings.epochs) epochs")
  }

  /// Writes the run in `format`; `precision` is the table's decimals.
  public func write(_ format: TrainingFormat, precision: Int, to writer: ByteWriter) throws {
    switch format {
    case .table: try TrainingTable(report: self, precision: precision, writer: writer).write()
    case .csv: try writeCSV(to: writer)
    case .json: try writeJSON(to: writer)
    }
    try writer.flush()
  }

  /// `epoch,loss,<every parameter>`, then one row for each shown epoch: its loss (before its
  /// update) and the parameters after it.
  private func writeCSV(to writer: ByteWriter) throws {
    try writer.write("epoch,loss")
    for name in names {
      try writer.write(",")
      try writer.write(TraceCSV.cell(name))
    }
    try writer.write("\n")
    for (epoch, values) in history.shownParameters {
      try writer.write(epoch)
      try writer.write(",")
      try writer.write(exactly: history.losses[epoch - 1])
      for value in values {
        try writer.write(",")
        try writer.write(exactly: value)
      }
      try writer.write("\n")
    }
  }

  /// One object: the settings, every epoch's loss, the loss after the last, and the trained
  /// model in the form the lesson holds it.
  private func writeJSON(to writer: ByteWriter) throws {
    try writer.write("{\n \"optimizer\": \"\(settings.optimizerName)\",\n \"learningRate\": ")
    try writer.write(exactly: settings.optimizer.learningRate)
    if case .sgd(_, let momentum) = settings.optimizer {
      try writer.write(",\n \"momentum\": ")
      try writer.write(exactly: momentum)
    }
    try writer.write(",\n \"epochs\": ")
    try writer.write(settings.epochs)
    try writer.write(",\n \"cell\": \"\(settings.cell.rawValue)\",\n \"sequences\": [")
    try writer.write(
      examples.map { JSONString.literal($0, forPlayers: false) }.joined(separator: ", "))
    try writer.write("],\n \"losses\": [")
    for (k, loss) in history.losses.enumerated() {
      if k > 0 { try writer.write(", ") }
      try writer.write(exactly: loss)
    }
    try writer.write("],\n \"finalLoss\": ")
    try writer.write(exactly: history.endLoss)
    try writer.write(",\n \"model\": ")
    try writer.write(
      LessonEncoding.json(for: history.end.cell, layout: history.end.layout, indent: 1))
    try writer.write("\n}\n")
  }

  /// The one line a `TrainingError` is said in, naming sequences and parameters as the lesson
  /// does; for `lstmviz: FILE: …`.
  public static func message(
    for error: TrainingError, names: [String], cell: TraceCell
  ) -> String {
    let hint = "nothing was written; a smaller --learning-rate may help"
    func name(_ k: Int) -> String { k < names.count ? names[k] : "parameter \(k + 1)" }
    switch error {
    case .noTarget(let sequences):
      return "no sequence has a target ("
        + sequences.map { "\"\($0.printable)\"" }
        .joined(separator: ", ")
        + "); give at least one a \"target\" in the lesson: what the prediction should be"
    case .targetSize(let sequence, let found, let expected):
      return "the target of \"\(sequence.printable)\" has \(counted(found, "number")), but the "
        + "\(cell == .rnn ? "twin" : "model") predicts \(counted(expected, "number")) (its hidden size)"
    case .inputSize(let sequence, let found, let expected):
      return "each input of \"\(sequence.printable)\" has \(counted(found, "number")), but the "
        + "cell takes \(counted(expected, "number"))"
    case .notFinite(0, .loss, let value):
      return "the loss before training is \(value); a target is too large for a Double"
    case .notFinite(0, let what, let value):
      return "before training, the gradient of \(name(what.index)) is \(value); the weights are "
        + "too large for a Double"
    case .notFinite(let epoch, .loss, let value):
      return "training stopped at epoch \(epoch): after its update the loss is \(value); \(hint)"
    case .notFinite(let epoch, .parameter(let k), let value):
      return "training stopped at epoch \(epoch): its update made \(name(k)) \(value); \(hint)"
    case .notFinite(let epoch, .gradient(let k), let value):
      return "training stopped at epoch \(epoch): after its update the gradient of \(name(k)) "
        + "is \(value); \(hint)"
    }
  }
}
