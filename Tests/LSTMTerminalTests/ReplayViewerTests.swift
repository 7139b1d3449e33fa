import Foundation
import LSTMViewModel
import Testing

@testable import LSTMTerminal

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

  @Test func anEmptyRecordingSaysSo() {
    var viewer = ReplayViewer(
      recording: Recording(header: Self.recording.header, frames: []), width: 80, height: 4)
    viewer.press(.right)
    viewer.press(.end)
    #expect(viewer.render().lines[3].contains("frame 0 / 0 · this recording holds no frames"))
  }
}
