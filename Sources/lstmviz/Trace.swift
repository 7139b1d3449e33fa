import ArgumentParser
import Foundation
import LSTMScreen

extension TraceFormat: ExpressibleByArgument {}

/// `lstmviz trace`: every number of every step, printed.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the whole computation of every sequence.",
    discussion: """
      table is for reading in a terminal, markdown for a handout; csv (one row per step per \
      hidden unit) and json (the trace shape of the README) are at full precision.
      """)

  @OptionGroup var lesson: LessonOptions

  @Option(help: "table, csv, json or markdown.")
  var format: TraceFormat = .table

  @OptionGroup var precision: PrecisionOption

  func run() throws {
    let lesson = try lesson.loadLesson()
    let output = ByteWriter(sink: StandardOutput.write)
    try format.write(lesson, precision: precision.decimals, to: output)
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
