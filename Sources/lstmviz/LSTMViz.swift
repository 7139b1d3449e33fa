import ArgumentParser
import LSTMCore

/// The `lstmviz` command.
@main
struct LSTMViz: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lstmviz",
    abstract: "Step a sequence through an LSTM cell and see every number.",
    subcommands: [Trace.self, Render.self]
  )
}
