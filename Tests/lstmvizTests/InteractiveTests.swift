import Foundation
import Testing

/// The reference numbers of one step, read from `golden/statquest.trace.json`.
private struct ReferenceStep {
  var sequence: String
  var stepCount: Int
  var numbers: [String: Double]

  /// Step `t` (from 1) of sequence `index` (from 0).
  init(sequence index: Int, t: Int) throws {
    let data = try Data(
      contentsOf: Support.packageRoot.appendingPathComponent(
        "Tests/Fixtures/golden/statquest.trace.json"))
    let trace = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let sequences = trace?["sequences"] as? [[String: Any]] ?? []
    let steps = sequences[index]["steps"] as? [[String: Any]] ?? []
    let step = steps[t - 1]
    sequence = sequences[index]["name"] as? String ?? ""
    stepCount = steps.count
    func first(_ value: Any?) -> Double { (value as? [Double])?.first ?? .nan }
    numbers = ["LTM": first(step["ltm"]), "STM": first(step["stm"])]
    let gates = step["gates"] as? [String: [String: Any]] ?? [:]
    for (gate, values) in gates {
      numbers["\(gate) x"] = first(values["x"])
      numbers["\(gate) value"] = first(values["value"])
    }
  }

  /// The numbers of this step that `screen` does not show, to 4 decimals.
  func missing(from screen: String) -> [String] {
    numbers.sorted { $0.key < $1.key }.compactMap { name, value in
      let text = String(format: "%.4f", value)
      return screen.contains(text) ? nil : "\(name) \(text)"
    }
  }
}

/// The program driven in tmux as a user drives it: a shell in a 100×30 pane, keys, signals.
@Suite(.serialized) struct InteractiveTests {
  /// Types the command line that runs lstmviz in the pane, from a plain `sh` that notes
  /// `stty -g` before and after (an interactive shell would put the settings back itself), its
  /// own pid and the program's exit status. The `sh` outlives a Ctrl-C (`trap`); the program
  /// starts with SIGINT at its default all the same.
  private func launch(_ tmux: TmuxShell, _ arguments: String = "", environment: String = "")
    throws
  {
    let folder = tmux.folder.path
    let program = "'\(Support.executable.path)'"
    try tmux.type(
      "\(environment) sh -c 'trap : INT; stty -g > \(folder)/stty-before; "
        + "echo $$ > \(folder)/shell-pid; "
        + "\"$0\" \"$@\"; echo $? > \(folder)/status; stty -g > \(folder)/stty-after' "
        + "\(program) \(arguments)")
  }

