import Foundation
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

@Suite struct RecordingTests {
  private static let date = Date(timeIntervalSince1970: 1_795_000_000)

  private static func frame(_ number: Int, rows: [String], key: String = "right") -> RecordedFrame {
    RecordedFrame(
      number: number, elapsed: Double(number) * 0.25, key: key, sequence: "Company A", t: number,
      steps: 4, width: 12, rows: rows)
  }

  @Test func oddFramesReadBackExactly() throws {
    var canvas = Canvas(width: 10, height: 3)
    canvas.put("漢字 😀 ok", row: 1, column: 0)
    let frames = [
      Self.frame(1, rows: ["", "", ""]),
      Self.frame(2, rows: ["漢字と emoji 👩‍👩‍👧", "", "   indented", ""]),
      // Rows that look like a header or a separator are still rows.
      Self.frame(
        3,
        rows: [
          "──── frame 9 · 1.000 s · key q · X · t = 1 / 1 · 1x1 ────", "lstmviz recording · x",
        ]),
      Self.frame(4, rows: []),
      RecordedFrame(
        number: 5, elapsed: 1.5, key: "resize", sequence: "A · B ", t: 1, steps: 1,
        canvas: canvas),
    ]
    let header = RecordingHeader(
      title: "Title · with · dots", date: Self.date, width: 80, height: 24)
    let recording = Recording(header: header, frames: frames)
    let read = try Recording(parsing: Array(recording.text.utf8))
    #expect(read == recording)
    #expect(read.frames[4].rows == ["", "漢字 😀 ok", ""])
    #expect(read.header.date == Self.date)
  }

