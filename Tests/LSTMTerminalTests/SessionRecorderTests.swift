import Foundation
import Testing

@testable import LSTMScreen
@testable import LSTMTerminal

@Suite struct SessionRecorderTests {
  private static let date = Date(timeIntervalSince1970: 1_795_000_000)

  private static func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("lstmviz-recorder-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  private static func canvas(_ text: String, width: Int = 20, height: Int = 3) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    canvas.put(text, row: 0, column: 0, style: Style(.gate(.forget), bold: true))
    canvas.put("-0.2012", row: 1, column: 2, style: Style(.negative))
    return canvas
  }

  /// `canvas` as the loop shows it, led to by `key`, at step `t` of Company A.
  private static func frame(
    _ canvas: Canvas, _ key: String, t: Int, elapsed: Double
  ) -> ShownFrame {
    var frame = ShownFrame(
      canvas: canvas, number: 1, elapsed: elapsed, cause: nil,
      place: LessonPlace(sequence: "Company A", t: t, steps: 4))
    frame.key = key
    return frame
  }

  /// Records frames `t = 1, 1 (unchanged), 2, 3` at times that jump back once.
  private static func session(_ recorder: SessionRecorder) {
    recorder.record(frame(canvas("t = 1"), "start", t: 1, elapsed: 0))
    recorder.record(frame(canvas("t = 1"), "left", t: 1, elapsed: 0.5))
    recorder.record(frame(canvas("t = 2"), "right", t: 2, elapsed: 1.25))
    recorder.record(frame(canvas("t = 3 漢", width: 30, height: 4), "resize", t: 3, elapsed: 1.0))
  }

  @Test func framesAreWrittenAsShownOnlyWhenTheScreenChanged() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("class.txt").path
    let recorder = SessionRecorder(
      text: try RecordingFile(path: path, force: false), cast: nil, title: "StatQuest",
      date: Self.date, color: true)
    Self.session(recorder)
    // Written already, before the recorder is finished.
    let recording = try Recording(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(recording.header.title == "StatQuest")
    #expect(recording.header.width == 20 && recording.header.height == 3)
    #expect(recording.frames.map(\.key) == ["start", "right", "resize"])
    #expect(recording.frames.map(\.number) == [1, 2, 3])
    #expect(recording.frames.map(\.elapsed) == [0, 1.25, 1.25])
    #expect(recording.frames[2].rows == ["t = 3 漢", "  -0.2012", "", ""])
    #expect(recording.frames[2].width == 30)
    recorder.finish()
  }

  @Test func everyCastLineIsJSONAndTimeNeverGoesBack() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("class.cast").path
    let recorder = SessionRecorder(
      text: nil, cast: try RecordingFile(path: path, force: false), title: "Stat \"Quest\"",
      date: Self.date, color: true)
    Self.session(recorder)
    recorder.finish()
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    // The header, three frames, and the ending that shows the cursor again.
    #expect(lines.count == 5)
    let header = try #require(
      JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 20)
    #expect(header["height"] as? Int == 3)
    #expect(header["timestamp"] as? Int == 1_795_000_000)
    #expect(header["title"] as? String == "Stat \"Quest\"")
    var previous = 0.0
    var drawings: [String] = []
    for line in lines.dropFirst() {
      let event = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
      let time = try #require(event[0] as? Double)
      #expect(time >= previous)
      previous = time
      #expect(event[1] as? String == "o")
      drawings.append(try #require(event[2] as? String))
    }
    #expect(previous == 1.25)
    for drawing in drawings.prefix(3) {
      #expect(drawing.hasPrefix("\u{1B}[?25l"))
      #expect(drawing.contains("\u{1B}[1;1H"))
      #expect(drawing.contains("38;5;"))
    }
    #expect(drawings[2].contains("t = 3 漢"))
    #expect(drawings[3].hasSuffix("\u{1B}[?25h"))
  }

  @Test func monochromeCastsHaveNoColour() throws {
    let data = Asciicast.drawing(Self.canvas("σ(x) = 0.89"), color: false)
    #expect(!data.contains("38;5"))
    #expect(data.contains("\u{1B}[0;1m"))
    #expect(data.contains("σ(x) = 0.89"))
  }

  @Test func controlCharactersOnTheCanvasNeverReachTheCast() {
    var canvas = Canvas(width: 12, height: 1)
    canvas.put("a\u{1B}[31mb\u{7}", row: 0, column: 0)
    let data = Asciicast.drawing(canvas, color: true)
    #expect(!data.contains("\u{1B}[31m"))
    #expect(!data.contains("\u{7}"))
    #expect(data.contains("a�[31mb�"))
  }

  @Test func anExistingFileIsKeptUnlessForced() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("old.txt").path
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(
      throws: RecordingFileError(path: path, reason: "already exists; add --force to overwrite it")
    ) {
      try RecordingFile(path: path, force: false)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
    let file = try RecordingFile(path: path, force: true)
    #expect(file.append("new\n"))
    file.close()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
  }

  @Test func pathsThatCannotBeWrittenAreRefusedAtOnce() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(throws: RecordingFileError(path: directory.path, reason: "is a directory")) {
      try RecordingFile(path: directory.path, force: true)
    }
    let missing = directory.appendingPathComponent("no/such/dir/x.txt").path
    #expect(
      throws: RecordingFileError(
        path: missing, reason: "cannot write: no such file or directory")
    ) {
      try RecordingFile(path: missing, force: false)
    }
  }

  @Test func aFileNeverWrittenIsRemovedAgain() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("unused.txt").path
    let file = try RecordingFile(path: path, force: false)
    #expect(FileManager.default.fileExists(atPath: path))
    file.close()
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func aFullDiskStopsOneFileAndSaysWhy() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("ok.txt").path
    let recorder = SessionRecorder(
      text: try RecordingFile(path: path, force: false),
      cast: try RecordingFile(path: "/dev/full", force: false), title: "x", date: Self.date,
      color: false)
    let message = recorder.record(Self.frame(Self.canvas("one"), "start", t: 1, elapsed: 0))
    #expect(message == "recording stopped: no space left on device (/dev/full)")
    #expect(recorder.isRecording)
    #expect(
      recorder.record(Self.frame(Self.canvas("two"), "right", t: 2, elapsed: 1)) == nil)
    recorder.finish()
    let recording = try Recording(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(recording.frames.map(\.key) == ["start", "right"])
  }
}
