import Foundation
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

@Suite struct ReplayViewerTests {
  private static let recording = Recording(
    header: RecordingHeader(
      title: "StatQuest", date: Date(timeIntervalSince1970: 1_795_000_000), width: 40, height: 3),
    frames: (1...3).map { number in
      RecordedFrame(
        number: number, elapsed: Double(number - 1), key: number == 1 ? "start" : "right",
        sequence: "Company A", t: number, steps: 4, width: 40,
        rows: ["t = \(number) / 4", "LTM 漢 \(number)", ""])
    })

  @Test func keysPageThroughTheFramesAndStopAtTheEnds() {
    var viewer = ReplayViewer(recording: Self.recording, width: 80, height: 6)
    #expect(viewer.index == 0)
    viewer.press(.left)
    #expect(viewer.index == 0)
    viewer.press(.right)
    viewer.press(.character("l"))
    viewer.press(.right)
    #expect(viewer.index == 2)
    viewer.press(.character("h"))
    #expect(viewer.index == 1)
    viewer.press(.home)
    #expect(viewer.index == 0)
    viewer.press(.character("G"))
    #expect(viewer.index == 2)
    viewer.press(.character("g"))
    viewer.press(.end)
    #expect(viewer.index == 2)
    #expect(!viewer.hasQuit)
    viewer.press(.character("q"))
    #expect(viewer.hasQuit)
  }

  @Test func theScreenShowsTheFrameAndWhereItIs() {
    var viewer = ReplayViewer(recording: Self.recording, width: 80, height: 5)
    viewer.press(.right)
    let lines = viewer.render().lines
    #expect(lines.count == 5)
    #expect(Array(lines[0..<3]) == ["t = 2 / 4", "LTM 漢 2", ""])
    #expect(lines[4].hasPrefix(" frame 2 / 3 · key right · Company A · t = 2 / 4 · 1.000 s"))
    #expect(lines[4].hasSuffix("? help  q quit"))
  }

  @Test func helpListsTheKeysAndEscapeClosesIt() {
    var viewer = ReplayViewer(recording: Self.recording, width: 80, height: 20)
    viewer.press(.character("?"))
    let text = viewer.render().lines.joined(separator: "\n")
    #expect(text.contains("lstmviz replay: StatQuest"))
    #expect(text.contains("previous frame"))
    #expect(text.contains("recorded 2026-11-18 11:06:40 UTC"))
    viewer.press(.escape)
    #expect(!viewer.render().lines.joined().contains("previous frame"))
  }

  @Test func nothingIsDrawnOutsideTheScreen() {
    for width in [0, 1, 5, 30, 80] {
      for height in [0, 1, 2, 4, 24] {
        var viewer = ReplayViewer(recording: Self.recording, width: 10, height: 10)
        viewer.resize(width: width, height: height)
        viewer.press(.character("?"))
        let canvas = viewer.render()
        #expect(canvas.width == width && canvas.height == height)
        if width >= 12 && height >= 1 {
          #expect(canvas.lines[height - 1].hasPrefix(" frame 1 / 3"))
        }
      }
    }
  }

  /// A 12x4 frame of digits and letters: row r, column c holds "abcd"[r] then the column's
  /// last digit, so a crop shows which part of the frame it is.
  private static let large = Recording(
    header: RecordingHeader(
      title: "Large", date: Date(timeIntervalSince1970: 1_795_000_000), width: 12, height: 4),
    frames: [
      RecordedFrame(
        number: 1, elapsed: 0, key: "start", sequence: "Company A", t: 1, steps: 4, width: 12,
        rows: ["a01234567890", "b01234567890", "c01234567890", "d01234567890"])
    ])

  @Test func aFrameLargerThanTheScreenSaysItIsCroppedAndPans() {
    var viewer = ReplayViewer(recording: Self.large, width: 6, height: 3)
    #expect(viewer.isCropped)
    #expect(viewer.render().lines[0..<2] == ["a01234", "b01234"])
    #expect(
      viewer.status
        == "frame 1 / 1 · key start · 12x4 cropped to 6x2 (< > ↑ ↓ pan) · Company A · t = 1 / 4 · 0.000 s"
    )
    viewer.press(.character(">"))
    #expect(viewer.render().lines[0..<2] == ["234567", "234567"])
    #expect(
      viewer.status.hasPrefix(
        "frame 1 / 1 · key start · 12x4 cropped to 6x2 from column 4, row 1 ·"))
    viewer.press(.character(">"))
    viewer.press(.character(">"))
    // The pan stops at the frame's right edge.
    #expect(viewer.render().lines[0..<2] == ["567890", "567890"])
    viewer.press(.down)
    viewer.press(.character("j"))
    viewer.press(.character("j"))
    #expect(viewer.render().lines[0..<2] == ["567890", "567890"])
    #expect(viewer.origin == (6, 2))
    #expect(viewer.status.contains("cropped to 6x2 from column 7, row 3"))
    viewer.press(.up)
    viewer.press(.character("<"))
    #expect(viewer.origin == (3, 1))
    // A screen large enough shows all of it, whatever the pan was.
    viewer.resize(width: 20, height: 5)
    #expect(!viewer.isCropped)
    #expect(Array(viewer.render().lines[0..<4]) == Self.large.frames[0].rows)
    #expect(!viewer.status.contains("cropped"))
  }

  /// The recorded program's own key hints, its last row, give way to the status line: a
  /// recording replays whole on a terminal of the size it was made on.
  @Test func aFrameReplayedAtItsOwnSizeIsNotCropped() {
    let rows = ["lstmviz · StatQuest", "LTM 0.5", "←/→ step  ↑/↓ sequence  ? help  q quit"]
    let recording = Recording(
      header: RecordingHeader(
        title: "Same size", date: Date(timeIntervalSince1970: 1_795_000_000), width: 40,
        height: 3),
      frames: [
        RecordedFrame(
          number: 1, elapsed: 0, key: "start", sequence: "Company A", t: 1, steps: 4,
          width: 40, rows: rows)
      ])
    var viewer = ReplayViewer(recording: recording, width: 40, height: 3)
    #expect(!viewer.isCropped)
    #expect(!viewer.status.contains("cropped"))
    let lines = viewer.render().lines
    #expect(Array(lines[0..<2]) == Array(rows[0..<2]))
    #expect(lines[2].hasPrefix(" frame 1 / 1 · key start · Company A"))
    // One row fewer, and the frame's own rows no longer fit: that is cropped.
    viewer.resize(width: 40, height: 2)
    #expect(viewer.isCropped)
    #expect(viewer.status.contains("40x3 cropped to 40x1"))
  }

  @Test func theFrameAndTheKeyComeFirstInTheStatusLine() {
    // 50 columns: the frame, the key and the crop come before what the screen cuts.
    let viewer = ReplayViewer(recording: Self.large, width: 50, height: 3)
    #expect(viewer.render().lines[2].hasPrefix(" frame 1 / 1 · key start · 12x4 cropped to 12x2"))
  }

  @Test func anEmptyRecordingSaysSo() {
    var viewer = ReplayViewer(
      recording: Recording(header: Self.recording.header, frames: []), width: 80, height: 4)
    viewer.press(.right)
    viewer.press(.end)
    #expect(viewer.render().lines[3].contains("frame 0 / 0 · this recording holds no frames"))
  }
}
