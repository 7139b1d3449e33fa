import Foundation
import Testing

/// `lstmviz --help` tells a teacher how to open the program and which keys step it.
@Suite struct HelpTests {
  @Test func topLevelHelpShowsHowToStartAndTheKeys() throws {
    for arguments in [["--help"], ["-h"], ["help"]] {
      let help = try Support.run(arguments)
      #expect(help.status == 0, "\(arguments)")
      #expect(help.stderr.isEmpty)
      #expect(
        help.stdout.contains(
          "USAGE: lstmviz [LESSON] [--model FILE] [--sequences FILE] [--input \"0,0.5,0.25,1\"]"),
        "\(arguments)")
      #expect(help.stdout.contains("[--precision N] [--no-color]"))
      #expect(help.stdout.contains("lstmviz render [LESSON] [--keys"))
      // The help is wrapped to the terminal's width: compare words, not lines.
      let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(words.contains("Keys: →/l next step, ←/h previous"))
      #expect(words.contains("? help (Esc closes it), q quit."))
      #expect(words.contains("`lstmviz help interactive` lists every option"))
    }
  }

  @Test func theDefaultCommandsHelpStillListsEveryOption() throws {
    let help = try Support.run(["help", "interactive"])
    #expect(help.status == 0)
    for option in [
      "--model", "--sequences", "--input", "--precision <N>", "--record", "--no-color",
    ] {
      #expect(help.stdout.contains(option), "\(option)")
    }
    let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("Keys: →/l next step"))
  }
}
