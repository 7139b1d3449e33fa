import Foundation
import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// The history plot reads true: each lane its own panel with its own axis, tick labels and zero
/// line; panels that grow with the terminal; braille by default and plain marks on request.
@Suite struct HistoryPanelTests {
  /// A sample lesson, loaded as `lstmviz Samples/NAME.json` loads it.
  private func sample(_ name: String) throws -> Lesson {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return try fixtureLesson(
      LessonSources(lesson: root.appendingPathComponent("Samples/\(name).json").path))
  }

  /// The frame's rows, plots drawn with `glyphs`.
  private func rows(_ state: State, _ glyphs: PlotGlyphs = .braille) -> [String] {
    Screen.render(state, options: ScreenOptions(plotGlyphs: glyphs)).lines
  }

  /// The rows of the panel named `name`: from its name to the next panel or the time axis.
  private func panel(_ name: String, in rows: [String]) -> [String] {
    guard let top = rows.firstIndex(where: { $0.hasPrefix(name + " ") }) else { return [] }
    let end =
      rows[(top + 1)...].firstIndex { $0.hasPrefix("memories") || $0.contains("└") } ?? rows.count
    return Array(rows[top..<end]).filter {
      $0.contains("┤") || $0.contains("│") || $0.contains("┼")
    }
  }

  /// The label of a panel row, if it has one: the number before its `┤` or `┼`.
  private func label(_ row: String) -> Double? {
    guard let bar = row.firstIndex(where: { "┤┼".contains($0) }) else { return nil }
    return row[..<bar].split(separator: " ").last.flatMap { Double($0) }
  }

  @Test func eachLaneHasItsOwnAxisLabelsAndZeroLine() throws {
    for glyphs in [PlotGlyphs.braille, .plain] {
      let frame = rows(statQuest([.last], width: 100, height: 30), glyphs)
      let input = panel("input", in: frame)
      let memory = panel("memories", in: frame)
      #expect(input.count >= 2 && memory.count >= 5, "\(glyphs)")
      for lane in [input, memory] {
        let labels = lane.compactMap(label)
        #expect(labels.count >= 2)
        #expect(labels == labels.sorted(by: >), "labels fall down the panel: \(labels)")
        #expect(lane.contains { $0.contains("┼") && label($0) == 0 }, "a zero row: \(lane)")
      }
      // The memory lane's labels are its own: none of the input lane's scale runs on into it.
      let memoryLabels = memory.compactMap(label)
      #expect(memoryLabels.max() ?? 1 < 0.5, "\(memoryLabels)")
    }
  }

  @Test func positiveMemoriesAreNeverDrawnBelowTheRowOfZero() throws {
    // Company A's last LTM (0.0153) and STM (0.0064) are positive: at t = 4 they stand on or
    // above the row of 0, and on it only in its upper dots.
    let frame = rows(statQuest([.last], width: 100, height: 30))
    let memory = panel("memories", in: frame)
    let zero = try #require(memory.firstIndex { $0.contains("┼") })
    let axis = try #require(frame.last { $0.contains("└") && $0.contains("┴") })
    let current = try #require(Array(axis).firstIndex(of: "┴"))
    for (index, row) in memory.enumerated() {
      let cells = Array(row)
      guard cells.indices.contains(current) else { continue }
      let scalar = cells[current].unicodeScalars.first?.value ?? 0
      guard (0x2801...0x28FF).contains(scalar) else { continue }
      #expect(index <= zero, "a dot of t = 4 below the row of 0: \(row)")
      if index == zero {
        #expect((scalar - 0x2800) & 0b1110_0100 == 0, "in the lower half of 0's row: \(row)")
      }
    }
    #expect(memory[...zero].contains { Array($0).indices.contains(current) })
  }

  @Test func thePanelsGrowWithTheTerminal() throws {
    for (width, height) in [(100, 30), (120, 40), (200, 60)] {
      let frame = rows(statQuest([.last], width: width, height: height))
      let blank = frame.filter { $0.allSatisfy { $0 == " " } }.count
      #expect(blank <= 3, "\(width)×\(height): \(blank) blank rows")
    }
    let small = panel("memories", in: rows(statQuest([.last], width: 100, height: 30)))
    let large = panel("memories", in: rows(statQuest([.last], width: 200, height: 60)))
    #expect(large.count >= 2 * small.count)
    // The time axis runs the terminal's width.
    let axis = try #require(
      rows(statQuest([.last], width: 200, height: 60)).last { $0.contains("└") })
    #expect(axis.count >= 195)
  }

  @Test func forgetfulAndLongMemoryLookDifferentAt100By30() throws {
    var shapes: [String: [String]] = [:]
    for name in ["forgetful", "long-memory"] {
      var state = State(lesson: try sample(name), width: 100, height: 30)
      reduce(&state, .last)
      let memory = panel("memories", in: rows(state))
      #expect(memory.count >= 5, "\(name): \(memory.count) memory rows")
      shapes[name] = memory
    }
    let forgetful = try #require(shapes["forgetful"])
    let longMemory = try #require(shapes["long-memory"])
    // At the end the forgetful LTM is back at 0, the long memory's still near its top.
    /// The highest row whose last cell (the last step's) holds braille dots.
    func rowOfLastDot(_ rows: [String]) -> Int? {
      rows.firstIndex { row in
        row.unicodeScalars.last.map { (0x2801...0x28FF).contains($0.value) } ?? false
      }
    }
    let zeroForgetful = try #require(forgetful.firstIndex { $0.contains("┼") })
    let lastForgetful = try #require(rowOfLastDot(forgetful))
    let lastLong = try #require(rowOfLastDot(longMemory))
    #expect(lastForgetful == zeroForgetful)
    #expect(lastLong <= 1)
  }

  @Test func plainPlotsUseNoBrailleAndBrailleIsOneColumn() {
    let state = statQuest([.next], width: 120, height: 40)
    let plain = rows(state, .plain).joined()
    let braille = rows(state).joined()
    let isBraille = { (scalar: Unicode.Scalar) in (0x2800...0x28FF).contains(scalar.value) }
    #expect(!plain.unicodeScalars.contains(where: isBraille))
    #expect(braille.unicodeScalars.contains(where: isBraille))
    #expect("⠿⣀⡀".terminalColumns == 3)
  }

  @Test func theCurrentStepStaysMarked() {
    for glyphs in [PlotGlyphs.braille, .plain] {
      for t in 1...4 {
        let frame = rows(
          statQuest(Array(repeating: .next, count: t - 1), width: 100, height: 30), glyphs)
        #expect(frame.contains { $0.contains("▲ t = \(t)") }, "\(glyphs) t = \(t)")
        #expect(frame.contains { $0.contains("└") && $0.contains("┴") })
      }
    }
  }
}
