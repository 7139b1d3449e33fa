import Foundation
import Testing

/// `lstmviz render --keys` reaches the backward view (b), the RNN view (r) and the loss (o), as
/// the interactive program would show them, and `--help` names their keys.
@Suite struct RenderBackwardTests {
  @Test func bShowsTheGradientsOfTheStep() throws {
    let outcome = try Support.run(["render", "--keys", "right b", "--size", "80x24"])
    #expect(outcome.status == 0 && outcome.stderr.isEmpty)
    let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 24 && lines.allSatisfy { $0.count <= 80 })
    #expect(lines[0].contains("t = 2 / 4") && lines[0].contains("backward"))
    #expect(outcome.stdout.contains("J = the prediction"))
    for label in ["∂J/∂STM₂", "∂J/∂x_o", "carried", "through STM", "∂J/∂LTM₂", "∂J/∂x_g"] {
      #expect(outcome.stdout.contains(label), "\(label)")
    }
    for label in ["∂J/∂x_i", "∂J/∂x_f", "∂J/∂STM₁", "∂J/∂input₂", "∏f (3…4)"] {
      #expect(outcome.stdout.contains(label), "\(label)")
    }
  }

  @Test func oAndStagesAndTheRNNViewAreReachable() throws {
    let loss = try Support.run(["render", "--keys", "end b o", "--size", "80x24"])
    #expect(loss.stdout.contains("J = the loss") && loss.stdout.contains("2·(STM₄ − target)"))
    let stage = try Support.run(["render", "--keys", "right b s", "--size", "80x24"])
    #expect(stage.stdout.contains("stage output gate") && stage.stdout.contains("→ reveals"))
    let twin = try Support.run(["render", "--keys", "r", "--size", "100x30"])
    #expect(twin.status == 0 && twin.stdout.contains("RNN twin"))
  }

  @Test func theBackwardFramesRecordLikeEveryOther() throws {
    let arguments = ["render", "--keys", "right b left r", "--size", "100x30", "--all-frames"]
    let first = try Support.run(arguments)
    #expect(first.status == 0)
    #expect(first.stdout == (try Support.run(arguments)).stdout)
    let separators = first.stdout.split(separator: "\n").filter { $0.hasPrefix("──── frame") }
    #expect(separators.count == 5)
    #expect(separators[2].contains("key b") && separators[4].contains("key r"))
    #expect(first.stdout.contains("gradients, log scale"))
  }

  @Test func helpNamesTheKeys() throws {
    let help = try Support.run(["--help"])
    let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("b backward view"))
    #expect(words.contains("r the plain-RNN twin"))
    #expect(words.contains("o J the loss or the prediction"))
  }
}
