import ArgumentParser
import Foundation
import LSTMCore
import LSTMTerminal

/// `lstmviz [LESSON]`, the default command: the lesson on the terminal, stepped with the keys.
struct Interactive: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Step through a lesson in the terminal (the default command).",
    discussion: """
      Keys: →/l next step, ←/h previous, Home/g first, End/G last, ↑/k ↓/j previous/next \
      sequence, s stage mode, space play/pause, +/- speed, [/] previous/next hidden unit, \
      ? help, q quit. NO_COLOR (non-empty) or --no-color turns colour off.
      """
  )

  @OptionGroup var lessonOptions: LessonOptions

  @Option(help: "Decimals shown for every number.")
  var precision = 4

  @Flag(help: "No colour, even where the terminal has it (as does a non-empty NO_COLOR).")
  var noColor = false

  func validate() throws {
    guard (0...12).contains(precision) else {
      throw ValidationError("--precision must be between 0 and 12, not \(precision)")
    }
  }

  func run() throws {
    // The lesson is read first, so that bad input leaves the terminal untouched.
    let lesson = try lessonOptions.loadLesson()
    var program = LessonProgram(lesson: lesson, precision: precision)
    let outcome: TerminalOutcome
    do {
      outcome = try TerminalSession.run(&program, noColor: noColor)
    } catch {
      FileHandle.standardError.write(Data("lstmviz: \(error)\n".utf8))
      throw ExitCode(2)
    }
    if outcome != .finished { throw ExitCode(outcome.exitStatus) }
  }
}