  /// The pid of the program that `launch` started.
  private func programID(_ tmux: TmuxShell) throws -> Int32 {
    let shell = try tmux.waitForFile("shell-pid")
    let children = try String(
      contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    return try #require(children.split(separator: " ").first.flatMap { Int32($0) })
  }

  /// Waits for the program to end; returns its exit status, having checked that the terminal
  /// settings are as they were before it started.
  private func exitStatus(_ tmux: TmuxShell) throws -> Int32 {
    let after = try tmux.waitForFile("stty-after")
    let before = try tmux.waitForFile("stty-before")
    #expect(before == after, "stty -g changed")
    return Int32(try tmux.waitForFile("status")) ?? -1
  }

  /// Waits until the screen shows step `t` of sequence `sequence` with every reference number
  /// (the screen may be caught half drawn); fails, showing the screen, if it never does.
  private func showsStep(_ tmux: TmuxShell, sequence: Int, t: Int) throws {
    let reference = try ReferenceStep(sequence: sequence, t: t)
    try tmux.waitUntil("\(reference.sequence) at t = \(t) with its reference numbers") {
      $0.contains("t = \(t) / \(reference.stepCount)") && $0.contains(reference.sequence)
        && reference.missing(from: $0).isEmpty
    }
  }

  @Test func opensOnStatQuestAndTheKeysStepToTheReferenceNumbers() throws {
    let tmux = try TmuxShell()
    try launch(tmux)
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.press("Right")
    try showsStep(tmux, sequence: 0, t: 2)
    try tmux.press("End")
    try showsStep(tmux, sequence: 0, t: 4)
    try tmux.press("Home")
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.press("l")
    try showsStep(tmux, sequence: 0, t: 2)
    try tmux.press("h")
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.press("G")
    try showsStep(tmux, sequence: 0, t: 4)
    try tmux.press("g")
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.press("Down")
    let second = try ReferenceStep(sequence: 1, t: 1)
    let screen = try tmux.waitUntil(second.sequence) { $0.contains(second.sequence) }
    let t = try #require(Self.timestep(on: screen))
    try showsStep(tmux, sequence: 1, t: t)
    try tmux.press("Up")
    try showsStep(tmux, sequence: 0, t: t)
    try tmux.press("q")
    #expect(try exitStatus(tmux) == 0)
  }

  /// The k of "t = k / T" on `screen`.
  private static func timestep(on screen: String) -> Int? {
    guard let range = screen.range(of: #"t = \d+ /"#, options: .regularExpression) else {
      return nil
    }
    return Int(screen[range].dropFirst(4).dropLast(2))
  }

  @Test func questionMarkShowsHelpAndEscapeClosesIt() throws {
    let tmux = try TmuxShell()
    try launch(tmux)
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.press("?")
    let help = try tmux.waitUntil("help") { $0.contains("play / pause") }
    for words in ["next step", "previous sequence", "stage mode", "faster / slower", "quit"] {
      #expect(help.contains(words))
    }
    try tmux.press("Escape")
    try tmux.waitUntil("help to close") { !$0.contains("play / pause") }
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.press("q")
    #expect(try exitStatus(tmux) == 0)
  }

  @Test func shrinkingBelow80x24ShowsTooSmallAndGrowingBackRestores() throws {
    let tmux = try TmuxShell()
    try launch(tmux)
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.resize(width: 50, height: 15)
    try tmux.waitUntil("too small") { $0.contains("too small") }
    try tmux.resize(width: 100, height: 30)
    try tmux.waitUntil("the lesson again") { !$0.contains("too small") }
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.press("q")
    #expect(try exitStatus(tmux) == 0)
  }

  @Test func spacePlaysThroughTheSequence() throws {
    let tmux = try TmuxShell()
    try launch(tmux)
    try showsStep(tmux, sequence: 0, t: 1)
    try tmux.press("Space")
    try showsStep(tmux, sequence: 0, t: 2)
    try showsStep(tmux, sequence: 0, t: 3)
    try tmux.press("q")
    #expect(try exitStatus(tmux) == 0)
  }

  /// Ctrl-C, SIGTERM and SIGHUP end the session cleanly; a crash (SEGV, ILL, ABRT) still ends
  /// the program as a crash, but only after the terminal has been given back.
  @Test(arguments: ["INT", "TERM", "HUP", "SEGV", "ILL", "ABRT"])
  func aSignalRestoresTheTerminal(signal: String) throws {
    let numbers: [String: Int32] = [
      "INT": SIGINT, "TERM": SIGTERM, "HUP": SIGHUP, "SEGV": SIGSEGV, "ILL": SIGILL,
      "ABRT": SIGABRT,
    ]
    let number = try #require(numbers[signal])
    let tmux = try TmuxShell()
    try launch(tmux)
    try showsStep(tmux, sequence: 0, t: 1)
    if signal == "INT" {
      try tmux.press("C-c")
    } else {
      kill(try programID(tmux), number)
    }
    #expect(try exitStatus(tmux) == 128 + number)
    let screen = try tmux.screen()
    #expect(!screen.contains("t = 1 / 4"), "the lesson is still on the screen:\n\(screen)")
  }

  /// The colour parameters (30–38, 40–48, 90–107) in the SGR escape codes of `text`.
  private static func colourCodes(in text: String) -> [String] {
    let pattern = try? NSRegularExpression(pattern: "\u{1B}\\[([0-9;]*)m")
    let range = NSRange(text.startIndex..., in: text)
    return (pattern?.matches(in: text, range: range) ?? []).flatMap { match -> [String] in
      let parameters = Range(match.range(at: 1), in: text).map { text[$0] } ?? ""
      return parameters.split(separator: ";").compactMap { parameter -> String? in
        guard let code = Int(parameter) else { return nil }
        let isColour =
          (30...38).contains(code) || (40...48).contains(code)
          || (90...107).contains(code)
        return isColour ? String(parameter) : nil
      }
    }
  }

  @Test(arguments: ["NO_COLOR=1", "--no-color"])
  func noColorLeavesNoColourCodes(setting: String) throws {
    let tmux = try TmuxShell()
    if setting.hasPrefix("--") {
      try launch(tmux, setting, environment: "env -u NO_COLOR")
    } else {
      try launch(tmux, environment: setting)
    }
    try showsStep(tmux, sequence: 0, t: 1)
    let screen = try tmux.screen(escapes: true)
    #expect(Self.colourCodes(in: screen) == [])
    #expect(screen.contains("\u{1B}["), "monochrome still shows bold or reverse")
    try tmux.press("q")
    #expect(try exitStatus(tmux) == 0)
  }

  @Test func withoutNoColorTheScreenHasColour() throws {
    let tmux = try TmuxShell()
    try launch(tmux, environment: "env -u NO_COLOR")
    try showsStep(tmux, sequence: 0, t: 1)
    #expect(Self.colourCodes(in: try tmux.screen(escapes: true)) != [])
    try tmux.press("q")
    #expect(try exitStatus(tmux) == 0)
  }

  @Test func withoutATerminalItExits2AndSuggestsRenderOrTrace() throws {
    let result = try Support.run([])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(result.stderr.hasPrefix("lstmviz: "))
    #expect(result.stderr.contains("lstmviz render"))
    #expect(result.stderr.contains("lstmviz trace"))
  }

  @Test func anUnknownTermExits2AndLeavesTheTerminalAlone() throws {
    let tmux = try TmuxShell()
    try launch(tmux, "2> \(tmux.folder.path)/errors", environment: "TERM=unknown-terminal")
    #expect(try exitStatus(tmux) == 2)
    let errors = try String(
      contentsOf: tmux.folder.appendingPathComponent("errors"), encoding: .utf8)
    #expect(errors.split(separator: "\n").count == 1)
    #expect(errors.contains("unknown-terminal"))
    #expect(errors.contains("lstmviz render"))
  }

  @Test func badInputIsRefusedBeforeTheScreenOpens() throws {
    let tmux = try TmuxShell()
    let missing = tmux.folder.appendingPathComponent("missing.json").path
    try launch(tmux, "'\(missing)' 2> \(tmux.folder.path)/errors")
    #expect(try exitStatus(tmux) == 2)
    let errors = try String(
      contentsOf: tmux.folder.appendingPathComponent("errors"), encoding: .utf8)
    #expect(errors.split(separator: "\n").count == 1)
    #expect(errors.hasPrefix("lstmviz: \(missing): "))
  }
}
