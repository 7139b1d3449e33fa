import ArgumentParser
import Foundation
import LSTMFiles
import LSTMScreen
import LSTMTerminal

/// The `lstmviz` command.
@main
struct LSTMViz: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lstmviz",
    abstract: "Step a sequence through an LSTM cell and see every number.",
    usage: """
      lstmviz [LESSON] [--model FILE] [--sequences FILE] [--input "0,0.5,0.25,1"]
              [--precision N] [--no-color] [--theme dark|light] [--record FILE.txt]
              [--cast FILE.cast] [--compare B.json]
      lstmviz trace [LESSON] [--format table|csv|json|markdown|html] [--precision N]
      lstmviz render [LESSON] [--keys "right right down"] [--size 100x30] [--all-frames]
                     [--format text|svg|html] [--theme dark|light]
      lstmviz train [LESSON] [--epochs N] [--optimizer adam|sgd] [--learning-rate LR]
              [--momentum M] [--cell lstm|rnn] [--save FILE [--force]] [--every K]
              [--format table|csv|json]
      lstmviz replay recording.txt|class.cast
      """,
    discussion: """
      Without a subcommand, lstmviz opens LESSON (a lesson JSON file; without one, the built-in \
      StatQuest example) in the terminal, at the first step of the first sequence. --model FILE \
      takes the weights from a model file, --sequences FILE (CSV or JSON) or --input \
      "0,0.5,0.25,1" gives the inputs. `lstmviz help interactive` lists every option.

      \(Interactive.keys)

      Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input (one line on stderr, \
      nothing on stdout).
      """,
    version: lstmvizVersion,
    subcommands: [Interactive.self, Trace.self, Render.self, Train.self, Replay.self],
    defaultSubcommand: Interactive.self
  )

  /// Runs the command line, keeping lstmviz's error contract: bad usage or bad input exits 2
  /// with one line on stderr and nothing on stdout; a runtime failure exits 1; `--help` prints
  /// help and exits 0.
  static func main() {
    do {
      var command = try parseAsRoot(Array(CommandLine.arguments.dropFirst()))
      try command.run()
    } catch let error as LessonError {
      fail(error.description, code: 2)
    } catch let error as UsageError {
      fail(error.message, code: 2)
    } catch let error as RuntimeError {
      fail(error.description, code: 1)
    } catch let error as ExitCode {
      // The command has already said what went wrong.
      Foundation.exit(error.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        let text = fullMessage(for: error)
        if !text.isEmpty { print(text) }
        Foundation.exit(0)
      }
      // Everything the argument parser refuses is bad usage: exit 2, not its 64.
      fail(message(for: error), code: code == .failure ? 1 : 2)
    }
  }

  /// Writes `lstmviz: message` as one line on stderr and exits with `code`.
  static func fail(_ message: String, code: Int32) -> Never {
    let line = message.split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
      .joined(separator: " ")
    let text = "lstmviz: " + (line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line) + "\n"
    FileHandle.standardError.write(Data(text.utf8))
    Foundation.exit(code)
  }
}

/// A mistake in how lstmviz was called, found after parsing: exit 2 with `message`.
struct UsageError: Error {
  /// What is wrong, for a person.
  var message: String
}
