import Foundation
import LSTMScreen
import LSTMTerminal
import Testing

/// Recording a class, as a teacher would: the built program in tmux, keys pressed, then the
/// files read back.
@Suite(.serialized) struct RecordingEndToEndTests {
  /// The reference LTM and STM of every step, to 4 decimals, by sequence name and t.
  static let golden: [String: [Int: (ltm: String, stm: String)]] = {
    let url = Support.packageRoot.appendingPathComponent(
      "Tests/Fixtures/golden/statquest.trace.json")
    guard let data = try? Data(contentsOf: url),
      let trace = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let sequences = trace["sequences"] as? [[String: Any]]
    else { return [:] }
    var golden: [String: [Int: (ltm: String, stm: String)]] = [:]
    for sequence in sequences {
      guard let name = sequence["name"] as? String,
        let steps = sequence["steps"] as? [[String: Any]]
      else { continue }
      for step in steps {
        guard let t = step["t"] as? Int, let ltm = (step["ltm"] as? [Double])?.first,
          let stm = (step["stm"] as? [Double])?.first
        else { continue }
        golden[name, default: [:]][t] = (String(format: "%.4f", ltm), String(format: "%.4f", stm))
      }
    }
    return golden
  }()

  /// Checks that every frame shows the reference LTM and STM of its own sequence and step.
  static func expectReferenceNumbers(in recording: Recording) {
    #expect(golden.count == 2)
    for frame in recording.frames {
      let text = frame.rows.joined(separator: "\n")
      guard let numbers = golden[frame.sequence]?[frame.t] else {
        Issue.record("frame \(frame.number) names \(frame.sequence) t = \(frame.t)")
        continue
      }
      #expect(text.contains(numbers.ltm), "frame \(frame.number): LTM \(numbers.ltm)")
      #expect(text.contains(numbers.stm), "frame \(frame.number): STM \(numbers.stm)")
    }
  }

  static func read(_ url: URL) throws -> Recording {
    try Recording(parsing: try Data(contentsOf: url))
  }

  /// The pane's rows as the recording keeps them: trailing spaces trimmed.
  static func rows(_ screen: String, height: Int) -> [String] {
    var rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map {
      var row = String($0)
      while row.last == " " { row.removeLast() }
      return row
    }
    while rows.count > height { rows.removeLast() }
    while rows.count < height { rows.append("") }
    return rows
  }

  @Test func aRecordedClassHoldsEveryScreenShownAndTheReferenceNumbers() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pane = try TmuxPane(["--record", "class.txt", "--cast", "class.cast"], in: folder)
    defer { pane.close() }
    var shown = [try pane.waitForSteady("Company A (1/2)   t = 1 / 4")]
    for (key, place) in [
      ("Right", "A (1/2)   t = 2 / 4"), ("Right", "A (1/2)   t = 3 / 4"),
      ("Down", "B (2/2)   t = 3 / 4"), ("End", "B (2/2)   t = 4 / 4"),
    ] {
      try pane.send(key)
      shown.append(try pane.waitForSteady(place))
    }
    try pane.send("q")
    #expect(try pane.exitStatus() == 0)

