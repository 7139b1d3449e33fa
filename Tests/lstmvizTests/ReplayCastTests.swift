import Foundation
import LSTMScreen
import Testing

/// `lstmviz replay class.cast`: an asciicast paged through in colour, as `replay class.txt` is.
@Suite(.serialized) struct ReplayCastTests {
  /// A cast and a text recording of the same session, made by `render`.
  static func recordClass(in folder: URL) throws {
    let render = try Support.run(
      [
        "render", "--keys", "right right s down", "--record", "class.txt", "--cast", "class.cast",
        "--size", "100x30",
      ], environment: ["NO_COLOR": ""], currentDirectory: folder)
    #expect(render.status == 0)
  }

  /// Writes `text` to `name` in `folder`.
  private func write(_ text: String, _ name: String, in folder: URL) throws {
    try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  @Test func aCastOfLstmvizShowsTheFramesTheTextRecordingHolds() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.recordClass(in: folder)
    let text = try Recording(
      parsing: Array(try Data(contentsOf: folder.appendingPathComponent("class.txt"))))
    let printed = try Support.run(["replay", "class.cast"], currentDirectory: folder)
    #expect(printed.status == 0 && printed.stderr.isEmpty)
    let blocks = printed.stdout.components(separatedBy: "──── frame ").dropFirst()
    #expect(blocks.count == text.frames.count)
    for (block, frame) in zip(blocks, text.frames) {
      let rows = block.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        .prefix(frame.rows.count).map(String.init)
      #expect(rows == frame.rows)
    }
  }

  @Test func theCastReplaysInItsColoursInATerminal() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.recordClass(in: folder)
    let pane = try TmuxPane(["replay", "class.cast"], in: folder, width: 100, height: 30)
    defer { pane.close() }
    try pane.waitFor("frame 1 / 5 · 0.000 s")
    try pane.send("Right")
    try pane.waitFor("frame 2 / 5")
    // The LTM line in the cast's colour 220, as the session drew it.
    let colours = try pane.tmux("capture-pane", "-p", "-e", "-t", pane.target)
    #expect(colours.contains("38;5;220"), "\(colours.prefix(400))")
    try pane.send("End")
    try pane.waitFor("frame 5 / 5")
    try pane.send("?")
    try pane.waitFor("asciicast v2 · terminal 100x30")
    try pane.send("q")
    #expect(try pane.exitStatus() == 0)
  }

  @Test func aCastFromElsewhereIsReadTolerantly() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // asciicast v2 as asciinema writes it: env and theme in the header, input and marker
    // events, RGB colours, an OSC title, CRLF, a blank line, and a last line cut short.
    let cast = [
      #"{"version": 2, "width": 30, "height": 4, "timestamp": 1, "env": {"SHELL": "/bin/bash"}, "#
        + ##""theme": {"fg": "#d0d0d0", "bg": "#000000"}}"##,
      #"[0.25, "o", "\u001b]0;title\u0007\u001b[1;32m$ \u001b[0mls\r\n"]"#,
      #"[0.30, "i", "x"]"#, "",
      #"[0.50, "m", "chapter"]"#,
      #"[0.75, "o", "\u001b[38;2;255;0;0mred\u001b[0m and \u001b[7mreverse\u001b[27m"]"#,
      #"[1.0, "o", "half a li"#,
    ].joined(separator: "\r\n")
    try write(cast, "other.cast", in: folder)
    let printed = try Support.run(["replay", "other.cast"], currentDirectory: folder)
    #expect(printed.status == 0)
    #expect(printed.stdout.contains("──── frame 2 · 0.750 s · 30x4"))
    #expect(printed.stdout.contains("$ ls\nred and reverse\n"))
    #expect(
      printed.stderr
        == "lstmviz: other.cast: line 7: the last event is unfinished: the file is cut off "
        + "there; its 2 whole frames are shown\n")
  }

  @Test func asciicastV3TimesAreIntervals() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write(
      #"{"version": 3, "term": {"cols": 10, "rows": 2}}"# + "\n" + #"[0.5, "o", "a"]"# + "\n"
        + #"[0.25, "o", "b"]"# + "\n" + #"[1, "r", "12x3"]"# + "\n", "v3.cast", in: folder)
    let printed = try Support.run(["replay", "v3.cast"], currentDirectory: folder)
    #expect(printed.status == 0)
    #expect(printed.stdout.contains("frame 2 · 0.750 s · 10x2"))
    #expect(printed.stdout.contains("frame 3 · 1.750 s · 12x3"))
  }

  @Test(arguments: [
    (#"[1, "o", "x"]"#, "other.cast: line 1: not an lstmviz recording (it must start with"),
    (#"{"version": 1, "stdout": []}"#, #"other.cast: line 1: "version" must be 2 or 3"#),
    (
      #"{"version": 2, "width": 0, "height": 24}"#,
      #"other.cast: line 1: the header needs "width" and "height""#
    ),
    (
      #"{"version": 2, "width": 80, "height": 24}"# + "\n" + #"[1, "o"]"# + "\n[2, \"o\", \"x\"]",
      #"other.cast: line 2: expected an event [seconds, "o", "output"]"#
    ),
    (
      #"{"version": 2, "width": 80, "height": 24}"# + "\n" + #"[2, "o", "a"]"# + "\n"
        + #"[1, "o", "b"]"# + "\n" + #"[3, "o", "c"]"#, "other.cast: line 3: the time 1.0 is before"
    ),
    (
      #"{"version": 2, "width": 80, "height": 24}"# + "\n" + #"[1, "i", "typed"]"#,
      "other.cast: the cast draws nothing"
    ),
    ("{\"version\": 2, \"width\": 80, \"height\": 24\n", "other.cast: line 1: not an lstmviz"),
  ])
  func aBadCastIsOneLineAndExitTwo(cast: String, message: String) throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write(cast, "other.cast", in: folder)
    let replayed = try Support.run(["replay", "other.cast"], currentDirectory: folder)
    #expect(replayed.status == 2)
    #expect(replayed.stdout.isEmpty)
    #expect(replayed.stderr.hasPrefix("lstmviz: " + message), "\(replayed.stderr)")
    #expect(replayed.stderr.filter { $0 == "\n" }.count == 1)
  }
}
