import LSTMCore
import LSTMFiles

/// A training run for a person at a terminal: what was trained and how, the loss at the shown
/// epochs, each sequence's prediction before and after, and every weight before and after.
///
/// Losses, predictions and weights have `precision` decimals; a loss or change too small for
/// them is written in scientific notation, so that a loss that keeps falling shows how far.
struct TrainingTable {
  let report: TrainingReport
  let precision: Int
  let writer: ByteWriter

  private var style: NumberStyle { NumberStyle(precision: precision) }

  func write() throws {
    let history = report.history
    let lesson = report.lesson
    let what = report.settings.cell == .rnn ? "the plain-RNN twin" : "the LSTM"
    let sequences =
      report.examples.count == lesson.sequences.count
      ? counted(lesson.sequences.count, "sequence")
      : "\(report.examples.count) of its \(lesson.sequences.count) sequences (those with a target)"
    for line in "Training \(what) of \"\(lesson.title)\" on \(sequences)".wrapped(width: 80) {
      try writer.write(line.printable + "\n")
    }
    try writer.write(report.settings.words + "\n")
    try writer.write("loss L = Σ (prediction − target)² over those sequences; one epoch is one ")
    try writer.write("step on all of them\n\n")
    var rows = [["epoch", "loss"]]
    for k in 1...max(history.epochs, 1) where history.epochs > 0 && history.isShown(k) {
      rows.append(["\(k)", style.gradient(history.losses[k - 1])])
    }
    rows.append(["after", style.gradient(history.endLoss)])
    try writeColumns(rows, rightAligned: [true, true])
    try writer.write("\n")
    try writePredictions()
    try writer.write("\n")
    try writeWeights()
  }

  /// Each sequence: its target, and its prediction before and after training.
  private func writePredictions() throws {
    let lesson = report.lesson
    let trained = report.trainedLesson
    var rows = [["sequence", "target", "before", "after"]]
    for (sequence, after) in zip(lesson.sequences, trained.sequences) {
      rows.append([
        sequence.name.printable, sequence.target.map(list) ?? "-",
        list(prediction(of: sequence, in: lesson)), list(prediction(of: after, in: trained)),
      ])
    }
    try writeColumns(rows, rightAligned: [false, true, true, true])
  }

  /// Every parameter: its value before and after, and the change.
  private func writeWeights() throws {
    let start = report.history.start.values
    let end = report.history.end.values
    var rows = [["parameter", "start", "trained", "change"]]
    for (k, name) in report.names.enumerated() {
      rows.append([
        name, style.signed(start[k]), style.signed(end[k]),
        style.gradient(end[k] - start[k], signed: true),
      ])
    }
    try writeColumns(rows, rightAligned: [false, true, true, true])
  }

  /// The prediction of `sequence` by the cell trained, in `lesson`.
  private func prediction(of sequence: InputSequence, in lesson: Lesson) -> [Double] {
    if report.settings.cell == .rnn, let rnn = lesson.rnn {
      return RNNRun(model: rnn, sequence: sequence).prediction
    }
    return SequenceRun(model: lesson.model, sequence: sequence).prediction
  }

  /// One number, or a list of them: `0.0123` or `[0.0123, 0.9876]`.
  private func list(_ values: [Double]) -> String {
    let texts = values.map { style.plain($0) }
    return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
  }

  /// `rows` in columns two spaces apart, each as wide as its widest cell.
  private func writeColumns(_ rows: [[String]], rightAligned: [Bool]) throws {
    let columns = rightAligned.count
    let widths = (0..<columns).map { c in rows.map { $0[c].terminalColumns }.max() ?? 0 }
    for row in rows {
      var line = ""
      for c in 0..<columns {
        let padding = String(repeating: " ", count: widths[c] - row[c].terminalColumns)
        if c > 0 { line += "  " }
        line += rightAligned[c] ? padding + row[c] : row[c] + (c == columns - 1 ? "" : padding)
      }
      try writer.write(line + "\n")
    }
  }
}