    let text = try String(contentsOf: folder.appendingPathComponent("class.txt"), encoding: .utf8)
    #expect(!text.contains("\u{1B}"))
    let recording = try Self.read(folder.appendingPathComponent("class.txt"))
    #expect(recording.header.width == 100 && recording.header.height == 30)
    #expect(recording.header.version == lstmvizVersion)
    #expect(recording.frames.map(\.key) == ["start", "right", "right", "down", "end"])
    #expect(recording.frames.map(\.t) == [1, 2, 3, 3, 4])
    #expect(
      recording.frames.map(\.sequence) == [
        "Company A", "Company A", "Company A", "Company B", "Company B",
      ])
    // Each frame is exactly the screen the class saw.
    for (frame, screen) in zip(recording.frames, shown) {
      #expect(frame.rows == Self.rows(screen, height: 30))
    }
    Self.expectReferenceNumbers(in: recording)

    let cast = try String(contentsOf: folder.appendingPathComponent("class.cast"), encoding: .utf8)
    let lines = cast.split(separator: "\n")
    #expect(lines.count == 1 + 5 + 1)
    let header = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
    #expect((header["title"] as? String)?.isEmpty == false)
    var previous = 0.0
    for line in lines.dropFirst() {
      let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
      let time = try #require(event[0] as? Double)
      #expect(time >= previous)
      previous = time
      #expect(event[1] as? String == "o")
    }
  }

  @Test func aKilledSessionKeepsEveryFrameShown() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pane = try TmuxPane(["--record", "class.txt"], in: folder)
    defer { pane.close() }
    try pane.waitFor("Company A (1/2)   t = 1 / 4")
    try pane.send("Right")
    try pane.waitFor("Company A (1/2)   t = 2 / 4")
    let second = try pane.waitForSteady("Company A (1/2)   t = 2 / 4")
    let pid = try #require(try pane.processID())
    try pane.send("Right")
    // Killed the moment the next frame starts to show: it was written before it was drawn.
    try pane.waitFor("Company A (1/2)   t = 3 / 4", pollingEvery: 0.001)
    #expect(kill(pid, SIGKILL) == 0)
    #expect(try pane.exitStatus() == 128 + SIGKILL)
    let recording = try Self.read(folder.appendingPathComponent("class.txt"))
    #expect(recording.frames.map(\.key) == ["start", "right", "right"])
    #expect(recording.frames.map(\.t) == [1, 2, 3])
    #expect(recording.frames[1].rows == Self.rows(second, height: 30))
    Self.expectReferenceNumbers(in: recording)
  }

  @Test func anExistingFileIsKeptUnlessForced() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("class.txt")
    try Data("last year's class\n".utf8).write(to: file)

    let pane = try TmuxPane(["--record", "class.txt"], in: folder)
    defer { pane.close() }
    #expect(try pane.exitStatus() == 2)
    #expect(!(try pane.screen()).contains("0.2012"))
    let message = try String(
      contentsOf: folder.appendingPathComponent("stderr.txt"), encoding: .utf8)
    #expect(message == "lstmviz: class.txt: already exists; add --force to overwrite it\n")
    #expect(try String(contentsOf: file, encoding: .utf8) == "last year's class\n")

    let render = try Support.run(["render", "--cast", "class.txt"], currentDirectory: folder)
    #expect(render.status == 2)
    #expect(render.stdout.isEmpty)
    #expect(render.stderr == message)

    let forced = try Support.run(
      ["render", "--record", "class.txt", "--force"], currentDirectory: folder)
    #expect(forced.status == 0)
    #expect(try Self.read(file).frames.count == 1)
  }

  @Test func aPathThatCannotBeWrittenStopsBeforeTheScreenOpens() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pane = try TmuxPane(["--cast", "/nonexistent/folder/class.cast"], in: folder)
    defer { pane.close() }
    #expect(try pane.exitStatus() == 2)
    #expect(!(try pane.screen()).contains("0.2012"))
    let message = try String(
      contentsOf: folder.appendingPathComponent("stderr.txt"), encoding: .utf8)
    #expect(
      message
        == "lstmviz: /nonexistent/folder/class.cast: cannot write: no such file or directory\n")
    let render = try Support.run(["render", "--record", folder.path])
    #expect(render.status == 2)
    #expect(render.stderr == "lstmviz: \(folder.path): is a directory\n")
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func aFullDiskStopsTheRecordingButNotTheClass() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pane = try TmuxPane(["--record", "/dev/full", "--cast", "class.cast"], in: folder)
    defer { pane.close() }
    try pane.waitFor("recording stopped: no space left on device (/dev/full)")
    try pane.send("Right")
    try pane.waitFor("Company A (1/2)   t = 2 / 4")
    try pane.send("q")
    // The class went on to the end; then the program says the recording failed.
    #expect(try pane.exitStatus() == 1)
    let message = try String(
      contentsOf: folder.appendingPathComponent("stderr.txt"), encoding: .utf8)
    #expect(message == "lstmviz: recording stopped: no space left on device (/dev/full)\n")
    // The cast went on, and shows the message too.
    let cast = try String(contentsOf: folder.appendingPathComponent("class.cast"), encoding: .utf8)
    #expect(cast.contains("recording stopped"))
    #expect(cast.contains("-0.2022"))
  }

  @Test func aResizeIsRecordedAsAFrameOfTheNewSize() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pane = try TmuxPane(["--record", "class.txt", "--cast", "class.cast"], in: folder)
    defer { pane.close() }
    try pane.waitFor("Company A (1/2)   t = 1 / 4")
    try pane.tmux("resize-window", "-t", pane.target, "-x", "60", "-y", "20")
    try pane.waitFor("too small")
    try pane.tmux("resize-window", "-t", pane.target, "-x", "90", "-y", "28")
    try pane.waitFor("Company A (1/2)   t = 1 / 4")
    try pane.send("q")
    #expect(try pane.exitStatus() == 0)
    let recording = try Self.read(folder.appendingPathComponent("class.txt"))
    #expect(recording.frames.map(\.key) == ["start", "resize", "resize"])
    #expect(recording.frames.map(\.width) == [100, 60, 90])
    #expect(recording.frames.map(\.height) == [30, 20, 28])
    #expect(recording.frames[1].rows.joined().contains("terminal too small"))
    // The cast wipes the screen before drawing a frame of a new size.
    let cast = try String(contentsOf: folder.appendingPathComponent("class.cast"), encoding: .utf8)
    #expect(cast.components(separatedBy: "\\u001b[2J").count == 1 + 3)
  }

  @Test func theVersionInRecordingsIsTheProgramsVersion() throws {
    let version = try Support.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout == lstmvizVersion + "\n")
  }

  @Test func noColorMeansACastWithoutColour() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (arguments, environment) in [
      (["--no-color"], [:]), ([], ["NO_COLOR": "1"]),
    ] {
      let file = folder.appendingPathComponent("\(UUID().uuidString).cast")
      let render = try Support.run(
        ["render", "--keys", "right", "--cast", file.path] + arguments, environment: environment)
      #expect(render.status == 0)
      let cast = try String(contentsOf: file, encoding: .utf8)
      #expect(!cast.contains("38;5;"))
      #expect(cast.contains("-0.2022"))
    }
  }

  @Test(.enabled(if: Support.installed("asciinema")))
  func asciinemaReadsTheCast() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let render = try Support.run(
      ["render", "--keys", "right right", "--cast", "class.cast"], currentDirectory: folder)
    #expect(render.status == 0)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["asciinema", "cat", folder.appendingPathComponent("class.cast").path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(String(decoding: data, as: UTF8.self).contains("-0.3246"))
  }

  @Test func renderRecordsItsKeysAtTimeZero() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let render = try Support.run(
      ["render", "--keys", "right l down end", "--record", "r.txt", "--size", "80x24"],
      currentDirectory: folder)
    #expect(render.status == 0)
    let recording = try Self.read(folder.appendingPathComponent("r.txt"))
    #expect(recording.frames.map(\.key) == ["start", "right", "l", "down", "end"])
    #expect(
      recording.frames.allSatisfy { $0.elapsed == 0 && $0.rows.count == 24 && $0.width == 80 })
    #expect(
      recording.frames.last?.rows.joined(separator: "\n")
        == render.stdout.trimmingCharacters(in: .newlines))
    Self.expectReferenceNumbers(in: recording)
  }

  @Test func renderKeepsAnExistingFileUnlessForced() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("class.txt")
    try Data("last year's class\n".utf8).write(to: file)
    for option in ["--record", "--cast"] {
      let render = try Support.run(["render", option, "class.txt"], currentDirectory: folder)
      #expect(render.status == 2)
      #expect(render.stdout.isEmpty)
      #expect(render.stderr == "lstmviz: class.txt: already exists; add --force to overwrite it\n")
      #expect(try String(contentsOf: file, encoding: .utf8) == "last year's class\n")
    }
    let forced = try Support.run(
      ["render", "--record", "class.txt", "--force"], currentDirectory: folder)
    #expect(forced.status == 0)
    #expect(try Self.read(file).frames.count == 1)
  }

  @Test func renderRefusesAPathThatCannotBeWritten() throws {
    let folder = try Support.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = try Support.run(["render", "--cast", "/nonexistent/folder/class.cast"])
    #expect(missing.status == 2)
    #expect(missing.stdout.isEmpty)
    #expect(
      missing.stderr
        == "lstmviz: /nonexistent/folder/class.cast: cannot write: no such file or directory\n")
    let directory = try Support.run(["render", "--record", folder.path])
    #expect(directory.status == 2)
    #expect(directory.stderr == "lstmviz: \(folder.path): is a directory\n")
    let same = try Support.run(
      ["render", "--record", "a.txt", "--cast", "a.txt"], currentDirectory: folder)
    #expect(same.status == 2)
    #expect(same.stderr == "lstmviz: --record and --cast name the same file: a.txt\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func renderSaysWhenTheRecordingStopped() throws {
    let render = try Support.run(["render", "--keys", "right", "--record", "/dev/full"])
    #expect(render.status == 1)
    #expect(render.stdout.contains("recording stopped: no space left on device (/dev/full)"))
    #expect(render.stdout.contains("-0.2022"))
    #expect(render.stderr == "lstmviz: recording stopped: no space left on device (/dev/full)\n")
  }
}