  @Test func theTextIsPlainAndSaysWhatEachFrameIs() {
    let header = RecordingHeader(title: "StatQuest", date: Self.date, width: 80, height: 24)
    let text = Recording(header: header, frames: [Self.frame(2, rows: ["a  ", "b"])]).text
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "lstmviz recording · StatQuest")
    #expect(
      lines[1] == "recorded 2026-11-18 11:06:40 UTC · terminal 80x24 · lstmviz \(lstmvizVersion)")
    #expect(
      lines[2].hasPrefix("──── frame 2 · 0.500 s · key right · Company A · t = 2 / 4 · 12x2 ─"))
    #expect(Array(lines[3...]) == ["a", "b", ""])
  }

  @Test func inStageModeTheSeparatorNamesTheStageAndReadsBack() throws {
    let stages: [Stage?] = [.forget, .input, .output, nil]
    let frames = stages.enumerated().map { index, stage in
      RecordedFrame(
        number: index + 1, elapsed: 0, key: "s", sequence: "Company A · t = 1 / 4", t: 3,
        steps: 4, stage: stage, width: 12, rows: ["x"])
    }
    let separators = frames.map(\.separator)
    #expect(
      separators[0].contains(
        "· key s · Company A · t = 1 / 4 · t = 3 / 4 · stage 1 / 3 forget gate · 12x1 "))
    #expect(separators[1].contains("· t = 3 / 4 · stage 2 / 3 input gate · 12x1 "))
    #expect(separators[2].contains("· t = 3 / 4 · stage 3 / 3 output gate · 12x1 "))
    // Without their frame numbers the separators still differ: each names what it shows.
    let places = separators.map { $0.components(separatedBy: " · ").dropFirst().joined() }
    #expect(Set(places).count == 4)
    #expect(!separators[3].contains("stage"))
    let header = RecordingHeader(title: "StatQuest", date: Self.date, width: 12, height: 1)
    let recording = Recording(header: header, frames: frames)
    let read = try Recording(parsing: Array(recording.text.utf8))
    #expect(read == recording)
    #expect(read.frames.map(\.stage) == stages)
    #expect(read.frames.map(\.sequence) == Array(repeating: "Company A · t = 1 / 4", count: 4))
  }

  @Test func theProgramsPlaceNamesTheStageRevealed() {
    var program = LessonProgram(lesson: .statQuest)
    var stages: [Stage?] = []
    for _ in 0..<4 {
      program.handle(.key(.character("s")))
      stages.append(program.place.stage)
    }
    #expect(stages == [.forget, .input, .output, nil])
  }

  @Test func aRecordingFromBeforeStagesWereNamedStillReads() throws {
    let text = """
      lstmviz recording · StatQuest
      recorded 2026-11-18 11:06:40 UTC · terminal 12x1 · lstmviz 0.1.0
      ──── frame 1 · 0.000 s · key s · Company A · t = 3 / 4 · 12x1 ────────
      row

      """
    let read = try Recording(parsing: Array(text.utf8))
    #expect(read.frames.count == 1)
    #expect(read.frames[0].stage == nil && read.frames[0].t == 3)
    #expect(read.frames[0].sequence == "Company A" && read.frames[0].rows == ["row"])
  }

  @Test func controlCharactersNeverReachTheFile() throws {
    let frame = RecordedFrame(
      number: 1, elapsed: 0, key: "a b", sequence: "bad\nname", t: 1, steps: 1, width: 5,
      rows: ["\u{1B}[31mred\r", "tab\there"])
    let header = RecordingHeader(title: "two\nlines", date: Self.date, width: 5, height: 2)
    let text = Recording(header: header, frames: [frame]).text
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\r"))
    #expect(!text.contains("\t"))
    #expect(text.split(separator: "\n").count == 5)
    let read = try Recording(parsing: Array(text.utf8))
    #expect(read.frames == [frame])
    #expect(read.frames[0].rows == ["�[31mred�", "tab�here"])
    #expect(read.frames[0].key == "a b")
  }

  @Test(arguments: [
    ("", 1, "not an lstmviz recording"),
    ("hello\nworld\n", 1, "not an lstmviz recording"),
    ("lstmviz recording · x\n", 2, "header ends early"),
    ("lstmviz recording · x\nrecorded yesterday\n", 2, "expected \"recorded"),
    (
      "lstmviz recording · x\nrecorded 2026-11-24 18:05:12 UTC · terminal 80x24 · lstmviz 1\nrow\n",
      3, "expected a frame separator"
    ),
    (
      "lstmviz recording · x\nrecorded 2026-11-24 18:05:12 UTC · terminal 80x24 · lstmviz 1\n"
        + "──── frame 1 · 0.000 s · key start · A · t = 1 / 4 · 10x3 ────\none\ntwo\n",
      6, "frame 1 ends after 2 of 3 rows"
    ),
    (
      "lstmviz recording · x\nrecorded 2026-13-24 18:05:12 UTC · terminal 80x24 · lstmviz 1\n",
      2, "expected \"recorded"
    ),
    (
      "lstmviz recording · x\nrecorded 2026-11-24 18:05:12 UTC · terminal 80x24 · lstmviz 1\n"
        + "──── frame 1 · inf s · key start · A · t = 1 / 4 · 10x0 ────\n",
      3, "expected a frame separator"
    ),
  ])
  func notARecordingSaysWhere(text: String, line: Int, reason: String) {
    #expect {
      try Recording(parsing: Array(text.utf8))
    } throws: { error in
      guard let error = error as? RecordingFormatError else { return false }
      return error.line == line && error.reason.contains(reason)
    }
  }

  /// A file cut short (a copy or upload that stopped) keeps its whole frames and says where it
  /// was cut: inside a frame's rows, inside a separator, or inside a character.
  @Test func aRecordingCutShortKeepsItsWholeFrames() throws {
    let header = RecordingHeader(title: "x", date: Self.date, width: 12, height: 2)
    let frames = [Self.frame(1, rows: ["ab", "漢字"]), Self.frame(2, rows: ["cd", "漢字"])]
    let text = Array(Recording(header: header, frames: frames).text.utf8)
    let second = text.count - Array(frames[1].text.utf8).count
    let cuts: [(bytes: Int, frames: Int, reason: String)] = [
      (second + 10, 1, "the file ends inside a separator"),
      (text.count - 6, 1, "frame 2 ends after 1 of 2 rows"),
      // Right after a frame, nothing tells of a cut: the file is whole as far as it goes.
      (second, 1, ""),
    ]
    for cut in cuts {
      let read = try Recording(parsing: text.prefix(cut.bytes))
      #expect(read.frames == Array(frames.prefix(cut.frames)), "cut at \(cut.bytes)")
      #expect((read.cutOff?.reason ?? "") == cut.reason, "cut at \(cut.bytes)")
    }
    // Inside the last character, 字: the bytes of it that are there are left out.
    let inCharacter = try Recording(parsing: text.prefix(text.count - 2))
    #expect(inCharacter.frames.last?.rows == ["cd", "漢"])
    #expect(inCharacter.cutOff?.reason == "the file ends inside a character of frame 2's last row")
    // Cut inside the first frame, there is nothing to show: that is no recording.
    #expect(throws: RecordingFormatError.self) {
      try Recording(parsing: text.prefix(second - 8))
    }
  }

  @Test func bytesThatAreNotUTF8AreRefusedWithTheirLine() {
    let bytes = Array("lstmviz recording · x\n".utf8) + [0xFF, 0xFE, 0x0A]
    #expect(throws: RecordingFormatError.self) { try Recording(parsing: bytes) }
    do {
      _ = try Recording(parsing: bytes)
    } catch {
      #expect(error.line == 2)
    }
  }

  @Test func anyBytesAreReadOrRefusedWithoutATrap() {
    let valid = Array(
      Recording(
        header: RecordingHeader(title: "x", date: Self.date, width: 4, height: 2),
        frames: [Self.frame(1, rows: ["ab", "c"]), Self.frame(2, rows: ["", "d"])]
      ).text.utf8)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      var bytes = valid
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        let index = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
        case 1: bytes.remove(at: index)
        default: bytes.insert(0x0A, at: index)
        }
      }
      // Whatever reads as a recording writes back as the same recording, less any cut.
      if let read = try? Recording(parsing: bytes) {
        let again = try? Recording(parsing: Array(read.text.utf8))
        #expect(again?.header == read.header && again?.frames == read.frames)
        #expect(again?.cutOff == nil)
      }
    }
  }
}
