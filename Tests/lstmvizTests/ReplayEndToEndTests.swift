import Foundation
import LSTMScreen
import LSTMTerminal
import Testing

/// `lstmviz replay`, paged in tmux as a student would, and refusing what is not a recording.
@Suite(.serialized) struct ReplayEndToEndTests {
  /// A recording of Company A stepped to its end, made by `render`.
  static func recordClass(in folder: URL) throws -> URL {
    let render = try Support.run(
      ["render", "--keys", "right right right", "--record", "class.txt", "--size", "80x24"],
      currentDirectory: folder)
    #expect(render.status == 0)
    return folder.appendingPathComponent("class.txt")
  }

  /// Keeps the first `count` lines of `file`, as a copy cut short would.
  static func keepFirstLines(_ count: Int, of file: URL) throws {
    let lines = try String(contentsOf: file, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    try (lines.prefix(count).joined(separator: "\n") + "\n").write(
      to: file, atomically: true, encoding: .utf8)
  }

  @Test func replayPagesThroughTheFrames() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try Self.recordClass(in: folder)
    let pane = try TmuxPane(["replay", "class.txt"], in: folder, width: 100, height: 30)
    defer { pane.close() }
    var screen = try pane.waitFor("frame 1 / 4 · key start")
    #expect(screen.contains("-0.2012"))
    try pane.send("Right")
    screen = try pane.waitFor("frame 2 / 4 · key right · Company A · t = 2 / 4")
    #expect(screen.contains("-0.2022"))
    try pane.send("End")
    screen = try pane.waitFor("frame 4 / 4")
    #expect(screen.contains("0.0153"))
    try pane.send("Right")
    try pane.send("h")
    try pane.waitFor("frame 3 / 4")
    try pane.send("Home")
    try pane.waitFor("frame 1 / 4")
    try pane.send("?")
    try pane.waitFor("previous frame")
    try pane.send("q")
    #expect(try pane.exitStatus() == 0)
  }

  /// A recording made on a 200x60 terminal, replayed in 100x30: the status line says the frame
  /// is cropped, and `>` and `↓` pan to the rest.
  @Test func aLargerRecordingSaysItIsCroppedAndPans() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let render = try Support.run(
      ["render", "--size", "200x60", "--keys", "right right", "--record", "wide.txt"],
      currentDirectory: folder)
    #expect(render.status == 0)
    let recording = try Recording(
      parsing: Array(try Data(contentsOf: folder.appendingPathComponent("wide.txt"))))
    let rows = recording.frames[0].rows
    let pane = try TmuxPane(["replay", "wide.txt"], in: folder, width: 100, height: 30)
    defer { pane.close() }
    var screen = try pane.waitForSteady(
      "frame 1 / 3 · key start · 200x60 cropped to 100x29 (< > ↑ ↓ pan) · Company A · t = 1 / 4")
    /// The frame's rows as the screen shows them from `column`, `row`.
    func crop(column: Int, row: Int) -> [String] {
      rows.dropFirst(row).prefix(29).map {
        String(String($0.dropFirst(column)).prefix(100)).replacingOccurrences(
          of: " +$", with: "", options: .regularExpression)
      }
    }
    #expect(
      Array(
        screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(29).map(String.init))
        == crop(column: 0, row: 0))
    try pane.send(">")
    try pane.send("Down")
    screen = try pane.waitForSteady("200x60 cropped to 100x29 from column 51, row 15 · Company A")
    #expect(
      Array(
        screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(29).map(String.init))
        == crop(column: 50, row: 14))
    try pane.send("Right")
    try pane.waitFor("frame 2 / 3 · key right · 200x60 cropped to 100x29 from column 51, row 15")
    try pane.send("q")
    #expect(try pane.exitStatus() == 0)
  }

  @Test func withoutATerminalReplayPrintsTheFrames() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.recordClass(in: folder)
    let replay = try Support.run(["replay", file.path])
    #expect(replay.status == 0)
    #expect(replay.stdout == (try String(contentsOf: file, encoding: .utf8)))
    #expect(replay.stdout.contains("t = 4 / 4"))
  }

  /// A copy cut short in its last frame: the whole frames are shown, and stderr says where the
  /// file was cut.
  @Test func aRecordingCutShortShowsItsWholeFrames() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.recordClass(in: folder)
    let whole = try String(contentsOf: file, encoding: .utf8)
    // The last frame loses its last four rows (the file ends in a newline).
    let kept = whole.split(separator: "\n", omittingEmptySubsequences: false).count - 1 - 4
    try Self.keepFirstLines(kept, of: file)
    let cut = try Support.run(["replay", file.path])
    #expect(cut.status == 0)
    let lastFrame = try #require(whole.range(of: "──── frame 4 ·"))
    #expect(cut.stdout == String(whole[..<lastFrame.lowerBound]))
    #expect(
      cut.stderr
        == "lstmviz: \(file.path): line \(kept + 1): frame 4 ends after 20 of 24 rows: "
        + "the file is cut off there; its 3 whole frames are shown\n")

    let pane = try TmuxPane(["replay", file.path], in: folder, width: 100, height: 30)
    defer { pane.close() }
    try pane.send("End")
    try pane.waitFor("frame 3 / 3 · key right · the file is cut off after this frame")
    try pane.send("q")
    #expect(try pane.exitStatus() == 0)
  }

  @Test func aFileThatIsNotARecordingIsRefusedWithItsLine() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.recordClass(in: folder)
    // Cut inside the first frame: nothing whole is left.
    try Self.keepFirstLines(10, of: file)
    let cut = try Support.run(["replay", file.path])
    #expect(cut.status == 2)
    #expect(cut.stdout.isEmpty)
    #expect(
      cut.stderr == "lstmviz: \(file.path): line 11: frame 1 ends after 7 of 24 rows\n")

    let lesson = Support.packageRoot.appendingPathComponent(
      "Tests/Fixtures/golden/statquest.lesson.json")
    let pane = try TmuxPane(["replay", lesson.path], in: folder)
    defer { pane.close() }
    #expect(try pane.exitStatus() == 2)
    // Nothing was drawn.
    let screen = try pane.screen().split(separator: "\n").filter { !$0.hasPrefix("Pane is dead") }
    #expect(screen.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })

    let message = try String(
      contentsOf: folder.appendingPathComponent("stderr.txt"), encoding: .utf8)
    #expect(message.hasPrefix("lstmviz: \(lesson.path): line 1: not an lstmviz recording"))

    let missing = try Support.run(["replay", folder.appendingPathComponent("none.txt").path])
    #expect(missing.status == 2)
    #expect(missing.stderr.hasSuffix("none.txt: cannot be read: No such file or directory\n"))
  }
}
