import ArgumentParser
import Foundation
import LSTMCore

/// `lstmviz trace`: every number of every step, printed.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the whole computation of every sequence.")

  func run() throws {
    let lesson = Lesson.statQuest
    for sequence in lesson.sequences {
      print(sequence.name)
      lesson.model.forEachStep(of: sequence) { step in
        print(step.t, step.input[0], step.ltm[0], step.stm[0])
      }
    }
  }
}
