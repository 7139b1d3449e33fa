import ArgumentParser
import Foundation
import LSTMScreen

extension TraceFormat: ExpressibleByArgument {}
extension TraceCell: ExpressibleByArgument {}
extension Paper: ExpressibleByArgument {}

/// `lstmviz trace`: every number of every step, printed.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the whole computation of every sequence.",
    discussion: """
      table is for reading in a terminal; markdown and html are handouts (one section per step \
      with the formulas filled in, a compact table per sequence; html is one self-contained \
      file in colour, for print); csv (one row per step per hidden unit) and json (the trace \
      shape of the README) are at full precision. \
      --gradients adds backpropagation through time: ∂J/∂LTM, ∂J/∂STM and ∂J/∂input at every \
      step and the weight gradients, where J is the prediction of one unit or the loss (--of).
      """)

  @OptionGroup var lesson: LessonOptions

  @Option(help: "table, csv, json, markdown or html.")
  var format: TraceFormat = .table

  @Option(
    help: ArgumentHelp(
      "For --format html: auto (the printer's paper; fits A4 and Letter), a4 or letter."))
  var paper: Paper = .auto

  @OptionGroup var precision: PrecisionOption

  @Option(help: "lstm, or rnn for the lesson's plain-RNN twin.")
  var cell: TraceCell = .lstm

  @Flag(help: "Add the gradients of backpropagation through time.")
  var gradients = false

  @Option(
    name: .customLong("of"),
    help: ArgumentHelp(
      "What the gradients are of: prediction[:UNIT] (default, unit 1) or loss.",
      discussion: "The loss is Σ (prediction − target)²; every sequence needs a target. "
        + "Implies --gradients.",
      valueName: "prediction[:UNIT]|loss"))
  var of: String?

  func run() throws {
    var options = TraceOptions(cell: cell)
    if gradients || of != nil {
      let text = of ?? "prediction"
      guard let request = GradientRequest(argument: text) else {
        throw UsageError(
          message: "--of: expected prediction, prediction:UNIT (UNIT from 1) or loss, got '\(text)'"
        )
      }
      options.gradients = request
    }
    let lesson = try lesson.loadLesson()
    if let problem = format.problem(with: options) { throw UsageError(message: problem) }
    if let problem = options.problem(with: lesson) { throw UsageError(message: problem) }
    let output = ByteWriter(sink: StandardOutput.write)
    try format.write(
      lesson, precision: precision.decimals, options: options, paper: paper, to: output)
  }
}

/// The process's standard output, written without buffering of its own.
enum StandardOutput {
  /// Writes all of `bytes` to file descriptor 1.
  static func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    guard var next = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
      let written = Foundation.write(1, next, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        throw RuntimeError("cannot write the output: \(String(cString: strerror(errno)))")
      }
      next += written
      remaining -= written
    }
  }
}

/// A failure while running, not the user's input: exit 1.
struct RuntimeError: Error, CustomStringConvertible {
  /// What went wrong.
  var description: String

  init(_ description: String) {
    self.description = description
  }
}
