import Foundation
import GoldenFixtures
import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// The StatQuest lesson at `width`×`height` after `actions`.
func statQuest(
  _ actions: [Action] = [], width: Int = 80, height: Int = 24, precision: Int = 4
) -> State {
  var state = State(lesson: .statQuest, width: width, height: height, precision: precision)
  for action in actions { reduce(&state, action) }
  return state
}

/// The frame of `state` as text, one line a row.
func frameText(_ state: State) -> String {
  Screen.render(state).lines.joined(separator: "\n")
}

/// The folder of this test file.
private let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

/// Compares `state`'s frame with `Snapshots/NAME.txt`.
///
/// With `LSTMVIZ_UPDATE_SNAPSHOTS=1` in the environment, writes the file instead: the way to
/// change a snapshot on purpose (then read the diff).
func expectSnapshot(
  _ state: State, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = testsFolder.appendingPathComponent("Snapshots/\(name).txt")
  let text = frameText(state) + "\n"
  if ProcessInfo.processInfo.environment["LSTMVIZ_UPDATE_SNAPSHOTS"] == "1" {
    try text.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(name).txt: run with LSTMVIZ_UPDATE_SNAPSHOTS=1 to write it",
      sourceLocation: sourceLocation)
    return
  }
  #expect(
    text == stored, "frame differs from Snapshots/\(name).txt", sourceLocation: sourceLocation)
}

/// The golden 3×2 PyTorch model (hidden size 3, input size 2) and its `wave` sequence, loaded
/// as `lstmviz --model … --sequences …` loads them.
func torch3x2Lesson() throws -> Lesson {
  try fixtureLesson(
    LessonSources(
      model: fixtureURL("torch-3x2.state_dict.json").path,
      sequences: fixtureURL("torch-3x2.sequences.json").path))
}

/// The golden 1×1 PyTorch model with its weights to four decimals, and the sequences a scalar
/// model gets by default.
func torch1x1Lesson() throws -> Lesson {
  try fixtureLesson(LessonSources(model: fixtureURL("torch-1x1.state_dict.json").path))
}

/// The golden 1×1 PyTorch model with every weight moved by 0.000012345678, so that weights show
/// with as many decimals as the precision asks: the longest formulas a scalar cell has.
func fineWeights1x1Lesson() throws -> Lesson {
  let data = try Data(contentsOf: fixtureURL("torch-1x1.state_dict.json"))
  let tensors = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  let nudged = tensors.mapValues { tensor -> Any in
    if let rows = tensor as? [[Double]] { return rows.map { $0.map { $0 + 0.000012345678 } } }
    return (tensor as? [Double] ?? []).map { $0 + 0.000012345678 }
  }
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("lstmviz-fine-weights-\(UUID().uuidString).json")
  try JSONSerialization.data(withJSONObject: nudged).write(to: url)
  defer { try? FileManager.default.removeItem(at: url) }
  return try fixtureLesson(LessonSources(model: url.path))
}

/// The lesson `sources` name, loaded as the CLI loads it.
func fixtureLesson(_ sources: LessonSources) throws -> Lesson {
  try Lesson.load(sources) { (path: String) throws(LessonError) -> [UInt8] in
    guard let data = FileManager.default.contents(atPath: path) else {
      throw LessonError(file: path, location: nil, message: "cannot be read")
    }
    return Array(data)
  }
}
