import Foundation
import Testing

/// `lstmviz render` run as a user runs it.
@Suite struct RenderEndToEndTests {
  private let golden = Support.packageRoot.appendingPathComponent("Tests/Fixtures/golden").path

  @Test func noKeysShowsTheOpeningFrameAtTheDefaultSize() throws {
    let outcome = try Support.run(["render"])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.isEmpty)
    let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 30)
    #expect(lines.allSatisfy { $0.count <= 100 })
    #expect(lines[0].contains("Company A (1/2)") && lines[0].contains("t = 1 / 4"))
    #expect(outcome.stdout.contains("x = 0.0000·2.70 + 0.0000·1.63 + 1.62"))
  }

  @Test func keysMoveAsInTheProgram() throws {
    let outcome = try Support.run(["render", "--keys", "right l down", "--size", "80x24"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("Company B (2/2)"))
    #expect(outcome.stdout.contains("t = 3 / 4"))
    let end = try Support.run(["render", "--keys", "end", "--size", "120x40"])
    #expect(end.stdout.contains("sequence ended"))
    #expect(end.stdout.contains("0.0064"))
  }

  @Test func theOutputIsTheSameEveryTime() throws {
    let arguments = ["render", "--keys", "right s right ? ?", "--size", "120x40", "--all-frames"]
    let first = try Support.run(arguments)
    let second = try Support.run(arguments)
    #expect(first.status == 0)
    #expect(first.stdout == second.stdout)
  }

  @Test func allFramesNamesEachFrame() throws {
    let outcome = try Support.run(
      ["render", "--keys", "right down", "--size", "80x24", "--all-frames"])
    let separators = outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("──── frame") }
    let rule = { (label: String) in
      Substring(label + String(repeating: "─", count: 80 - label.count))
    }
    #expect(
      separators == [
        rule("──── frame 1 · 0.000 s · key start · Company A · t = 1 / 4 · 80x24 "),
        rule("──── frame 2 · 0.000 s · key right · Company A · t = 2 / 4 · 80x24 "),
        rule("──── frame 3 · 0.000 s · key down · Company B · t = 2 / 4 · 80x24 "),
      ])
    #expect(
      outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 3 * 25 + 1)
  }

  /// --all-frames shows one frame per key, as its help says, even for keys that change nothing;
  /// a recording of the same keys keeps only the frames that change.
  @Test func allFramesHasOneFramePerKeyWhileARecordingSkipsUnchangedFrames() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outcome = try Support.run(
      ["render", "--keys", "left right q", "--size", "80x24", "--all-frames", "--record", "r.txt"],
      currentDirectory: folder)
    #expect(outcome.status == 0)
    let shown = outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("──── frame") }
    #expect(
      shown.map { $0.contains("key left · Company A · t = 1 / 4") } == [false, true, false, false])
    #expect(shown.count == 4)
    let recording = try String(
      contentsOf: folder.appendingPathComponent("r.txt"), encoding: .utf8)
    let recorded = recording.split(separator: "\n").filter { $0.hasPrefix("──── frame") }
    #expect(recorded.count == 2)
    #expect(recorded.allSatisfy { !$0.contains("key left") && !$0.contains("key q") })
    let help = try Support.run(["render", "--help"])
    #expect(help.stdout.contains("One frame per key pressed, even when the key changes nothing"))
  }

  @Test func controlCharactersInALessonNeverReachTheOutput() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = folder.appendingPathComponent("hostile.json")
    let source = try String(
      contentsOf: Support.packageRoot.appendingPathComponent("Samples/statquest.json"),
      encoding: .utf8
    )
    .replacingOccurrences(of: "\"Company A\"", with: "\"\\u001b[2JCompany\\tA\"")
    try source.write(to: lesson, atomically: true, encoding: .utf8)
    let outcome = try Support.run(["render", lesson.path, "--all-frames", "--keys", "right"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("�[2JCompany�A"))
    #expect(!outcome.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }

  @Test func anUnknownKeyIsBadUsage() throws {
    let outcome = try Support.run(["render", "--keys", "right sideways"])
    #expect(outcome.status == 2)
    #expect(outcome.stdout.isEmpty)
    #expect(
      outcome.stderr.hasPrefix("lstmviz: --keys: unknown key 'sideways'; valid keys: right left"))
    #expect(outcome.stderr.filter { $0 == "\n" }.count == 1)
  }

  @Test func aBadSizeIsBadUsage() throws {
    for size in ["80", "x24", "0x0", "80x-1", "eighty"] {
      let outcome = try Support.run(["render", "--size", size])
      #expect(outcome.status == 2, "\(size)")
      #expect(outcome.stdout.isEmpty)
      #expect(outcome.stderr.hasPrefix("lstmviz: --size:"), "\(size)")
    }
  }

  @Test func aSmallSizeSaysTooSmall() throws {
    let outcome = try Support.run(["render", "--size", "60x20"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("terminal too small: need 80×24, have 60×20"))
    #expect(outcome.stdout.contains("q quits"))
  }

  @Test func aVectorModelShowsTheSelectedUnit() throws {
    let outcome = try Support.run([
      "render", "--model", "\(golden)/torch-3x2.state_dict.json", "--sequences",
      "\(golden)/torch-3x2.sequences.json", "--keys", "right ]", "--size", "80x24",
    ])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("unit 2 / 3"))
    #expect(outcome.stdout.contains("x = STM·U + input·W + b"))
    #expect(outcome.stdout.contains("▸2:"))
  }

  @Test func precisionAppliesToEveryNumber() throws {
    let outcome = try Support.run(["render", "--keys", "right", "--precision", "2"])
    #expect(outcome.stdout.contains("-0.13·2.70 + 0.50·1.63 + 1.62"))
    let bad = try Support.run(["render", "--precision", "13"])
    #expect(bad.status == 2)
  }
}
